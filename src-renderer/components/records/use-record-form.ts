/**
 * The state of a record's create/edit form: the typed values, live checks with the shared schema
 * (a field's message appears once the field was left or a save was tried, and follows every
 * keystroke after that), the server's field errors, saving (an edit sends only the changed fields,
 * with `expectedUpdatedAt`), and the "someone changed it meanwhile" conflict with its reload.
 * Ctrl+Enter saves; Escape (outside an open list) cancels. Leaving the form any other way (a menu
 * click, a search hit, a lock) keeps what was typed as a draft in memory (stores/drafts.ts); the
 * form opened again for the same record starts from it and says so. Saving or cancelling drops it.
 */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, Result } from '../../../src-shared/ipc/contract';
import { draftOf, dropDraft, keepDraft } from '../../stores/drafts';
import type { FieldErrors, RecordFormModel } from './form-model';
import { useShortcuts } from '../../app/shortcuts';

/** What the form does with the main process and the list. */
export interface RecordFormCalls<Raw, R> {
  /**
   * The section (`contacts`): its words (`<ns>.form.*`) and the name a left form's draft is kept
   * under.
   */
  ns: string;
  create: (raw: Raw) => Promise<Result<R>>;
  update: (id: string, patch: Partial<Raw>, expectedUpdatedAt: string) => Promise<Result<R>>;
  /** Fetches the stored record afresh (after a conflict). */
  load: (id: string) => Promise<Result<R>>;
  /** Keeps a saved or reloaded record in the store; `created` for a new one. */
  remember: (record: R, created: boolean) => void;
  /**
   * A part saved after the record itself (its custom fields: ./use-custom-fields.ts): checked
   * with the form, saved on the saved record when it changed.
   */
  extra?: {
    ok: () => boolean;
    dirty: () => boolean;
    save: (record: { id: string; updatedAt: string }) => Promise<Result<unknown>>;
    /** A draft of the part was kept when the form opened (the form says "restored"). */
    restored?: boolean;
    /** Drops the part's draft and puts back its stored values (cancel, discard). */
    discard?: () => void;
  };
}

/** A text input's props for field `key` (value, change, blur, error, a length cap). */
export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (event: { currentTarget: { value: string } }) => void;
  onBlur: () => void;
  error: string | undefined;
  maxLength: number;
}

/**
 * The form's state and handlers: `props` are the form's own (`record` null = a new one; `onDone`
 * gets the saved id), `model` the record type's form model, `calls` its channels and store.
 */
export function useRecordForm<
  V,
  I,
  Raw,
  R extends { id: string; updatedAt: string },
  C extends string,
