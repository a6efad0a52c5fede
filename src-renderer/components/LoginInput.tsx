/** The login field of setup, sign-in and the reset: no spell check, the browser's username hint. */
import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { loginSchema } from '../../src-shared/ipc/auth';

/** Whether the login has a shape main accepts. */
export function isLoginOk(login: string): boolean {
  return loginSchema.safeParse(login).success;
}

interface LoginInputProps {
  label: string;
  description?: string;
  value: string;
  onChange: (login: string) => void;
  /** Show why the login is refused (after the user tried to continue). */
  showError: boolean;
  autoFocus?: boolean;
}

/** A required text input for a login, saying "letters, digits…" when its shape is wrong. */
export function LoginInput({
  label,
  description,
  value,
  onChange,
  showError,
  autoFocus,
}: LoginInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={label}
      description={description}
      value={value}
      onChange={event => onChange(event.currentTarget.value)}
      autoComplete="username"
      spellCheck={false}
      autoFocus={autoFocus}
      required
      error={showError && !isLoginOk(value) ? t('setup.account.loginInvalid') : undefined}
    />
  );
}
