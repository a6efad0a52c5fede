/** The read-only fields of a deal's page, grouped as description lists. */
import { Anchor, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../src-shared/deals';
import { formatDay } from '../../components/records/format';
import { detailFieldOf, DetailSection as Section } from '../../components/records/RecordDetail';
import { openRecord } from '../search/open';
import { dealAmount } from './format';

const Field = detailFieldOf('deals');

/** A linked record's name as a link to its page (its page says so if the reader may not open it). */
function RecordLink(props: {
  type: 'contact' | 'company';
  id: string | null;
  name: string | null;
}) {
  const { id, name } = props;
  if (!name) return null;
  if (!id) return <>{name}</>;
  return (
    <Anchor component="button" type="button" onClick={() => openRecord({ type: props.type, id })}>
      {name}
    </Anchor>
  );
}

/** The deal itself (amount, chances, close date, notes) and who takes part (client, owner). */
export function DealFields({ deal }: { deal: Deal }) {
  const { t, i18n } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Section title={t('deals.detail.dealSection')}>
        <Field label={t('deals.field.amount')}>{dealAmount(deal, i18n.language)}</Field>
        <Field label={t('deals.field.probabilityShown')}>{`${deal.probability}%`}</Field>
        <Field label={t('deals.field.expectedClose')}>
          {deal.expectedClose ? formatDay(deal.expectedClose, i18n.language, 'long') : null}
        </Field>
        <Field label={t('deals.field.notes')}>
          {deal.notes ? <Text style={{ whiteSpace: 'pre-wrap' }}>{deal.notes}</Text> : null}
        </Field>
      </Section>
      <Section title={t('deals.detail.peopleSection')}>
        <Field label={t('deals.field.contact')}>
          {RecordLink({ type: 'contact', id: deal.contactId, name: deal.contactName })}
        </Field>
        <Field label={t('deals.field.company')}>
          {RecordLink({ type: 'company', id: deal.companyId, name: deal.companyName })}
        </Field>
        <Field label={t('deals.field.owner')}>{deal.ownerName}</Field>
      </Section>
    </SimpleGrid>
  );
}
