/**
 * New password + confirmation with live policy feedback (the same `checkPassword` the main process
 * enforces), used by the setup wizard, the password reset, the first sign-in and "Add user".
 */
import { Group, List, PasswordInput, Progress, Stack, Text } from '@mantine/core';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as PolicyModule from '../../src-shared/policy/password';
import type { PasswordCheck } from '../../src-shared/policy/password';

type PasswordPolicy = typeof PolicyModule;
let policy: PasswordPolicy | undefined;
let policyLoading: Promise<PasswordPolicy> | undefined;

/**
 * The policy module carries zxcvbn's dictionaries (~2 MB): it is loaded on first need, so the
 * sign-in and lock screens (opened many times a day) do not parse it.
 */
export function loadPasswordPolicy(): Promise<PasswordPolicy> {
  policyLoading ??= import('../../src-shared/policy/password').then(module => (policy = module));
  return policyLoading;
}

const SCORE_COLORS = ['red', 'red', 'orange', 'teal', 'green'] as const;

/**
 * Live verdict for a candidate password, recomputed off the typing path (deferred value); null
 * while the policy module loads.
 */
export function usePasswordCheck(
  password: string,
  login: string,
  displayName?: string,
): PasswordCheck | null {
  const [ready, setReady] = useState(() => policy !== undefined);
  useEffect(() => {
    if (ready) return;
    let mounted = true;
    void loadPasswordPolicy().then(() => {
      if (mounted) setReady(true);
    });
    return () => {
      mounted = false;
    };
  }, [ready]);
  const deferred = useDeferredValue(password);
  return useMemo(
    () =>
      ready && policy ? policy.checkPassword({ password: deferred, login, displayName }) : null,
    [ready, deferred, login, displayName],
  );
}

/** A new password being typed twice: its state, the policy verdict and the props for the fields. */
export interface NewPassword {
  password: string;
  /** The policy accepts it and the confirmation matches. */
  ok: boolean;
  /** Forgets both values (after use: the password leaves memory with the state). */
  clear: () => void;
  /** Spread into `<PasswordFields>`. */
  fields: Pick<
    PasswordFieldsProps,
    'password' | 'confirm' | 'onPasswordChange' | 'onConfirmChange' | 'check'
  >;
}

/** State of a new password + confirmation for `<PasswordFields {...fields} />`. */
export function useNewPassword(login: string, displayName?: string): NewPassword {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const check = usePasswordCheck(password, login, displayName);
  const clear = useCallback(() => {
    setPassword('');
    setConfirm('');
  }, []);
  return {
    password,
    ok: check?.ok === true && password === confirm,
    clear,
    fields: {
      password,
      confirm,
      onPasswordChange: setPassword,
      onConfirmChange: setConfirm,
      check,
    },
  };
}

interface PasswordFieldsProps {
  password: string;
  confirm: string;
  onPasswordChange: (value: string) => void;
  onConfirmChange: (value: string) => void;
  check: PasswordCheck | null;
  label: string;
  description?: string;
  /** Show "do not match" / policy errors on the fields (after the user tried to continue). */
  showErrors: boolean;
  autoFocus?: boolean;
  /**
   * Main's refusal of the password as typed (a weak password, the issued one reused): shown in
   * place of the "meets the requirements" line, so the screen never says both.
   */
  refusal?: string | null;
}

/** The two password inputs, a strength meter and the list of what is still missing. */
export function PasswordFields(props: PasswordFieldsProps) {
  const { t } = useTranslation();
  const { password, confirm, check, showErrors } = props;
  const mismatch = confirm.length > 0 && confirm !== password;
  return (
    <Stack gap="sm">
      <PasswordInput
        label={props.label}
        description={props.description}
        value={password}
        onChange={event => props.onPasswordChange(event.currentTarget.value)}
        autoComplete="new-password"
        autoFocus={props.autoFocus}
        required
        error={(showErrors && !check?.ok) || Boolean(props.refusal)}
        visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
      />
      <PasswordStrength password={password} check={check} refusal={props.refusal} />
      <PasswordInput
        label={t('strength.confirmLabel')}
        value={confirm}
        onChange={event => props.onConfirmChange(event.currentTarget.value)}
        autoComplete="new-password"
        required
        error={
          mismatch || (showErrors && confirm !== password) ? t('strength.mismatch') : undefined
        }
        visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
      />
    </Stack>
  );
}

/** Meter + verdict. Empty password: just the tip. */
export function PasswordStrength({
  password,
  check,
  refusal,
}: {
  password: string;
  check: PasswordCheck | null;
  /** Main refused this password: its reason replaces the green verdict. */
  refusal?: string | null;
}) {
  const { t } = useTranslation();
  if (password.length === 0 || !check) {
    return (
      <Text size="xs" c="dimmed">
        {t('strength.hint')}
      </Text>
    );
  }
  const level = t(`strength.level${check.score}`);
  return (
    <Stack gap={6} aria-live="polite">
      <Group gap="sm" wrap="nowrap">
        <Progress.Root size="sm" style={{ flex: 1 }}>
          <Progress.Section
            value={(check.score + 1) * 20}
            color={SCORE_COLORS[check.score]}
            withAria={false}
            role="progressbar"
            aria-label={t('strength.label')}
            aria-valuemin={0}
            aria-valuemax={4}
            aria-valuenow={check.score}
            aria-valuetext={level}
          />
        </Progress.Root>
        <Text size="xs" fw={500} miw={96} ta="right">
          {level}
        </Text>
      </Group>
      {refusal ? (
        <Text size="xs" c="red.9">
          {refusal}
        </Text>
      ) : check.ok ? (
        <Text size="xs" c="teal.9">
          {t('strength.good')}
        </Text>
      ) : (
        <List size="xs" c="red.9" spacing={2}>
          {check.issues.map(issue => (
            <List.Item key={issue}>{t(`password.${issue}`)}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
