/**
 * The contact and company forms' duplicate warning: what the form holds (valid phones, e-mails,
 * ЄДРПОУ, РНОКПП only — normalised here as the schema would) is checked by `records.duplicates`
 * whenever that set changes, after a short pause. A record the user may read is named; one outside
 * their scope is only "this client already exists in the office; ask its owner" (main decides
 * what is named). A warning, never a block: the form still saves.
 */
import { Alert, List } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { edrpouSchema, rnokppSchema } from '../../../src-shared/companies';
import { normalizeEmail, normalizePhone } from '../../../src-shared/contacts';
import type { DuplicateWarning } from '../../../src-shared/ipc/records';
import { useApi } from '../../app/api';
import { MergeFromWarning } from './merge/MergeFromWarning';

/** What the form holds, as typed. */
export interface DuplicateFormValues {
  phones: readonly string[];
  emails?: readonly string[];
  edrpou?: string;
  rnokpp?: string;
  /**
   * The name typed: records alike by name in the caller's read scope are suggested (on an edit
   * form too: main leaves out the record itself through `excludeId`).
   */
  name?: { surname: string; givenName?: string; patronymic?: string } | { name: string };
}

/** The name to send: only once it has two letters or more (nothing to compare before). */
function nameOf(name: DuplicateFormValues['name']): DuplicateFormValues['name'] | undefined {
  if (name === undefined) return undefined;
  const main = 'name' in name ? name.name : name.surname;
  if (main.trim().length < 2) return undefined;
  if ('name' in name) return { name: name.name.trim() };
  const given = name.givenName?.trim();
  const patronymic = name.patronymic?.trim();
  return {
    surname: name.surname.trim(),
    ...(given ? { givenName: given } : {}),
    ...(patronymic ? { patronymic } : {}),
  };
}

/** Waits this long after the last change before asking (typing a number is many changes). */
const PAUSE_MS = 400;

function codeOf(schema: typeof edrpouSchema, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const parsed = schema.safeParse(text);
  return parsed.success && parsed.data !== null ? parsed.data : undefined;
}

/** The probe to send: valid values only, so half-typed numbers are never sent (nor audited). */
export function probeOf(values: DuplicateFormValues) {
  const phones = [...new Set(values.phones.flatMap(p => normalizePhone(p) ?? []))];
  const emails = [...new Set((values.emails ?? []).flatMap(e => normalizeEmail(e) ?? []))];
  const edrpou = codeOf(edrpouSchema, values.edrpou);
  const rnokpp = codeOf(rnokppSchema, values.rnokpp);
  const name = nameOf(values.name);
  return {
    ...(name === undefined ? {} : { name }),
    ...(phones.length > 0 ? { phones } : {}),
    ...(emails.length > 0 ? { emails } : {}),
    ...(edrpou === undefined ? {} : { edrpou }),
    ...(rnokpp === undefined ? {} : { rnokpp }),
  };
}

/** The warning box under the fields; nothing while there is nothing to say. */
export function DuplicateWarnings(props: {
  type: 'contacts' | 'companies';
  values: DuplicateFormValues;
  /** The record being edited. */
  excludeId?: string | undefined;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [warnings, setWarnings] = useState<DuplicateWarning[]>([]);
  const probe = probeOf(props.values);
  const key = JSON.stringify(probe);
  const { type, excludeId } = props;

  useEffect(() => {
    const sent = JSON.parse(key) as ReturnType<typeof probeOf>;
    if (Object.keys(sent).length === 0) {
      setWarnings([]);
      return undefined;
    }
    let live = true;
    const timer = setTimeout(() => {
      void api.records
        .duplicates({ type, ...sent, ...(excludeId ? { excludeId } : {}) })
        .then(result => {
          // A refusal or a failure shows nothing: the check only ever helps.
          if (live) setWarnings(result.ok ? result.value : []);
        });
    }, PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, key, type, excludeId]);

  if (warnings.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" role="status" title={t('duplicates.title')}>
      <List size="sm">
        {warnings.map(w => {
          const field = t(`duplicates.field.${w.field}`);
          return (
            <List.Item key={w.visible ? `${w.field}-${w.recordId}` : `${w.field}-office`}>
              {w.field === 'name'
                ? t('duplicates.similar', { name: w.name })
                : w.visible
                  ? t('duplicates.named', { name: w.name, field })
                  : t('duplicates.office', { field })}
              {w.visible && excludeId ? (
                <>
                  {' '}
                  <MergeFromWarning type={type} editedId={excludeId} otherId={w.recordId} />
                </>
              ) : null}
            </List.Item>
          );
        })}
      </List>
    </Alert>
  );
}
