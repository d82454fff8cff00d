import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useLiveRecord } from '../../db/hooks.ts';
import { saveRecord, type SaveOptions } from '../../db/records.ts';
import { describeStorageError, RecordValidationError } from '../../db/errors.ts';
import type { RecordDataOf, RecordOf } from '../../domain/recordSchemas.ts';
import type { RecordType } from '../../domain/recordTypes.ts';
import { toFieldErrors, type FieldErrors } from './fieldErrors.ts';
import { useDraft, type DraftState } from './useDraft.ts';
import { hasSameShape } from './hasSameShape.ts';

/**
 * What every editor's values carry besides the fields: the revision the edit started from (null
 * for a new record). It lives in the draft, so a draft restored days later still notices that
 * someone saved the record in between.
 */
export interface EditorValues {
  baseRev: string | null;
}

/** Where to go after saving: a path, or a path with router state (e.g. `{ saved: true }`). */
export type EditorDestination = string | { to: string; state?: unknown };

export interface RecordEditorOptions<T extends RecordType, V extends EditorValues> {
  type: T;
  /** From useParams; undefined for a new record. The draft is kept under `${type}:${id ?? 'new'}`. */
  id: string | undefined;
  /**
   * The form's starting values: `null` for a new record, else the stored record. Return
   * undefined while something else it needs is still loading. Called on every render until the
   * form is ready; wrap it in useCallback when it reads the clock or is costly.
   */
  toValues: (record: RecordOf<T> | null) => V | undefined;
  /** Validates: `data` only when there is nothing to fix, `errors` keyed by field path. */
  toData: (values: V) => { data?: RecordDataOf<T>; errors: FieldErrors };
  /** Extra options for saveRecord, such as the bytes of new attachments. */
  saveOptions?: (values: V) => Pick<SaveOptions, 'newAttachments'>;
  afterSave: (saved: RecordOf<T>) => EditorDestination;
  cancelTo: string;
  /** Checks a stored draft; by default it must be shaped like the initial values. */
  isDraftValid?: (value: unknown) => value is V;
}

interface EditorBase<T extends RecordType> {
  isNew: boolean;
  /** The stored record: undefined while loading, null when new or not found. */
  record: RecordOf<T> | null | undefined;
}

export interface ReadyRecordEditor<
  T extends RecordType,
  V extends EditorValues,
> extends EditorBase<T> {
  state: 'ready';
  values: V;
  setValues: (update: (previous: V) => V) => void;
  errors: FieldErrors;
  /** The message for the banner above the form (storage failure or what to fix), or null. */
  failure: string | null;
  isSaving: boolean;
  /** The form's onSubmit. */
  submit: (event: FormEvent<HTMLFormElement>) => void;
  /** Discards the draft and leaves. */
  cancel: () => void;
  draft: DraftState<V>;
}

export type RecordEditor<T extends RecordType, V extends EditorValues> =
  | (EditorBase<T> & { state: 'loading' })
  | (EditorBase<T> & { state: 'missing' })
  | ReadyRecordEditor<T, V>;

/**
 * The edit flow every record form shares: starting values → autosaved draft → validation →
 * saveRecord (with base revision and draft) → navigation; the storage-failure banner, the
 * "saving" state, focus on the first invalid field, cancel, and a missing record.
 */
export function useRecordEditor<T extends RecordType, V extends EditorValues>(
  options: RecordEditorOptions<T, V>,
): RecordEditor<T, V> {
  const { type, id, toValues, toData, saveOptions, afterSave, cancelTo, isDraftValid } = options;
  const isNew = !id;
  const navigate = useNavigate();
  const record = useLiveRecord(type, id);
  const source = isNew ? null : record;
  const initial = useMemo(
    () => (source === undefined ? undefined : toValues(source)),
    [source, toValues],
  );
  const draftKey = `${type}:${id ?? 'new'}`;
  const draft = useDraft<V>(draftKey, initial, {
    isValid: isDraftValid ?? ((value): value is V => hasSameShape(value, initial)),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  // The state above updates on the next render; this stops a double click saving twice.
  const isSavingRef = useRef(false);

  if (!isNew && record === null) return { state: 'missing', isNew, record };
  const values = draft.value;
  if (values === undefined) return { state: 'loading', isNew, record };

  /** Validates, then saves and leaves; `submitted` are the values at the time of the submit. */
  async function save(submitted: V, form: HTMLFormElement) {
    const result = toData(submitted);
    setErrors(result.errors);
    if (!result.data) {
      setFailure(`入力内容を確認してください（${Object.keys(result.errors).length}件）。`);
      requestAnimationFrame(() =>
        form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    isSavingRef.current = true;
    setSaving(true);
    setFailure(null);
    try {
      await draft.flush();
      const saved = await saveRecord(type, result.data, {
        ...saveOptions?.(submitted),
        ...(id ? { id } : {}),
        ...(submitted.baseRev ? { baseRev: submitted.baseRev } : {}),
        draftKey,
      });
      const destination = afterSave(saved);
      if (typeof destination === 'string') navigate(destination);
      else navigate(destination.to, { state: destination.state });
    } catch (error) {
      if (error instanceof RecordValidationError) setErrors(toFieldErrors(error.issues));
      setFailure(describeStorageError(error));
      isSavingRef.current = false;
      setSaving(false);
    }
  }

  return {
    state: 'ready',
    isNew,
    record,
    values,
    setValues: draft.setValue,
    errors,
    failure,
    isSaving,
    submit: (event) => {
      event.preventDefault();
      if (!isSavingRef.current) void save(values, event.currentTarget);
    },
    cancel: () => void draft.discard().then(() => navigate(cancelTo)),
    draft,
  };
}
