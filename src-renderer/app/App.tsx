/** Shows the screen for the current state: setup, sign-in, reset, lock, or the app. */
import { Alert, Button, Stack } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../components/AuthLayout';
import { LockScreen } from '../screens/lock/LockScreen';
import { SignIn } from '../screens/sign-in/SignIn';
import { useSessionStore, type Screen } from '../stores/session';
import { useApi } from './api';
import { lazyScreen, ScreenLoading, ScreenSuspense } from './lazy-screen';
import { loadStatus } from './session-actions';

// Sign-in and lock are in the first chunk; the rest loads when first shown (issue 19).
const AppShell = lazyScreen(() => import('../shell/AppShell'), 'AppShell');
const SetupWizard = lazyScreen(() => import('../screens/setup/SetupWizard'), 'SetupWizard');
const FirstSignIn = lazyScreen(() => import('../screens/first-sign-in/FirstSignIn'), 'FirstSignIn');
const ResetPassword = lazyScreen(() => import('../screens/sign-in/ResetPassword'), 'ResetPassword');

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

  const retry = () => {
    useSessionStore.setState({ screen: 'loading' });
    void loadStatus(api);
  };
  return (
    <ScreenSuspense fullHeight>
      <CurrentScreen screen={screen} onRetry={retry} />
    </ScreenSuspense>
  );
}

function CurrentScreen({ screen, onRetry }: { screen: Screen; onRetry: () => void }) {
  const { t } = useTranslation();
  switch (screen) {
    case 'loading':
      return <ScreenLoading fullHeight />;
    case 'startup-error':
      return (
        <AuthLayout title={t('app.startupError')}>
          <Stack gap="md">
            <Alert color="red" variant="light" role="alert">
              {t('app.startupErrorHint')}
            </Alert>
            <Button onClick={onRetry}>{t('app.retry')}</Button>
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
