/** The read-only fields of a deal's page, grouped as description lists. */
import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../src-shared/deals';
import { detailFieldOf, DetailSection as Section } from '../../components/records/RecordDetail';
import { dealAmount } from './format';

const Field = detailFieldOf('deals');

/** The deal itself (amount, chances, close date, notes) and who takes part (client, owner). */
export function DealFields({ deal }: { deal: Deal }) {
  const { t, i18n } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Section title={t('deals.detail.dealSection')}>
        <Field label={t('deals.field.amount')}>{dealAmount(deal, i18n.language)}</Field>
        <Field label={t('deals.field.probabilityShown')}>{`${deal.probability}%`}</Field>
        <Field label={t('deals.field.expectedClose')}>{deal.expectedClose}</Field>
        <Field label={t('deals.field.notes')}>
          {deal.notes ? <Text style={{ whiteSpace: 'pre-wrap' }}>{deal.notes}</Text> : null}
        </Field>
      </Section>
      <Section title={t('deals.detail.peopleSection')}>
        <Field label={t('deals.field.contact')}>{deal.contactName}</Field>
        <Field label={t('deals.field.company')}>{deal.companyName}</Field>
        <Field label={t('deals.field.owner')}>{deal.ownerName}</Field>
      </Section>
    </SimpleGrid>
  );
}
