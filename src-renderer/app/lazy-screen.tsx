/**
 * Screens loaded on first use (issue 19: the sign-in screen must not carry the whole app's script).
 * `lazyScreen` wraps a dynamic import of a named export in React.lazy; `ScreenSuspense` shows a calm
 * "Loading…" line while the chunk arrives (from the local app:// files, usually well under a second).
 */
import { Center, Group, Loader, Text } from '@mantine/core';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A component loaded from `load()`'s export `name` when first rendered. */
export function lazyScreen<M, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): ComponentType<Record<string, never>> {
  return lazy(async () => ({
    default: (await load())[name] as ComponentType<Record<string, never>>,
  }));
}

/** The loading line, as the app shows while it asks the main process for its status. */
export function ScreenLoading({ fullHeight = false }: { fullHeight?: boolean }) {
  const { t } = useTranslation();
  return (
    <Center mih={fullHeight ? '100vh' : 200} component={fullHeight ? 'main' : 'div'}>
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text size="sm">{t('app.loading')}</Text>
      </Group>
    </Center>
  );
}

/** Suspense with {@link ScreenLoading} as the fallback. */
export function ScreenSuspense({
  children,
  fullHeight = false,
}: {
  children: ReactNode;
  fullHeight?: boolean;
}) {
  return <Suspense fallback={<ScreenLoading fullHeight={fullHeight} />}>{children}</Suspense>;
}
