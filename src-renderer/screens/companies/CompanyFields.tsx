/** The read-only fields of a company, grouped as description lists. */
import { Anchor, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../../src-shared/companies';
import {
  ChangeStamps,
  detailFieldOf,
  DetailSection as Section,
  phoneLinks,
} from '../../components/records/RecordDetail';

const Field = detailFieldOf('companies');

/** All fields of `company`; `nameOf` names the users who created and changed it. */
export function CompanyFields(props: { company: Company; nameOf: (userId: string) => string }) {
  const { t } = useTranslation();
  const { company } = props;
  const multiline = (text: string | null) =>
    text ? <Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Text> : null;

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Section title={t('companies.detail.codesSection')}>
        <Field label={t('companies.detail.edrpou')}>{company.edrpou}</Field>
        <Field label={t('companies.detail.rnokpp')}>{company.rnokpp}</Field>
        <Field label={t('companies.detail.legalAddress')}>{multiline(company.legalAddress)}</Field>
        <Field label={t('companies.detail.actualAddress')}>
          {multiline(company.actualAddress)}
        </Field>
      </Section>
      <Section title={t('companies.detail.contactSection')}>
        <Field label={t('companies.detail.phones')}>{phoneLinks(company.phones)}</Field>
        <Field label={t('companies.detail.website')}>
          {company.website ? (
            <Anchor href={company.website} target="_blank" rel="noopener noreferrer">
              {company.website.replace(/^https?:\/\//u, '')}
            </Anchor>
          ) : null}
        </Field>
        <Field label={t('companies.detail.notes')}>{multiline(company.notes)}</Field>
      </Section>
      <Section title={t('companies.detail.recordSection')}>
        <Field label={t('companies.detail.owner')}>{company.ownerName}</Field>
        <ChangeStamps ns="companies" record={company} nameOf={props.nameOf} />
      </Section>
    </SimpleGrid>
  );
}
