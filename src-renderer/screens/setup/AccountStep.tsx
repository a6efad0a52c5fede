/** Step 2: the owner's login, name and password (with live policy feedback). */
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../src-shared/ipc/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoginInput } from '../../components/LoginInput';
import { PasswordFields, usePasswordCheck } from '../../components/PasswordFields';
import { StepHeading } from '../../components/StepHeading';
import { SubmitForm } from '../../components/SubmitForm';
import { isDisplayNameValid, isLoginValid, type SetupForm } from './form';

interface AccountStepProps {
  form: SetupForm;
  update: (patch: Partial<SetupForm>) => void;
  error: CallError | null;
  onBack: () => void;
  onNext: () => void;
}

/** Login, display name, password + confirmation; "Next" only when the policy accepts it. */
export function AccountStep({ form, update, error, onBack, onNext }: AccountStepProps) {
  const { t } = useTranslation();
  const [tried, setTried] = useState(false);
  const check = usePasswordCheck(form.password, form.login, form.displayName);
  const loginOk = isLoginValid(form.login);
  const nameOk = isDisplayNameValid(form.displayName);
  const valid = loginOk && nameOk && check?.ok === true && form.password === form.confirm;
  return (
    <SubmitForm
      onSubmit={() => {
        setTried(true);
        if (valid) onNext();
      }}
    >
      <Stack gap="md">
        <StepHeading title={t('setup.account.heading')} intro={t('setup.account.intro')} />
        <ErrorAlert error={error} />
        <LoginInput
          label={t('setup.account.loginLabel')}
          description={t('setup.account.loginDescription')}
          value={form.login}
          onChange={login => update({ login })}
          showError={tried}
          autoFocus
        />
        <TextInput
          label={t('setup.account.displayNameLabel')}
          description={t('setup.account.displayNameDescription')}
          value={form.displayName}
          onChange={event => update({ displayName: event.currentTarget.value })}
          autoComplete="name"
          required
          error={tried && !nameOk ? t('common.required') : undefined}
        />
        <PasswordFields
          label={t('setup.account.passwordLabel')}
          description={t('setup.account.passwordDescription')}
          password={form.password}
          confirm={form.confirm}
          onPasswordChange={password => update({ password })}
          onConfirmChange={confirm => update({ confirm })}
          check={check}
          showErrors={tried}
        />
        <Group justify="space-between">
          <Button variant="default" onClick={onBack}>
            {t('common.back')}
          </Button>
          <Button type="submit">{t('common.next')}</Button>
        </Group>
      </Stack>
    </SubmitForm>
  );
}