>(
  props: { record: R | null; onDone: (id: string) => void; onCancel: () => void },
  model: RecordFormModel<V, I, Raw, R, C>,
  calls: RecordFormCalls<Raw, R>,
) {
  const { onDone, onCancel } = props;
  const { t } = useTranslation();
  const [base, setBase] = useState(props.record);
  const draftKey = `${calls.ns}:${props.record?.id ?? 'new'}`;
  const [pristine, setPristine] = useState<V>(() => (base ? model.valuesOf(base) : model.empty()));
  const [restored, setRestored] = useState(
    () => draftOf<V>(draftKey) !== undefined || calls.extra?.restored === true,
  );
  const [values, setValues] = useState<V>(() => draftOf<V>(draftKey) ?? pristine);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors<C>>({});
  const [error, setError] = useState<CallError | null>(null);
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);
  // Counts saves refused for the form's fields: each one moves the focus to the first bad field.
  const [refusals, setRefusals] = useState(0);

  const check = useMemo(() => model.check(values), [model, values]);
  const liveErrors: FieldErrors<C> = check.ok ? {} : check.errors;
  /** The message for field `path`; a "too long" one states the field's `limit` when given. */
  const errorOf = (path: string, limit?: number): string | undefined => {
    const shown = tried || touched.has(path) || touched.has(path.split('.')[0] ?? path);
    const code: string | undefined = serverErrors[path] ?? (shown ? liveErrors[path] : undefined);
    if (!code) return undefined;
    if (limit !== undefined && code.endsWith('_too_long'))
      return t(`${calls.ns}.form.tooLong`, { count: limit });
    return t(code);
  };
  const touch = (path: string) => setTouched(old => (old.has(path) ? old : new Set(old).add(path)));
  const change = (patch: Partial<V>) => {
    setValues(old => ({ ...old, ...patch }));
    setServerErrors({});
  };

  // Whatever differs from the record as loaded is a draft until it is saved or cancelled.
  useEffect(() => {
    if (JSON.stringify(values) === JSON.stringify(pristine)) dropDraft(draftKey);
    else keepDraft(draftKey, values);
  }, [draftKey, values, pristine]);

  const cancel = () => {
    dropDraft(draftKey);
    calls.extra?.discard?.();
    onCancel();
  };
  /** Puts the form back as the record is stored (the draft shown after a return is dropped). */
  const discardDraft = () => {
    dropDraft(draftKey);
    calls.extra?.discard?.();
    setValues(pristine);
    setRestored(false);
    setServerErrors({});
    setTried(false);
  };

  const save = async () => {
    if (saving) return;
    setTried(true);
    setError(null);
    if (!check.ok || calls.extra?.ok() === false) return setRefusals(n => n + 1);
    const extra = calls.extra?.dirty() ? calls.extra : undefined;
    let result;
    if (base) {
      const before = model.check(model.valuesOf(base));
      const patch = before.ok
        ? model.changedFields(before.input, check.input, check.raw)
        : check.raw;
      if (Object.keys(patch).length === 0) {
        if (extra) {
          setSaving(true);
          const saved = await extra.save(base);
          setSaving(false);
          if (!saved.ok) return failed(saved.error);
        }
        dropDraft(draftKey);
        return onDone(base.id);
      }
      setSaving(true);
      result = await calls.update(base.id, patch, base.updatedAt);
    } else {
      setSaving(true);
      result = await calls.create(check.raw);
    }
    if (result.ok && extra) {
      const saved = await extra.save(result.value);
      if (!saved.ok) {
        // The record is saved: a retry edits it (never creates a second one).
        setSaving(false);
        calls.remember(result.value, !base);
        setBase(result.value);
        setPristine(model.valuesOf(result.value));
        return failed(saved.error);
      }
    }
    setSaving(false);
    if (result.ok) {
      dropDraft(draftKey);
      calls.remember(result.value, !base);
      onDone(result.value.id);
      return;
    }
    if (result.error.code === 'conflict') setConflict(true);
    else {
      const fields = model.serverFieldErrors(result.error, values);
      setServerErrors(fields);
      if (Object.keys(fields).length === 0) setError(result.error);
      else setRefusals(n => n + 1);
    }
  };

  /** A refused save of the extra part: its fields are marked by it; anything else is shown. */
  function failed(callError: CallError) {
    if (callError.code === 'invalid_input') setRefusals(n => n + 1);
    else setError(callError);
  }

  const reload = async () => {
    if (!base) return;
    const fresh = await calls.load(base.id);
    if (!fresh.ok) return setError(fresh.error);
    calls.remember(fresh.value, false);
    setBase(fresh.value);
    setPristine(model.valuesOf(fresh.value));
    setValues(model.valuesOf(fresh.value));
    setConflict(false);
    setServerErrors({});
  };

  useShortcuts([['formSave', () => void save()]]);
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    // Escape in an open list (tags, selects) closes that list, not the form.
    const target = event.target as HTMLElement;
    if (event.key !== 'Escape' || target.getAttribute('aria-expanded') === 'true') return;
    event.preventDefault();
    cancel();
  };
  /** A text input bound to the string field `key`, typed up to twice `limit` (the check says more). */
  const text = (key: keyof V & string, label: string, limit: number): TextFieldProps => ({
    label,
    value: values[key] as string,
    onChange: event => change({ [key]: event.currentTarget.value } as Partial<V>),
    onBlur: () => touch(key),
    error: errorOf(key, limit),
    maxLength: limit * 2,
  });

  /** A repeatable field's rows (phones, e-mails) bound to the field `key`. */
  const rows = <K extends keyof V & string>(key: K) => ({
    rows: values[key],
    onChange: (next: V[K]) => change({ [key]: next } as unknown as Partial<V>),
    onBlur: touch,
    errorOf,
  });

  return {
    base,
    values,
    check,
    tried,
    error,
    conflict,
    saving,
    errorOf,
    touch,
    change,
    text,
    rows,
    save,
    reload,
    onKeyDown,
    cancel,
    restored,
    discardDraft,
    refusals,
  };
}

/** The state {@link useRecordForm} returns, as the form layout takes it. */
export type RecordFormState = Pick<
  ReturnType<typeof useRecordForm>,
  | 'base'
  | 'check'
  | 'tried'
  | 'error'
  | 'conflict'
  | 'saving'
  | 'save'
  | 'reload'
  | 'onKeyDown'
  | 'cancel'
  | 'restored'
  | 'discardDraft'
  | 'refusals'
>;
