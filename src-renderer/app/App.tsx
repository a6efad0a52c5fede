/** Shows the screen for the current state: setup, sign-in, reset, lock, or the app. */
import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../components/AuthLayout';
import { FirstSignIn } from '../screens/first-sign-in/FirstSignIn';
import { LockScreen } from '../screens/lock/LockScreen';
import { SetupWizard } from '../screens/setup/SetupWizard';
import { ResetPassword } from '../screens/sign-in/ResetPassword';
import { SignIn } from '../screens/sign-in/SignIn';
import { AppShell } from '../shell/AppShell';
import { useSessionStore } from '../stores/session';
import { useApi } from './api';
import { loadStatus } from './session-actions';

/** The root component. Asks the main process for the status once, then follows the session store. */
export function App() {
  const { t } = useTranslation();
  const api = useApi();
  const screen = useSessionStore(state => state.screen);

  useEffect(() => {
    void loadStatus(api);
  }, [api]);

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  switch (screen) {
    case 'loading':
      return (
        <Center mih="100vh" component="main">
          <Group gap="sm" role="status">
            <Loader size="sm" />
            <Text size="sm">{t('app.loading')}</Text>
          </Group>
        </Center>
      );
    case 'startup-error':
      return (
        <AuthLayout title={t('app.startupError')}>
          <Stack gap="md">
            <Alert color="red" variant="light" role="alert">
              {t('app.startupErrorHint')}
            </Alert>
            <Button
              onClick={() => {
                useSessionStore.setState({ screen: 'loading' });
                void loadStatus(api);
              }}
            >
              {t('app.retry')}
            </Button>
          </Stack>
        </AuthLayout>
      );
    case 'setup':
      return <SetupWizard />;
    case 'sign-in':
      return <SignIn />;
    case 'reset-password':
      return <ResetPassword />;
    case 'first-sign-in':
      return <FirstSignIn />;
    case 'lock':
      return <LockScreen />;
    case 'app':
      return <AppShell />;
  }
}
