/**
 * First run: vault location → owner account → two-factor → (createVault) → recovery kit.
 * The form, the TOTP secret and the kit live in this component's state only and vanish with it.
 */
import { Stepper } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupResult, TotpEnrollment } from '../../../src-shared/ipc/auth';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { isEnrollmentExpired } from '../../app/errors';
import { enterApp } from '../../app/session-actions';
import { AuthLayout } from '../../components/AuthLayout';
import { loadPasswordPolicy } from '../../components/PasswordFields';
import { useSessionStore } from '../../stores/session';
import { AccountStep } from './AccountStep';
import { SETUP_STEPS, stepForError, type SetupForm, type SetupStep } from './form';
import { RecoveryKitStep } from './RecoveryKitStep';
import { TotpStep } from './TotpStep';
import { VaultStep } from './VaultStep';

/** The setup wizard screen (state `no_vault`). */
export function SetupWizard() {
  const { t } = useTranslation();
  const api = useApi();
  const status = useSessionStore(state => state.status);
  const keychainAvailable = status?.keychainAvailable ?? false;
  const [active, setActive] = useState<SetupStep>(SETUP_STEPS.vault);
  const [form, setForm] = useState<SetupForm>(() => ({
    vaultDir: status?.vaultDir ?? '',
    deviceBinding: keychainAvailable,
    login: '',
    displayName: '',
    password: '',
    confirm: '',
  }));
  const [enrollment, setEnrollment] = useState<(TotpEnrollment & { login: string }) | null>(null);
  const [error, setError] = useState<{ step: SetupStep; error: CallError } | null>(null);
  const [busy, setBusy] = useState(false);
  const [kit, setKit] = useState<SetupResult | null>(null);

  // Start loading the password policy now, so step 2 gives feedback from the first keystroke.
  useEffect(() => {
    void loadPasswordPolicy();
  }, []);

  const update = (patch: Partial<SetupForm>) => setForm(current => ({ ...current, ...patch }));
  const go = (step: SetupStep) => {
    setError(null);
    setActive(step);
  };
  const errorFor = (step: SetupStep) => (error?.step === step ? error.error : null);

  // A fresh TOTP secret for the chosen login when step 3 opens (kept if the login did not change,
  // so going back and forth does not invalidate a code the user already scanned).
  const login = form.login.trim().toLowerCase();
  const needsEnrollment = active === SETUP_STEPS.twoFactor && enrollment?.login !== login;
  useEffect(() => {
    if (!needsEnrollment) return;
    let cancelled = false;
    void api.auth.beginTotpEnrollment({ login }).then(result => {
      if (cancelled) return;
      if (result.ok) setEnrollment({ ...result.value, login });
      else setError({ step: SETUP_STEPS.twoFactor, error: result.error });
    });
    return () => {
      cancelled = true;
    };
  }, [api, login, needsEnrollment]);

  const create = async (totpCode: string) => {
    setBusy(true);
    setError(null);
    const result = await api.auth.createVault({
      vaultDir: form.vaultDir.trim(),
      login: form.login,
      displayName: form.displayName,
      password: form.password,
      totpCode,
      deviceBinding: keychainAvailable && form.deviceBinding,
    });
    setBusy(false);
    if (!result.ok) {
      // invalid_input without a field: the TOTP enrollment expired; a new QR code is fetched.
      if (isEnrollmentExpired(result.error)) {
        setEnrollment(null);
        setError({
          step: SETUP_STEPS.twoFactor,
          error: { ...result.error, details: { field: 'enrollment' } },
        });
        setActive(SETUP_STEPS.twoFactor);
        return;
      }
      const step = stepForError(result.error);
      setError({ step, error: result.error });
      setActive(step);
      return;
    }
    // The password and the TOTP secret are no longer needed on this screen.
    setForm(current => ({ ...current, password: '', confirm: '' }));
    setEnrollment(null);
    setKit(result.value);
    setActive(SETUP_STEPS.recovery);
  };

  const open = async () => {
    if (!kit) return;
    setBusy(true);
    await enterApp(api, kit.user);
  };

  return (
    <AuthLayout title={t('setup.title')} intro={t('setup.intro')} width={760}>
      <Stepper
        active={active}
        onStepClick={step => {
          if (!kit && step < active) go(step as SetupStep);
        }}
        allowNextStepsSelect={false}
        size="sm"
        wrap={false}
        aria-label={t('setup.stepsLabel')}
        className="zamok-stepper"
      >
        <Stepper.Step label={t('setup.steps.vault')}>
          <VaultStep
            form={form}
            update={update}
            keychainAvailable={keychainAvailable}
            error={errorFor(SETUP_STEPS.vault)}
            onNext={() => go(SETUP_STEPS.account)}
          />
        </Stepper.Step>
        <Stepper.Step label={t('setup.steps.account')}>
          <AccountStep
            form={form}
            update={update}
            error={errorFor(SETUP_STEPS.account)}
            onBack={() => go(SETUP_STEPS.vault)}
            onNext={() => go(SETUP_STEPS.twoFactor)}
          />
        </Stepper.Step>
        <Stepper.Step label={t('setup.steps.twoFactor')}>
          <TotpStep
            enrollment={enrollment?.login === login ? enrollment : null}
            busy={busy}
            error={errorFor(SETUP_STEPS.twoFactor)}
            onBack={() => go(SETUP_STEPS.account)}
            onCreate={code => void create(code)}
          />
        </Stepper.Step>
        <Stepper.Step label={t('setup.steps.recovery')}>
          {kit ? <RecoveryKitStep kit={kit} busy={busy} onOpen={() => void open()} /> : null}
        </Stepper.Step>
      </Stepper>
    </AuthLayout>
  );
}
