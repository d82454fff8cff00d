import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useLiveRecord } from '../../db/hooks.ts';
import { saveRecord } from '../../db/records.ts';
import { describeStorageError, RecordValidationError } from '../../db/errors.ts';
import { pickData } from '../../domain/recordMeta.ts';
import {
  continuityPriorities,
  continuityPriorityLabels,
  emptySystem,
  systemDataSchema,
  type SystemData,
} from '../../domain/system.ts';
import { Field } from '../common/Field.tsx';
import { Banner } from '../common/Banner.tsx';
import { toFieldErrors, type FieldErrors } from '../common/fieldErrors.ts';
import { useDraft } from '../common/useDraft.ts';
import { DraftRestoredBanner } from '../common/DraftRestoredBanner.tsx';
import { usePageTitle } from '../common/usePageTitle.ts';
import { RecordNotFound } from '../common/RecordNotFound.tsx';
import { TEXT_LIMITS } from '../../domain/text.ts';

/** What the form edits: the system's data, with the hours kept as typed until saving. */
type SystemFormValues = Omit<SystemData, 'rtoHours'> & { rtoText: string; baseRev: string | null };

function toFormValues(data: SystemData, baseRev: string | null): SystemFormValues {
  const { rtoHours, ...rest } = data;
  return { ...rest, rtoText: rtoHours === null ? '' : String(rtoHours), baseRev };
}

function parseHours(text: string): number | null {
  const trimmed = text.normalize('NFKC').trim();
  return trimmed === '' ? null : /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function SystemEditPage() {
  const { id } = useParams();
  const isNew = !id;
  usePageTitle(isNew ? 'システムの登録' : 'システムの編集');
  const navigate = useNavigate();
  const record = useLiveRecord('system', id);
  const initial = useMemo(
    () =>
      isNew
        ? toFormValues(emptySystem(), null)
        : record
          ? toFormValues(pickData(record), record.rev)
          : undefined,
    [isNew, record],
  );
  const draftKey = `system:${id ?? 'new'}`;
  const draft = useDraft<SystemFormValues>(draftKey, initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  if (!isNew && record === null) {
    return <RecordNotFound what="このシステム" backTo="/systems" />;
  }
  const values = draft.value;
  if (!values) return <p role="status">読み込み中…</p>;
  const set = (key: keyof SystemFormValues) => (event: { target: { value: string } }) =>
    draft.setValue((v) => ({ ...v, [key]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!values) return;
    const { rtoText, baseRev, ...rest } = values;
    const data = { ...rest, rtoHours: parseHours(rtoText) };
    const parsed = systemDataSchema.safeParse(data);
    if (!parsed.success) {
      const fieldErrors = toFieldErrors(parsed.error.issues);
      if (fieldErrors.rtoHours) fieldErrors.rtoText = fieldErrors.rtoHours;
      setErrors(fieldErrors);
      return;
    }
    try {
      await draft.flush();
      await saveRecord('system', parsed.data, {
        ...(id ? { id } : {}),
        ...(baseRev ? { baseRev } : {}),
        draftKey,
      });
      navigate('/systems');
    } catch (error) {
      if (error instanceof RecordValidationError) setErrors(toFieldErrors(error.issues));
      setFailure(describeStorageError(error));
    }
  }

  return (
    <section>
      <h1>{isNew ? 'システムの登録' : `システムの編集: ${record?.name ?? ''}`}</h1>
      <DraftRestoredBanner draft={draft} />
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <form onSubmit={submit} noValidate className="form">
        <Field label="システム名" required error={errors.name} hint="例: 住民記録システム">
          <input value={values.name} onChange={set('name')} maxLength={TEXT_LIMITS.short + 20} />
        </Field>
        <Field label="所管課" error={errors.department} hint="システムを所管する課。例: 市民課">
          <input value={values.department} onChange={set('department')} />
        </Field>
        <Field label="ベンダー" error={errors.vendor} hint="保守・運用を委託している事業者">
          <input value={values.vendor} onChange={set('vendor')} />
        </Field>
        <Field label="業務継続の優先度" error={errors.continuityPriority}>
          <select value={values.continuityPriority} onChange={set('continuityPriority')}>
            {continuityPriorities.map((p) => (
              <option key={p} value={p}>
                {continuityPriorityLabels[p]}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="非常時優先業務"
          error={errors.priorityServices}
          hint="このシステムが止まると続けられない、優先して続けるべき業務。例: 転入・転出届"
        >
          <textarea value={values.priorityServices} onChange={set('priorityServices')} rows={2} />
        </Field>
        <Field
          label="目標復旧時間（時間）"
          error={errors.rtoText}
          hint="何時間以内に復旧させる目標か。例: 3（1日なら24）。未定なら空欄"
        >
          <input
            value={values.rtoText}
            onChange={set('rtoText')}
            inputMode="numeric"
            className="narrow"
          />
        </Field>
        <Field label="備考" error={errors.notes}>
          <textarea value={values.notes} onChange={set('notes')} rows={3} />
        </Field>
        <div className="actions">
          <button type="submit" className="primary">
            保存する
          </button>
          <button
            type="button"
            onClick={() => void draft.discard().then(() => navigate('/systems'))}
          >
            キャンセル
          </button>
        </div>
      </form>
    </section>
  );
}
