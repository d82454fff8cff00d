import { useCallback, useMemo } from 'react';
import { useParams } from 'react-router';
import { useLiveRecords } from '../../db/hooks.ts';
import { incidentLevelFieldLabels as labels } from '../../domain/incidentLevel.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { TEXT_LIMITS } from '../../domain/text.ts';
import { Field } from '../common/Field.tsx';
import { usePageTitle } from '../common/usePageTitle.ts';
import { RecordNotFound } from '../common/RecordNotFound.tsx';
import { useRecordEditor } from '../common/useRecordEditor.ts';
import { EditorForm } from '../common/EditorForm.tsx';
import { ReadOnlyNotice, useCanEditMasterData } from '../common/masterDataAccess.tsx';
import {
  findLevelClash,
  LEVEL_NUMBERS,
  toLevelFormValues,
  validateLevelForm,
  type LevelFormValues,
} from './levelForm.ts';
import { LevelQuestionsEditor } from './LevelQuestionsEditor.tsx';
import './levels.css';

/** 障害レベルの作成・編集 (/levels/new, /levels/:id/edit); the IT section's station only. */
export function LevelEditPage() {
  const { id } = useParams();
  const canEdit = useCanEditMasterData();
  const levels = useLiveRecords('incidentLevel');
  // Waits for the other levels: a new level starts at the first free number.
  const toValues = useCallback(
    (record: RecordOf<'incidentLevel'> | null) =>
      levels === undefined ? undefined : toLevelFormValues(record, levels),
    [levels],
  );
  const editor = useRecordEditor({
    type: 'incidentLevel',
    id,
    toValues,
    toData: (values: LevelFormValues) => validateLevelForm(values, levels ?? [], id),
    afterSave: () => '/levels',
    cancelTo: '/levels',
  });
  const levelNames = useMemo(
    () => new Map((levels ?? []).filter((l) => l.id !== id).map((l) => [l.level, l.name])),
    [levels, id],
  );
  usePageTitle(editor.isNew ? '障害レベルの作成' : '障害レベルの編集');

  if (canEdit === false)
    return (
      <section>
        <h1>障害レベル</h1>
        <ReadOnlyNotice what="障害レベル" />
      </section>
    );
  if (editor.state === 'missing') return <RecordNotFound what="この障害レベル" backTo="/levels" />;
  if (editor.state === 'loading' || canEdit === undefined) return <p role="status">読み込み中…</p>;
  const { values, errors } = editor;
  const set = (key: keyof LevelFormValues) => (event: { target: { value: string } }) =>
    editor.setValues((v) => ({ ...v, [key]: event.target.value }));
  const chosen = Number(values.levelText);
  // Questions that implied the old number follow the level to its new one: they were written
  // for this level, and a person fixing the number should not have to fix each question too.
  const changeNumber = (levelText: string) =>
    editor.setValues((v) => {
      const from = Number(v.levelText);
      const to = Number(levelText);
      const follow = v.levelText !== '' && levelText !== '';
      return {
        ...v,
        levelText,
        questions: follow
          ? v.questions.map((q) => (q.impliesLevel === from ? { ...q, impliesLevel: to } : q))
          : v.questions,
      };
    });
  const numberLabel = (n: number) => {
    const other = findLevelClash(levels ?? [], n, id);
    return other ? `${n}（「${other.name}」で使用中）` : String(n);
  };
  const title = editor.record ? `レベル${editor.record.level} ${editor.record.name}` : '';

  return (
    <section>
      <h1>{editor.isNew ? '障害レベルの作成' : `障害レベルの編集: ${title}`}</h1>
      <p className="lead">
        障害の重さの段階と、その段階で誰に何分以内に連絡するかを決めます。ベンダーや連携先と平常時に合意した内容を書いてください。
      </p>
      <EditorForm editor={editor}>
        <fieldset>
          <legend>レベルの内容</legend>
          <div className="field-row">
            <Field
              label={labels.level}
              required
              error={errors.levelText}
              hint="数字が大きいほど重い障害です"
              className="level-number-field"
            >
              <select value={values.levelText} onChange={(e) => changeNumber(e.target.value)}>
                <option value="">選んでください</option>
                {LEVEL_NUMBERS.map((n) => (
                  <option key={n} value={String(n)}>
                    {numberLabel(n)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={labels.name} required error={errors.name} hint="例: 重大">
              <input value={values.name} onChange={set('name')} />
            </Field>
          </div>
          <Field
            label={labels.criteria}
            required
            error={errors.criteria}
            hint="どんな状態ならこのレベルか。例: 非常時優先業務が止まっている、または複数の課に影響がある"
          >
            <textarea
              value={values.criteria}
              onChange={set('criteria')}
              rows={3}
              maxLength={TEXT_LIMITS.long + 100}
            />
          </Field>
          <Field
            label={labels.actions}
            error={errors.actions}
            hint="このレベルでとる対応。例: 紙での受付に切り替え、住民への案内を掲示する"
          >
            <textarea value={values.actions} onChange={set('actions')} rows={3} />
          </Field>
          <div className="field-row">
            <Field
              label={labels.notify}
              error={errors.notify}
              hint="連絡する相手。例: 所管課長、情報政策課長"
            >
              <input value={values.notify} onChange={set('notify')} />
            </Field>
            <Field
              label={labels.notifyWithinMinutes}
              error={errors.minutesText}
              hint="発生から何分以内に連絡するか。例: 30（2時間なら120）。期限がなければ空欄"
              className="level-minutes-field"
            >
              <input
                value={values.minutesText}
                onChange={set('minutesText')}
                inputMode="numeric"
                className="narrow"
              />
            </Field>
          </div>
        </fieldset>
        <LevelQuestionsEditor
          questions={values.questions}
          onChange={(questions) => editor.setValues((v) => ({ ...v, questions }))}
          errors={errors}
          levelNames={
            values.name.trim() && chosen
              ? new Map([...levelNames, [chosen, values.name.trim()]])
              : levelNames
          }
          defaultLevel={chosen || 1}
        />
      </EditorForm>
    </section>
  );
}
