import { LevelOptions } from '../levels/LevelOptions.tsx';
import { useCallback } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useLiveRecord, useLiveRecords } from '../../db/hooks.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { drillFieldLabels } from '../../domain/drill.ts';
import { TEXT_LIMITS } from '../../domain/text.ts';
import { Field } from '../common/Field.tsx';
import { EditorForm } from '../common/EditorForm.tsx';
import { RecordNotFound } from '../common/RecordNotFound.tsx';
import { usePageTitle } from '../common/usePageTitle.ts';
import { useRecordEditor } from '../common/useRecordEditor.ts';
import { drillFormToData, toDrillFormValues, type DrillFormValues } from './drillFormValues.ts';
import { ReadinessTabs } from './ReadinessTabs.tsx';

const labels = drillFieldLabels;

/** /drills/new and /drills/:id/edit — the drill plan (様式12 訓練計画). */
export function DrillEditPage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const presetSystem = search.get('system') ?? '';
  const systems = useLiveRecords('system');
  const levels = useLiveRecords('incidentLevel');
  const toValues = useCallback(
    (record: RecordOf<'drill'> | null) => toDrillFormValues(record, { systemId: presetSystem }),
    [presetSystem],
  );
  // The run (timeline, findings) of a stored drill is kept as it is now, not as the form loaded it.
  const stored = useLiveRecord('drill', id);
  const toData = useCallback(
    (values: DrillFormValues) => drillFormToData(values, stored ?? null),
    [stored],
  );
  const editor = useRecordEditor({
    type: 'drill',
    id,
    toValues,
    toData,
    afterSave: (saved) => `/drills/${saved.id}`,
    cancelTo: id ? `/drills/${id}` : '/drills',
  });
  usePageTitle(editor.isNew ? '訓練の計画' : '訓練計画の編集');

  if (editor.state === 'missing') return <RecordNotFound what="この訓練" backTo="/drills" />;
  if (editor.state === 'loading') return <p role="status">読み込み中…</p>;
  const { values, errors } = editor;
  const set = (key: keyof DrillFormValues) => (event: { target: { value: string } }) =>
    editor.setValues((v) => ({ ...v, [key]: event.target.value }));

  return (
    <section>
      <ReadinessTabs />
      <h1>{editor.isNew ? '訓練の計画' : `訓練計画の編集: ${editor.record?.title ?? ''}`}</h1>
      <p className="lead">
        総務省ガイドラインの様式12（訓練計画）に沿った項目です。実施の記録は「訓練を開始」してから自動で残ります。
      </p>
      <EditorForm editor={editor}>
        <Field
          label={labels.title}
          required
          error={errors.title}
          hint="例: 住民記録システム停止時の窓口訓練"
        >
          <input value={values.title} onChange={set('title')} maxLength={TEXT_LIMITS.title + 20} />
        </Field>
        <Field label={labels.plannedOn} required error={errors.plannedOn}>
          <input
            type="date"
            value={values.plannedOn}
            onChange={set('plannedOn')}
            className="narrow"
          />
        </Field>
        <Field label={labels.place} error={errors.place} hint="例: 市民課窓口（本庁舎1階）">
          <input value={values.place} onChange={set('place')} />
        </Field>
        <Field
          label={labels.systemId}
          required
          error={errors.systemId}
          hint="訓練中はこのシステムの「障害発生時」の画面を使います"
        >
          <select value={values.systemId} onChange={set('systemId')}>
            <option value="">選んでください</option>
            {(systems ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={labels.scenario}
          required
          error={errors.scenario}
          hint="どんな障害を想定するか。例: 朝9時、証明書発行の画面が固まり、全端末で使えない"
        >
          <textarea value={values.scenario} onChange={set('scenario')} rows={3} />
        </Field>
        <Field
          label={labels.level}
          error={errors.levelText}
          hint="想定する障害レベル（1〜9）。未定なら空欄"
        >
          <select value={values.levelText} onChange={set('levelText')} className="narrow">
            <option value="">未定</option>
            <LevelOptions levels={levels} />
          </select>
        </Field>
        <Field
          label={labels.participants}
          error={errors.participants}
          hint="例: 市民課 窓口担当3名、情報政策課1名、ベンダー（電話で参加）"
        >
          <textarea value={values.participants} onChange={set('participants')} rows={2} />
        </Field>
        <Field
          label={labels.goals}
          error={errors.goals}
          hint="例: 紙の申請書での受付に15分以内で切り替えられるか確かめる"
        >
          <textarea value={values.goals} onChange={set('goals')} rows={2} />
        </Field>
        <Field
          label={labels.targetRecoveryMinutes}
          error={errors.targetText}
          hint="この訓練で目指す時間（分）。例: 60。未定なら空欄"
        >
          <input
            value={values.targetText}
            onChange={set('targetText')}
            inputMode="numeric"
            className="narrow"
          />
        </Field>
      </EditorForm>
    </section>
  );
}
