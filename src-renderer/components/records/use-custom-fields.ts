/**
 * A record form's custom fields: the record type's live fields, the record's stored values (when
 * editing), what the user typed, the per-kind checks the main process runs too
 * (src-shared/custom-fields/values.ts), and the save of the changed values after the record's own
 * save (`fields.setValues`, with the record's fresh concurrency token).
 */
import { useEffect, useMemo, useState } from 'react';
import {
  checkCustomValue,
  type CustomField,
  type CustomRecordType,
  type CustomValue,
  type CustomValues,
} from '../../../src-shared/custom-fields';
import type { Result } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';

/** A typed value: text as typed (numbers and dates too), yes/no as a boolean, '' / null empty. */
export type CustomDraft = Record<string, string | boolean | null>;

function draftOf(fields: readonly CustomField[], values: CustomValues): CustomDraft {
  const out: CustomDraft = {};
  for (const f of fields) {
    const v = values[f.id];
    out[f.id] =
      v === undefined ? (f.kind === 'yesno' ? null : '') : typeof v === 'boolean' ? v : String(v);
  }
  return out;
}

function sameValue(a: CustomValue | undefined, b: CustomValue | null): boolean {
  return (a ?? null) === b;
}

/** The state of the custom fields part of a record form. */
export function useCustomFields(recordType: CustomRecordType, recordId: string | null) {
  const api = useApi();
  const [fields, setFields] = useState<CustomField[]>([]);
  const [stored, setStored] = useState<CustomValues>({});
  const [draft, setDraft] = useState<CustomDraft>({});
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [serverCodes, setServerCodes] = useState<Record<string, string>>({});

  useEffect(() => {
    let live = true;
    void (async () => {
      const list = await api.fields.list({ recordType });
      if (!live || !list.ok) return;
      let values: CustomValues = {};
      if (recordId !== null) {
        const read = await api.fields.values({ recordType, id: recordId });
        if (!live) return;
        if (read.ok) values = read.value.values;
      }
      setFields(list.value);
      setStored(values);
      setDraft(draftOf(list.value, values));
    })();
    return () => {
      live = false;
    };
  }, [api, recordType, recordId]);

  /** The stored form of each field's typed value, or its problem code. */
  const checked = useMemo(() => {
    const values: Record<string, CustomValue | null> = {};
    const codes: Record<string, string> = {};
    for (const f of fields) {
      const raw = draft[f.id] ?? null;
      const result = checkCustomValue(f, raw);
      if ('issue' in result) codes[f.id] = `custom.${result.issue}`;
      else values[f.id] = result.value;
    }
    return { values, codes };
  }, [fields, draft]);

  const changes = (): Record<string, CustomValue | null> => {
    const out: Record<string, CustomValue | null> = {};
    for (const [id, value] of Object.entries(checked.values)) {
      if (!sameValue(stored[id], value)) out[id] = value;
    }
    return out;
  };

  return {
    fields,
    draft,
    /** The message code of field `id` once it was left or a save was tried. */
    codeOf: (id: string, tried: boolean): string | undefined =>
      serverCodes[id] ?? (tried || touched.has(id) ? checked.codes[id] : undefined),
    set: (id: string, value: string | boolean | null) => {
      setDraft(old => ({ ...old, [id]: value }));
      setServerCodes({});
    },
    touch: (id: string) => setTouched(old => (old.has(id) ? old : new Set(old).add(id))),
    ok: () => Object.keys(checked.codes).length === 0,
    dirty: () => Object.keys(changes()).length > 0,
    /** Saves the changed values on the saved record; a refusal marks the fields it names. */
    save: async (record: { id: string; updatedAt: string }): Promise<Result<unknown>> => {
      const result = await api.fields.setValues({
        recordType,
        id: record.id,
        values: changes(),
        expectedUpdatedAt: record.updatedAt,
      });
      if (result.ok) {
        setStored(result.value.values);
      } else {
        const marks = (result.error.details?.codes ?? []) as { field: string; code: string }[];
        setServerCodes(
          Object.fromEntries(marks.map(m => [m.field.replace(/^values\./u, ''), m.code])),
        );
      }
      return result;
    },
  };
}

/** The state {@link useCustomFields} returns. */
export type CustomFieldsState = ReturnType<typeof useCustomFields>;
