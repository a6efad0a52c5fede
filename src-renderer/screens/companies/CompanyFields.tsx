/** The read-only fields of a company, grouped as description lists. */
import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../../src-shared/companies';
import { formatDateTime, formatPhone } from '../contacts/format';

/** All fields of `company`; `nameOf` names the users who created and changed it. */
export function CompanyFields(props: { company: Company; nameOf: (userId: string) => string }) {
  const { t, i18n } = useTranslation();
  const { company } = props;
  const stamp = (iso: string, userId: string) =>
    t('companies.detail.when', {
      when: formatDateTime(iso, i18n.language),
      who: props.nameOf(userId),
    });
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
        <Field label={t('companies.detail.phones')}>
          {company.phones.length > 0
            ? company.phones.map(phone => (
                <div key={phone.e164}>
                  <Anchor href={`tel:${phone.e164}`}>{formatPhone(phone.e164)}</Anchor>
                  {phone.label ? (
                    <Text span c="dimmed" size="sm">
                      {' '}
                      · {phone.label}
                    </Text>
                  ) : null}
                </div>
              ))
            : null}
        </Field>
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
        <Field label={t('companies.detail.created')}>
          {stamp(company.createdAt, company.createdBy)}
        </Field>
        <Field label={t('companies.detail.updated')}>
          {stamp(company.updatedAt, company.updatedBy)}
        </Field>
      </Section>
    </SimpleGrid>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <Stack gap="sm" component="dl" m={0}>
        {children}
      </Stack>
    </Paper>
  );
}

/** One label and value; an empty value shows a dash so the layout stays steady. */
function Field({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const empty = children === null || children === undefined || children === '';
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {empty ? t('companies.none') : children}
      </Text>
    </div>
  );
}
