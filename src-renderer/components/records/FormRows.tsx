/**
 * A record form's repeatable rows: phones (number + label) and e-mails, each row removable while
 * more than one is left, and "Add" up to the schema's limit. Words: `contacts.form.*`.
 */
import { Button, CloseButton, Group, Stack, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_LIMITS } from '../../../src-shared/contacts';
import type { PhoneRow } from './form-model';

/** Message for a field path, or undefined; supplied by the form. */
export type ErrorOf = (path: string) => string | undefined;

/** Rows of one repeatable field; `children` draws row `index` (its number `n` = index + 1). */
function RepeatableRows<T>(props: {
  rows: T[];
  onChange: (rows: T[]) => void;
  blank: T;
  max: number;
  removeLabel: (n: number) => string;
  addLabel: string;
  children: (row: T, index: number, n: number) => ReactNode;
}) {
  const { rows, onChange } = props;
  return (
    <Stack gap="xs">
      {rows.map((row, index) => {
        const n = index + 1;
        return (
          <Group key={index} align="flex-start" gap="xs" wrap="nowrap">
            {props.children(row, index, n)}
            {rows.length > 1 ? (
              <CloseButton
                mt={28}
                aria-label={props.removeLabel(n)}
                onClick={() => onChange(rows.filter((_, i) => i !== index))}
              />
            ) : null}
          </Group>
        );
      })}
      {rows.length < props.max ? (
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => onChange([...rows, props.blank])}
          >
            {props.addLabel}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/** Phone rows; an empty list always keeps one row to type into. */
export function PhoneRows(props: {
  rows: PhoneRow[];
  onChange: (rows: PhoneRow[]) => void;
  onBlur: (path: string) => void;
  errorOf: ErrorOf;
}) {
  const { t } = useTranslation();
  const { rows, onChange } = props;
  const update = (index: number, patch: Partial<PhoneRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <RepeatableRows
      rows={rows}
      onChange={onChange}
      blank={{ number: '', label: '' }}
      max={CONTACT_LIMITS.phones}
      removeLabel={n => t('contacts.form.removePhone', { n })}
      addLabel={t('contacts.form.addPhone')}
    >
      {(row, index, n) => (
        <>
          <TextInput
            label={t('contacts.form.phone', { n })}
            placeholder={t('contacts.form.phonePlaceholder')}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            value={row.number}
            onChange={event => update(index, { number: event.currentTarget.value })}
            onBlur={() => props.onBlur(`phones.${index}.number`)}
            error={props.errorOf(`phones.${index}.number`)}
            maxLength={CONTACT_LIMITS.phoneText}
            style={{ flex: '1 1 60%' }}
          />
          <TextInput
            label={t('contacts.form.phoneLabel', { n })}
            placeholder={t('contacts.form.phoneLabelPlaceholder')}
            value={row.label}
            onChange={event => update(index, { label: event.currentTarget.value })}
            onBlur={() => props.onBlur(`phones.${index}.label`)}
            error={props.errorOf(`phones.${index}.label`)}
            maxLength={CONTACT_LIMITS.label * 2}
            style={{ flex: '1 1 40%' }}
          />
        </>
      )}
    </RepeatableRows>
  );
}

/** E-mail rows. */
export function EmailRows(props: {
  rows: string[];
  onChange: (rows: string[]) => void;
  onBlur: (path: string) => void;
  errorOf: ErrorOf;
}) {
  const { t } = useTranslation();
  const { rows, onChange } = props;
  return (
    <RepeatableRows
      rows={rows}
      onChange={onChange}
      blank=""
      max={CONTACT_LIMITS.emails}
      removeLabel={n => t('contacts.form.removeEmail', { n })}
      addLabel={t('contacts.form.addEmail')}
    >
      {(email, index, n) => (
        <TextInput
          label={t('contacts.form.email', { n })}
          type="email"
          autoComplete="off"
          value={email}
          onChange={event =>
            onChange(rows.map((old, i) => (i === index ? event.currentTarget.value : old)))
          }
          onBlur={() => props.onBlur(`emails.${index}`)}
          error={props.errorOf(`emails.${index}`)}
          maxLength={CONTACT_LIMITS.email}
          style={{ flex: 1 }}
        />
      )}
    </RepeatableRows>
  );
}
