/**
 * Create or edit a deal: title, amount typed the Ukrainian way ("12 500,50", read with
 * `parseMoney` into kopecks), currency, stage (new deals), probability, expected close date,
 * contact and company pickers fed by the caller's scoped lists. Field errors are the translated
 * `deal.*` codes, live and from the main process.
 */
import { Alert, Button, Group, Select, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CURRENCIES,
  moneyInputText,
  parseMoney,
  type Currency,
  type Deal,
  type Pipeline,
} from '../../../src-shared/deals';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { errorText } from '../../app/errors';
import { ContactPicker } from './ContactPicker';
import { CompanyPicker } from '../companies/CompanyPicker';
import { fieldErrors } from './format';
import { ProbabilityInput } from './ProbabilityInput';

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
  const [title, setTitle] = useState(deal?.title ?? '');
  const [amount, setAmount] = useState(deal ? moneyInputText(deal.amountMinor) : '');
  const [currency, setCurrency] = useState<Currency>(deal?.currency ?? 'UAH');
  const [stageId, setStageId] = useState(openStages[0]?.id ?? '');
  const [probability, setProbability] = useState<number | ''>(deal?.probability ?? '');
  const [expectedClose, setExpectedClose] = useState(deal?.expectedClose ?? '');
  const [contact, setContact] = useState({
    id: deal?.contactId ?? '',
    name: deal?.contactName ?? '',
  });
  const [company, setCompany] = useState({
    id: deal?.companyId ?? '',
    name: deal?.companyName ?? '',
  });
  const [notes, setNotes] = useState(deal?.notes ?? '');
  const [error, setError] = useState<CallError | null>(null);
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);

  const money = amount.trim() === '' ? ({ ok: true, minor: 0 } as const) : parseMoney(amount);
  const live: Record<string, string> = {};
  if (touched && title.trim() === '') live['title'] = t('deal.title_required');
  if (amount.trim() !== '' && !money.ok) live['amountMinor'] = t(`deal.${money.issue}`);
  const server = fieldErrors(t, error);
  const errorOf = (field: string) => live[field] ?? server[field];

  async function submit() {
    setTouched(true);
    if (title.trim() === '' || !money.ok) return;
    setBusy(true);
    const fields = {
      title,
      amountMinor: money.minor,
      currency,
      expectedClose: expectedClose || null,
      contactId: contact.id || null,
      companyId: company.id || null,
      notes,
      ...(probability === '' ? {} : { probability }),
    };
    const result = deal
      ? await api.deals.update({ id: deal.id, patch: fields, expectedUpdatedAt: deal.updatedAt })
      : await api.deals.create({
          deal: {
            ...fields,
            stageId,
            contactId: contact.id || undefined,
            companyId: company.id || undefined,
            expectedClose: expectedClose || undefined,
          },
        });
    setBusy(false);
    if (result.ok) onDone(result.value.id);
    else setError(result.error);
  }

  const generalError = error && Object.keys(server).length === 0 ? errorText(t, error) : null;

  return (
    <form
      onSubmit={event => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack maw={640}>
        <Title order={1}>{deal ? deal.title : t('deals.new')}</Title>
        {generalError ? <Alert color="red">{generalError}</Alert> : null}
        <TextInput
          label={t('deals.field.title')}
          value={title}
          onChange={e => setTitle(e.currentTarget.value)}
          required
          data-autofocus
          autoFocus
          error={errorOf('title')}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('deals.field.amount')}
            description={t('deals.field.amountHint')}
            value={amount}
            onChange={e => setAmount(e.currentTarget.value)}
            inputMode="decimal"
            error={errorOf('amountMinor')}
          />
          <Select
            label={t('deals.field.currency')}
            data={[...CURRENCIES]}
            value={currency}
            onChange={v => v && setCurrency(v as Currency)}
            allowDeselect={false}
            error={errorOf('currency')}
          />
        </Group>
        <Group grow align="flex-start">
          {deal ? null : (
            <Select
              label={t('deals.field.stage')}
              data={openStages.map(s => ({ value: s.id, label: s.name }))}
              value={stageId}
              onChange={v => v && setStageId(v)}
              allowDeselect={false}
            />
          )}
          <ProbabilityInput
            placeholder={t('deals.field.probabilityAuto')}
            value={probability}
            onChange={setProbability}
            error={errorOf('probability')}
          />
          <TextInput
            type="date"
            label={t('deals.field.expectedClose')}
            value={expectedClose}
            onChange={e => setExpectedClose(e.currentTarget.value)}
            error={errorOf('expectedClose')}
          />
        </Group>
        <ContactPicker
          value={contact.id}
          label={contact.name}
          error={errorOf('contactId')}
          onChange={(id, name) => setContact({ id, name })}
        />
        {canLinkCompanies ? (
          <CompanyPicker
            value={company.id}
            label={company.name}
            error={errorOf('companyId')}
            texts={{
              label: t('deals.field.company'),
              placeholder: t('deals.field.companyPlaceholder'),
              nothing: t('deals.field.companyNothing'),
            }}
            onChange={(id, name) => setCompany({ id, name })}
          />
        ) : null}
        <Textarea
          label={t('deals.field.notes')}
          value={notes}
          onChange={e => setNotes(e.currentTarget.value)}
          autosize
          minRows={2}
          error={errorOf('notes')}
        />
        <Group>
          <Button type="submit" loading={busy}>
            {t('deals.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('deals.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
