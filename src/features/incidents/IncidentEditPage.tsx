import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useLiveRecord, useStation } from '../../db/hooks.ts';
import { saveRecord } from '../../db/records.ts';
import { describeStorageError, RecordValidationError } from '../../db/errors.ts';
import { incidentDataSchema, type IncidentData } from '../../domain/incident.ts';
import { checkIncidentInput, stampStatusChange } from '../../domain/incidentRules.ts';
import { nowIso } from '../../domain/dateTime.ts';
import { Banner } from '../common/Banner.tsx';
import { toFieldErrors, type FieldErrors } from '../common/fieldErrors.ts';
import { useDraft } from '../common/useDraft.ts';
import { DraftRestoredBanner } from '../common/DraftRestoredBanner.tsx';
import { usePageTitle } from '../common/usePageTitle.ts';
import { RecordNotFound } from '../common/RecordNotFound.tsx';
import {
  editIncidentValues,
  newIncidentValues,
  type IncidentFormValues,
} from './incidentFormValues.ts';
import { IncidentForm } from './IncidentForm.tsx';

/** Everything wrong with the input: the schema's issues and the rules for a person's input. */
function validate(data: IncidentData): { data?: IncidentData; errors: FieldErrors } {
  const parsed = incidentDataSchema.safeParse(data);
  const errors = parsed.success ? {} : toFieldErrors(parsed.error.issues);
  for (const issue of checkIncidentInput(data, new Date())) errors[issue.path] ??= issue.message;
  return Object.keys(errors).length === 0 && parsed.success
    ? { data: parsed.data, errors }
    : { errors };
}

export function IncidentEditPage() {
  const { id } = useParams();
  const isNew = !id;
  usePageTitle(isNew ? '障害を記録する' : '障害記録の編集');
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const station = useStation();
  const record = useLiveRecord('incident', id);
  const presetSystem = searchParams.get('system') ?? '';
  const initial = useMemo(() => {
    if (isNew) return station ? newIncidentValues(station, new Date(), presetSystem) : undefined;
    return record ? editIncidentValues(record) : undefined;
  }, [isNew, station, record, presetSystem]);
  const draftKey = `incident:${id ?? 'new'}`;
  const draft = useDraft<IncidentFormValues>(draftKey, initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);

  if (!isNew && record === null) {
    return <RecordNotFound what="この障害記録" backTo="/incidents" />;
  }
  const values = draft.value;
  if (!values) return <p role="status">読み込み中…</p>;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!values || isSaving) return;
    const stamped = stampStatusChange(values.data, values.baseStatus, nowIso());
    const result = validate(stamped);
    setErrors(result.errors);
    if (!result.data) {
      setFailure(`入力内容を確認してください（${Object.keys(result.errors).length}件）。`);
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setSaving(true);
    try {
      await draft.flush();
      const saved = await saveRecord('incident', result.data, {
        ...(id ? { id } : {}),
        ...(values.baseRev ? { baseRev: values.baseRev } : {}),
        draftKey,
        newAttachments: Object.entries(values.newBlobs).map(([blobId, blob]) => ({
          id: blobId,
          blob,
        })),
      });
      navigate(`/incidents/${saved.id}`, { state: { saved: true } });
    } catch (error) {
      if (error instanceof RecordValidationError) setErrors(toFieldErrors(error.issues));
      setFailure(describeStorageError(error));
      setSaving(false);
    }
  }

  async function cancel() {
    await draft.discard();
    navigate(id ? `/incidents/${id}` : '/incidents');
  }

  return (
    <section>
      <h1>{isNew ? '障害を記録する' : `障害記録の編集: ${record?.title ?? ''}`}</h1>
      <p className="lead">
        入力した内容はこの PC
        に自動で下書き保存されます。分かることから書き、分からない欄は空けておいてかまいません。
      </p>
      <DraftRestoredBanner draft={draft} />
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <form onSubmit={submit} noValidate className="form incident-form">
        <IncidentForm values={values} setValues={draft.setValue} errors={errors} />
        <div className="actions sticky-actions">
          <button type="submit" className="primary" disabled={isSaving}>
            {isSaving ? '保存中…' : '保存する'}
          </button>
          <button type="button" onClick={() => void cancel()}>
            キャンセル（入力を破棄）
          </button>
        </div>
      </form>
    </section>
  );
}
