/**
 * Lock screen: who is locked, why, and password + code to continue. Nothing from the session is
 * kept but the login and display name (the stores were wiped before this screen appeared).
 */
import { Alert, Anchor, Avatar, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api';
import { switchUser } from '../../app/session-actions';
import { AuthLayout } from '../../components/AuthLayout';
import { useSessionStore } from '../../stores/session';
import { SignInForm } from '../sign-in/SignInForm';

/** The lock screen (after Ctrl+L, idle time, OS lock/suspend, or a restart with a remembered user). */
export function LockScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const lockedUser = useSessionStore(state => state.lockedUser);
  const reason = useSessionStore(state => state.lockReason);

  if (!lockedUser) return null;
  const name = lockedUser.displayName ?? lockedUser.login;

  return (
    <AuthLayout title={t('lock.title')} intro={t('lock.intro')}>
      <SignInForm
        login={lockedUser.login}
        loginOk
        autoFocusPassword
        firstSignInHint={false}
        header={
          <>
            <Group gap="sm" wrap="nowrap">
              <Avatar color="blue" radius="xl" name={name} aria-hidden="true" />
              <Text fw={500} data-testid="locked-user">
                {t('lock.lockedUser', { name })}
              </Text>
            </Group>
            {reason === 'idle' || reason === 'system' ? (
              <Alert color="gray" variant="light" role="status">
                {t(reason === 'idle' ? 'lock.idleReason' : 'lock.systemReason')}
              </Alert>
            ) : null}
          </>
        }
        submitLabel={t('lock.unlock')}
        busyLabel={t('lock.unlocking')}
        footer={
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => {
              void api.auth.signOut({});
              switchUser();
            }}
          >
            {t('lock.switchUser')}
          </Anchor>
        }
      />
    </AuthLayout>
  );
}
