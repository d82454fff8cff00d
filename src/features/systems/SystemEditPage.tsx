import { useCallback } from 'react';
import { useParams } from 'react-router';
import { useLiveRecords } from '../../db/hooks.ts';
import { findSameNameSystem } from '../../domain/systemRules.ts';
import { ReadOnlyNotice, useCanEditMasterData } from '../common/masterDataAccess.tsx';
import { pickData } from '../../domain/recordMeta.ts';
import {
  continuityPriorities,
  continuityPriorityLabels,
  emptySystem,
  systemDataSchema,
  type SystemData,
} from '../../domain/system.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { Field } from '../common/Field.tsx';
import { toFieldErrors, type FieldErrors } from '../common/fieldErrors.ts';
import { usePageTitle } from '../common/usePageTitle.ts';
import { RecordNotFound } from '../common/RecordNotFound.tsx';
import { useRecordEditor } from '../common/useRecordEditor.ts';
import { EditorForm } from '../common/EditorForm.tsx';
import { TEXT_LIMITS } from '../../domain/text.ts';

/** What the form edits: the system's data, with the hours kept as typed until saving. */
type SystemFormValues = Omit<SystemData, 'rtoHours'> & { rtoText: string; baseRev: string | null };

function toFormValues(record: RecordOf<'system'> | null): SystemFormValues {
  const { rtoHours, ...rest } = record ? pickData(record) : emptySystem();
  return {
    ...rest,
    rtoText: rtoHours === null ? '' : String(rtoHours),
    baseRev: record?.rev ?? null,
  };
}

function parseHours(text: string): number | null {
  const trimmed = text.normalize('NFKC').trim();
  return trimmed === '' ? null : /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function validate(
  values: SystemFormValues,
  others: readonly RecordOf<'system'>[],
  ownId: string | null,
): { data?: SystemData; errors: FieldErrors } {
  const { rtoText, baseRev: _baseRev, ...rest } = values;
  const parsed = systemDataSchema.safeParse({ ...rest, rtoHours: parseHours(rtoText) });
  const same = findSameNameSystem(others, values.name, ownId);
  const duplicate: FieldErrors = same
    ? { name: `「${same.name}」はすでに登録されています。同じ名前のシステムは登録できません` }
    : {};
  if (parsed.success && !same) return { data: parsed.data, errors: {} };
  if (parsed.success) return { errors: duplicate };
  // The hours are typed into rtoText: their message goes there.
  const { rtoHours, ...errors } = toFieldErrors(parsed.error.issues);
  return { errors: { ...duplicate, ...errors, ...(rtoHours ? { rtoText: rtoHours } : {}) } };
}

export function SystemEditPage() {
  const { id } = useParams();
  const systems = useLiveRecords('system');
  const canEdit = useCanEditMasterData();
  const toData = useCallback(
    (values: SystemFormValues) => validate(values, systems ?? [], id ?? null),
    [systems, id],
  );
  const editor = useRecordEditor({
    type: 'system',
    id,
    toValues: toFormValues,
    toData,
    afterSave: () => '/systems',
    cancelTo: '/systems',
  });
  usePageTitle(editor.isNew ? 'システムの登録' : 'システムの編集');

  if (canEdit === false) return <ReadOnlyNotice what="システムの一覧" />;
  if (editor.state === 'missing') return <RecordNotFound what="このシステム" backTo="/systems" />;
  if (editor.state === 'loading') return <p role="status">読み込み中…</p>;
  const { values, errors } = editor;
  const set = (key: keyof SystemFormValues) => (event: { target: { value: string } }) =>
    editor.setValues((v) => ({ ...v, [key]: event.target.value }));

  return (
    <section>
      <h1>{editor.isNew ? 'システムの登録' : `システムの編集: ${editor.record?.name ?? ''}`}</h1>
      <EditorForm editor={editor}>
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
      </EditorForm>
    </section>
  );
}
