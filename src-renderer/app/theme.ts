/** Mantine theme: calm colours with text contrast that passes WCAG AA (axe "color-contrast"). */
import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/** The app theme. Shade 8 keeps white-on-primary buttons above 4.5:1. */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  cursorType: 'pointer',
});

/** Darker "dimmed" text than Mantine's default gray.6, which is below 4.5:1 on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
