/** The 6-digit authenticator code field: digits only, spaced out, `one-time-code` autocomplete. */
import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface OneTimeCodeInputProps {
  label: string;
  value: string;
  onChange: (digits: string) => void;
  /** Show "6 digits" under the field (after the user tried to continue with a wrong code). */
  showError: boolean;
  autoFocus?: boolean;
}

/** True for exactly six digits. */
export function isOneTimeCode(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/** A numeric input that keeps at most six digits. */
export function OneTimeCodeInput({
  label,
  value,
  onChange,
  showError,
  autoFocus,
}: OneTimeCodeInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={label}
      description={t('setup.totp.codeDescription')}
      value={value}
      onChange={event => onChange(event.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      required
      autoFocus={autoFocus}
      w={{ base: '100%', xs: 260 }}
      error={showError && !isOneTimeCode(value) ? t('setup.totp.codeInvalid') : undefined}
      styles={{ input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' } }}
    />
  );
}
