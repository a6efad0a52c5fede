/**
 * Mantine's date settings for the whole app: calendars in the app's language (the `uk` dayjs
 * locale when the interface is Ukrainian, `en` otherwise; never the OS locale) and weeks starting on
 * the office's first day (Monday unless the office chose Sunday).
 */
import { DatesProvider } from '@mantine/dates';
import 'dayjs/locale/uk';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { firstDayIndex } from '../../../src-shared/settings/office';
import { useOfficeSettings } from '../../app/office';

/** Wraps the app (inside MantineProvider and the i18n provider). */
export function DatesSettings({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const { weekStart } = useOfficeSettings();
  return (
    <DatesProvider
      settings={{
        locale: i18n.language === 'uk' ? 'uk' : 'en',
        firstDayOfWeek: firstDayIndex(weekStart),
        weekendDays: [0, 6],
      }}
    >
      {children}
    </DatesProvider>
  );
}
