/** Everything the screens need around them: i18n, Mantine, the bridge. Shared by main.tsx and tests. */
import { MantineProvider } from '@mantine/core';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { ZamokApi } from '../../src-shared/ipc';
import { DatesSettings } from '../components/dates/DatesSettings';
import { ApiProvider } from './api';
import { cssVariablesResolver, theme } from './theme';

interface ProvidersProps {
  api: ZamokApi;
  i18n: I18n;
  /** 'test' turns off transitions and portals (unit tests). */
  env?: 'default' | 'test';
  children: ReactNode;
}

/** i18n + Mantine + API context. */
export function Providers({ api, i18n, env = 'default', children }: ProvidersProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider
        theme={theme}
        cssVariablesResolver={cssVariablesResolver}
        defaultColorScheme="light"
        env={env}
      >
        <DatesSettings>
          <ApiProvider api={api}>{children}</ApiProvider>
        </DatesSettings>
      </MantineProvider>
    </I18nextProvider>
  );
}
