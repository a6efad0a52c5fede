/**
 * Create or edit a company. Checked live with the shared schema (ЄДРПОУ and РНОКПП check digits
 * included); a field's message appears once the field was left or a save was tried. Ctrl+Enter
 * saves, Escape cancels.
 */
import {
  Alert,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPANY_LIMITS, type Company } from '../../../src-shared/companies';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PhoneRows } from '../contacts/FormRows';
import { loadCompany, rememberCompany } from './actions';
import {
  changedFields,
  checkForm,
  emptyValues,
  serverFieldErrors,
  valuesFromCompany,
  type CompanyFormValues,
  type FieldErrors,
} from './form-model';
import { useCompaniesStore } from './store';

/** The form; `company` null = a new one. `onDone` gets the saved company's id. */
export function CompanyForm(props: {
  company: Company | null;
  onDone: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [base, setBase] = useState(props.company);
  const [values, setValues] = useState<CompanyFormValues>(() =>
    base ? valuesFromCompany(base) : emptyValues(),
  );
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<CallError | null>(null);
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);

  const check = useMemo(() => checkForm(values), [values]);
  const liveErrors: FieldErrors = check.ok ? {} : check.errors;
  const errorOf = (path: string): string | undefined => {
    const shown = tried || touched.has(path) || touched.has(path.split('.')[0] ?? path);
    const code = serverErrors[path] ?? (shown ? liveErrors[path] : undefined);
    return code ? t(code) : undefined;
  };
  const touch = (path: string) => setTouched(old => (old.has(path) ? old : new Set(old).add(path)));
  const change = (patch: Partial<CompanyFormValues>) => {
    setValues(old => ({ ...old, ...patch }));
    setServerErrors({});
  };

  const save = async () => {
    if (saving) return;
    setTried(true);
    setError(null);
    if (!check.ok) return;
    let result;
    if (base) {
      const before = checkForm(valuesFromCompany(base));
      const patch = before.ok ? changedFields(before.input, check.input, check.raw) : check.raw;
      if (Object.keys(patch).length === 0) return props.onDone(base.id);
      setSaving(true);
      result = await api.companies.update({
        id: base.id,
        patch,
        expectedUpdatedAt: base.updatedAt,
      });
    } else {
      setSaving(true);
      result = await api.companies.create({ company: check.raw });
    }
    setSaving(false);
    if (result.ok) {
      rememberCompany(result.value);
      if (!base) useCompaniesStore.setState({ loadedQuery: null });
      props.onDone(result.value.id);
      return;
    }
    if (result.error.code === 'conflict') setConflict(true);
    else {
      const fields = serverFieldErrors(result.error, values);
      setServerErrors(fields);
      if (Object.keys(fields).length === 0) setError(result.error);
    }
  };

  const reload = async () => {
    if (!base) return;
    const fresh = await loadCompany(api, base.id);
    if (!fresh.ok) return setError(fresh.error);
    rememberCompany(fresh.value);
    setBase(fresh.value);
    setValues(valuesFromCompany(fresh.value));
    setConflict(false);
    setServerErrors({});
  };

  useHotkeys([['mod+Enter', () => void save()]], []);
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement;
    if (event.key !== 'Escape' || target.getAttribute('aria-expanded') === 'true') return;
    event.preventDefault();
    props.onCancel();
  };
  const text = (key: Exclude<keyof CompanyFormValues, 'phones'>, label: string, limit: number) => ({
    label,
    value: values[key],
    onChange: (event: { currentTarget: { value: string } }) =>
      change({ [key]: event.currentTarget.value }),
    onBlur: () => touch(key),
    error: errorOf(key),
    maxLength: limit * 2,
  });

  return (
    <form
      onSubmit={event => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={onKeyDown}
      noValidate
    >
      <Stack gap="lg" maw={960}>
        <Title order={1}>{t(base ? 'companies.form.editTitle' : 'companies.form.newTitle')}</Title>
        {conflict ? (
          <Alert color="orange" variant="light" role="alert">
            <Group justify="space-between">
              <span>{t('companies.form.conflict')}</span>
              <Button size="xs" variant="white" onClick={() => void reload()}>
                {t('companies.form.reload')}
              </Button>
            </Group>
          </Alert>
        ) : null}
        <ErrorAlert error={error} />
        <Section title={t('companies.form.main')}>
          <TextInput
            {...text('name', t('companies.form.name'), COMPANY_LIMITS.name)}
            placeholder={t('companies.form.namePlaceholder')}
            required
            data-autofocus
            autoFocus
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              {...text('edrpou', t('companies.form.edrpou'), COMPANY_LIMITS.codeText)}
              description={t('companies.form.edrpouHint')}
              inputMode="numeric"
              autoComplete="off"
            />
            <TextInput
              {...text('rnokpp', t('companies.form.rnokpp'), COMPANY_LIMITS.codeText)}
              description={t('companies.form.rnokppHint')}
              inputMode="numeric"
              autoComplete="off"
            />
          </SimpleGrid>
        </Section>
        <Section title={t('companies.form.reach')}>
          <PhoneRows
            rows={values.phones}
            onChange={phones => change({ phones })}
            onBlur={touch}
            errorOf={errorOf}
          />
          <TextInput
            {...text('website', t('companies.form.website'), COMPANY_LIMITS.website)}
            placeholder={t('companies.form.websitePlaceholder')}
            inputMode="url"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea
              {...text('legalAddress', t('companies.form.legalAddress'), COMPANY_LIMITS.address)}
              autosize
              minRows={2}
            />
            <Textarea
              {...text('actualAddress', t('companies.form.actualAddress'), COMPANY_LIMITS.address)}
              autosize
              minRows={2}
            />
          </SimpleGrid>
        </Section>
        <Section title={t('companies.form.other')}>
          <Textarea
            {...text('notes', t('companies.form.notes'), COMPANY_LIMITS.notes)}
            autosize
            minRows={3}
            maxRows={12}
          />
        </Section>
        {tried && !check.ok ? (
          <Alert color="red" variant="light">
            {t('companies.form.fixErrors')}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Tooltip label={t('companies.form.cancelHint')} withArrow>
            <Button variant="default" onClick={props.onCancel}>
              {t('companies.form.cancel')}
            </Button>
          </Tooltip>
          <Tooltip label={t('companies.form.saveHint')} withArrow>
            <BusyButton type="submit" busy={saving} busyLabel={t('companies.form.saving')}>
              {t('companies.form.save')}
            </BusyButton>
          </Tooltip>
        </Group>
      </Stack>
    </form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="fieldset" style={{ margin: 0 }}>
      <Title order={2} size="h4" mb="sm" component="legend">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}
