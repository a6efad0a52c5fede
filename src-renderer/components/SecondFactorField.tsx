/** The second factor of a sign-in: the 6-digit authenticator code, or a one-time recovery code. */
import { Anchor, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MONOSPACE_INPUT } from './input-styles';

/** What the user typed, and which kind it is. */
export interface SecondFactor {
  mode: 'totp' | 'recovery';
  value: string;
}

/**
 * The input that `signIn` needs: `totpCode` or `recoveryCode`, never both; neither when the code is
 * left empty (a first sign-in before the authenticator app is set up).
 */
export function secondFactorInput(
  factor: SecondFactor,
): { totpCode: string } | { recoveryCode: string } | Record<string, never> {
  if (factor.value.trim() === '') return {};
  return factor.mode === 'totp'
    ? { totpCode: factor.value.trim() }
    : { recoveryCode: factor.value.trim() };
}

/** Whether the entered value has the right shape: 6 digits or empty / a recovery code of 8–32. */
export function isSecondFactorValid(factor: SecondFactor): boolean {
  const value = factor.value.trim();
  return factor.mode === 'totp'
    ? value === '' || /^\d{6}$/.test(value)
    : value.length >= 8 && value.length <= 32;
}

interface SecondFactorFieldProps {
  factor: SecondFactor;
  onChange: (factor: SecondFactor) => void;
  showError: boolean;
  /**
   * False where nobody signs in for the first time (the lock screen): the code's hint then leaves
   * out "leave it empty on a first sign-in".
   */
  firstSignInHint?: boolean;
}

/** Code field plus the "use a recovery code instead" toggle. */
export function SecondFactorField({
  factor,
  onChange,
  showError,
  firstSignInHint = true,
}: SecondFactorFieldProps) {
  const { t } = useTranslation();
  const invalid = showError && !isSecondFactorValid(factor);
  return (
    <Stack gap={6}>
      {factor.mode === 'totp' ? (
        <TextInput
          key="totp"
          label={t('signIn.codeLabel')}
          description={t(
            firstSignInHint ? 'signIn.codeDescription' : 'signIn.codeDescriptionLocked',
          )}
          value={factor.value}
          onChange={event =>
            onChange({
              mode: 'totp',
              value: event.currentTarget.value.replace(/\D/g, '').slice(0, 6),
            })
          }
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          error={invalid ? t('signIn.codeInvalid') : undefined}
          styles={{ input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' } }}
        />
      ) : (
        <TextInput
          key="recovery"
          label={t('signIn.recoveryCodeLabel')}
          description={t('signIn.recoveryCodeDescription')}
          value={factor.value}
          onChange={event => onChange({ mode: 'recovery', value: event.currentTarget.value })}
          autoComplete="off"
          spellCheck={false}
          maxLength={32}
          required
          error={invalid ? t('signIn.recoveryCodeInvalid') : undefined}
          styles={MONOSPACE_INPUT}
        />
      )}
      <Anchor
        component="button"
        type="button"
        size="sm"
        style={{ alignSelf: 'flex-start' }}
        onClick={() => onChange({ mode: factor.mode === 'totp' ? 'recovery' : 'totp', value: '' })}
      >
        {factor.mode === 'totp' ? t('signIn.useRecoveryCode') : t('signIn.useAuthenticator')}
      </Anchor>
    </Stack>
  );
}
