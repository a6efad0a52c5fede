/**
 * A record form's custom fields: the record type's live fields, the record's stored values (when
 * editing), what the user typed, the per-kind checks the main process runs too
 * (src-shared/custom-fields/values.ts), and the save of the changed values after the record's own
 * save (`fields.setValues`, with the record's fresh concurrency token). What was typed and not saved
 * is kept as a draft in memory (stores/drafts.ts, key `custom:<type>:<id|new>`) like the form's own
 * fields, so leaving the form or an idle lock keeps it; saving, cancelling or discarding drops it.
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
import { draftOf, dropDraft, keepDraft } from '../../stores/drafts';

/** A typed value: text as typed (numbers and dates too), yes/no as a boolean, '' / null empty. */
export type CustomDraft = Record<string, string | boolean | null>;

function typedOf(fields: readonly CustomField[], values: CustomValues): CustomDraft {
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
  const draftKey = `custom:${recordType}:${recordId ?? 'new'}`;
  // Read at the first render, as the record form reads its own draft (it says "restored" for both).
  const [restored] = useState(() => draftOf(draftKey) !== undefined);
  const [loaded, setLoaded] = useState(false);
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
      const typed = typedOf(list.value, values);
      // A kept draft wins for the fields that still exist.
      const kept = draftOf<CustomDraft>(draftKey) ?? {};
      for (const id of Object.keys(typed)) if (id in kept) typed[id] = kept[id] ?? null;
      setFields(list.value);
      setStored(values);
      setDraft(typed);
      setLoaded(true);
    })();
    return () => {
      live = false;
    };
  }, [api, recordType, recordId, draftKey]);

  // Whatever differs from the stored values is a draft until it is saved, cancelled or discarded.
  useEffect(() => {
    if (!loaded) return;
    if (JSON.stringify(draft) === JSON.stringify(typedOf(fields, stored))) dropDraft(draftKey);
    else keepDraft(draftKey, draft);
  }, [loaded, draft, fields, stored, draftKey]);

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
    /** A draft of these fields was kept when the form opened. */
    restored,
    /** Back to the stored values; the draft is dropped (cancel, "discard changes"). */
    discard: () => {
      dropDraft(draftKey);
      setDraft(typedOf(fields, stored));
      setServerCodes({});
    },
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
        dropDraft(draftKey);
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
