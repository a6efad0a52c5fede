/**
 * Create or edit a company. Checked live with the shared schema (ЄДРПОУ and РНОКПП check digits
 * included); a field's message appears once the field was left or a save was tried. Ctrl+Enter
 * saves, Escape cancels.
 */
import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecordFormProps } from '../../components/records/RecordScreen';
import { COMPANY_LIMITS, type Company } from '../../../src-shared/companies';
import { useApi } from '../../app/api';
import {
  FormSection as Section,
  NotesField,
  RecordForm,
} from '../../components/records/RecordForm';
import { useRecordForm } from '../../components/records/use-record-form';
import { DuplicateWarnings } from '../../components/records/DuplicateWarnings';
import { PhoneRows } from '../../components/records/FormRows';
import { loadCompany, rememberCompany } from './actions';
import { CustomFieldsSection } from '../../components/records/CustomFieldsSection';
import { useCustomFields } from '../../components/records/use-custom-fields';
import { companyFormModel } from './form-model';
import { useCompaniesStore } from './store';

/** The form; `record` null = a new company. `onDone` gets the saved company's id. */
export function CompanyForm(props: RecordFormProps<Company>) {
  const { t } = useTranslation();
  const api = useApi();
  const custom = useCustomFields('company', props.record?.id ?? null);
  const form = useRecordForm(props, companyFormModel, {
    ns: 'companies',
    create: company => api.companies.create({ company }),
    update: (id, patch, expectedUpdatedAt) =>
      api.companies.update({ id, patch, expectedUpdatedAt }),
    load: id => loadCompany(api, id),
    remember: (company, created) => {
      rememberCompany(company);
      if (created) useCompaniesStore.setState({ loadedQuery: null });
    },
    extra: custom,
  });
  const { text, values } = form;

  return (
    <RecordForm ns="companies" form={form}>
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
        <PhoneRows {...form.rows('phones')} />
        <DuplicateWarnings
          type="companies"
          values={{
            phones: values.phones.map(p => p.number),
            edrpou: values.edrpou,
            rnokpp: values.rnokpp,
            name: { name: values.name },
          }}
          excludeId={props.record?.id}
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
        <NotesField {...text('notes', t('companies.form.notes'), COMPANY_LIMITS.notes)} />
      </Section>
      <CustomFieldsSection custom={custom} tried={form.tried} />
    </RecordForm>
  );
}
