/**
 * Create or edit a deal: title, amount typed the Ukrainian way ("12 500,50", read with
 * `parseMoney` into kopecks), currency, stage (new deals), probability, expected close date,
 * contact and company pickers fed by the caller's scoped lists. Built on the shared record form
 * (components/records): live `deal.*` errors once a field was left or a save was tried, an edit
 * sends only the changed fields with `expectedUpdatedAt`, a conflict offers a reload; Ctrl+Enter
 * saves, Escape cancels.
 */
import { Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CURRENCIES,
  DEAL_LIMITS,
  type Currency,
  type Deal,
  type Pipeline,
} from '../../../src-shared/deals';
import { useApi } from '../../app/api';
import { CustomFieldsSection } from '../../components/records/CustomFieldsSection';
import { useCustomFields } from '../../components/records/use-custom-fields';
import { DateField } from '../../components/dates/DateFields';
import { useOfficeSettings } from '../../app/office';
import { RecordForm } from '../../components/records/RecordForm';
import { useRecordForm } from '../../components/records/use-record-form';
import { CompanyPicker } from '../companies/CompanyPicker';
import { ContactPicker } from './ContactPicker';
import { dealFormModel } from './form-model';
import { ProbabilityInput } from './ProbabilityInput';

/** Leaves out the cleared links and date of a new deal (a new deal has none to clear). */
function withoutNulls<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null)) as T;
}

/** `deal` null = a new deal in `pipeline`. */
export function DealForm({
  deal,
  pipeline,
  canLinkCompanies,
  onDone,
  onCancel,
}: {
  deal: Deal | null;
  pipeline: Pipeline;
  canLinkCompanies: boolean;
  onDone: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const openStages = pipeline.stages.filter(s => s.outcome !== 'lost');
  const firstStage = openStages[0]?.id ?? '';
  const custom = useCustomFields('deal', deal?.id ?? null);
  const { currency: officeCurrency } = useOfficeSettings();
  const model = useMemo(
    () => dealFormModel(firstStage, officeCurrency),
    [firstStage, officeCurrency],
  );
  const form = useRecordForm({ record: deal, onDone, onCancel }, model, {
    ns: 'deals',
    create: raw => api.deals.create({ deal: withoutNulls(raw) }),
    update: (id, patch, expectedUpdatedAt) => api.deals.update({ id, patch, expectedUpdatedAt }),
    load: id => api.deals.get({ id }),
    // The detail view loads the saved deal afresh; the board and list reload when shown.
    remember: () => undefined,
    extra: custom,
  });
  const { values, change, errorOf, touch, text } = form;

  return (
    <RecordForm ns="deals" form={form} title={form.base?.title}>
      <Stack maw={640}>
        <TextInput
          {...text('title', t('deals.field.title'), DEAL_LIMITS.title)}
          required
          data-autofocus
          autoFocus
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('deals.field.amount')}
            description={t('deals.field.amountHint')}
            value={values.amount}
            onChange={e => change({ amount: e.currentTarget.value })}
            onBlur={() => touch('amountMinor')}
            inputMode="decimal"
            maxLength={DEAL_LIMITS.amountText * 2}
            error={errorOf('amountMinor')}
          />
          <Select
            label={t('deals.field.currency')}
            data={[...CURRENCIES]}
            value={values.currency}
            onChange={v => v && change({ currency: v as Currency })}
            allowDeselect={false}
            error={errorOf('currency')}
          />
        </Group>
        <Group grow align="flex-start">
          {values.stageId === null ? null : (
            <Select
              label={t('deals.field.stage')}
              data={openStages.map(s => ({ value: s.id, label: s.name }))}
              value={values.stageId}
              onChange={v => v && change({ stageId: v })}
              allowDeselect={false}
            />
          )}
          <ProbabilityInput
            placeholder={t('deals.field.probabilityAuto')}
            value={values.probability}
            onChange={probability => change({ probability })}
            error={errorOf('probability')}
          />
          <DateField
            label={t('deals.field.expectedClose')}
            value={values.expectedClose}
            onChange={expectedClose => change({ expectedClose })}
            onBlur={() => touch('expectedClose')}
            error={errorOf('expectedClose')}
          />
        </Group>
        <ContactPicker
          value={values.contact.id}
          label={values.contact.name}
          error={errorOf('contactId')}
          onChange={(id, name) => change({ contact: { id, name } })}
        />
        {canLinkCompanies ? (
          <CompanyPicker
            value={values.company.id}
            label={values.company.name}
            error={errorOf('companyId')}
            texts={{
              label: t('deals.field.company'),
              placeholder: t('deals.field.companyPlaceholder'),
              nothing: t('deals.field.companyNothing'),
            }}
            onChange={(id, name) => change({ company: { id, name } })}
          />
        ) : null}
        <Textarea
          {...text('notes', t('deals.field.notes'), DEAL_LIMITS.notes)}
          autosize
          minRows={2}
        />
      </Stack>
      <CustomFieldsSection custom={custom} tried={form.tried} />
    </RecordForm>
  );
}
