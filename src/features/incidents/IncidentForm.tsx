import { LevelOptions } from '../levels/LevelOptions.tsx';
import { Link } from 'react-router';
import { useCallback, useMemo } from 'react';
import type { IncidentData } from '../../domain/incident.ts';
import { impactScopes, impactScopeLabels } from '../../domain/incident.ts';
import {
  allowedNextStatuses,
  incidentStatuses,
  incidentStatusLabels,
} from '../../domain/incidentStatus.ts';
import { fromLocalInputValue, toLocalInputValue } from '../../domain/dateTime.ts';
import { useLiveRecords } from '../../db/hooks.ts';
import { Field } from '../common/Field.tsx';
import type { FieldErrors } from '../common/fieldErrors.ts';
import type { IncidentFormValues } from './incidentFormValues.ts';
import { AttemptsEditor, ContactsMadeEditor, TimelineEditor } from './IncidentListEditors.tsx';
import { AttachmentsEditor } from './AttachmentsEditor.tsx';
import { useCanEditMasterData } from '../common/masterDataAccess.tsx';
import { LevelQuestions } from '../levels/LevelQuestions.tsx';

export interface IncidentFormProps {
  values: IncidentFormValues;
  setValues: (update: (previous: IncidentFormValues) => IncidentFormValues) => void;
  errors: FieldErrors;
}

type TextKey = {
  [K in keyof IncidentData]-?: IncidentData[K] extends string ? K : never;
}[keyof IncidentData];

/** Every field of an incident, grouped as a clerk works through an outage. */
export function IncidentForm({ values, setValues, errors }: IncidentFormProps) {
  const systems = useLiveRecords('system');
  const levels = useLiveRecords('incidentLevel');
  const procedures = useLiveRecords('procedure');
  const data = values.data;
  const patch = (change: Partial<IncidentData>) =>
    setValues((v) => ({ ...v, data: { ...v.data, ...change } }));
  const text = (key: TextKey) => ({
    value: data[key],
    onChange: (e: { target: { value: string } }) => patch({ [key]: e.target.value }),
  });
  const statusOptions = useMemo(
    () =>
      values.baseStatus
        ? [values.baseStatus, ...allowedNextStatuses(values.baseStatus)]
        : [...incidentStatuses],
    [values.baseStatus],
  );
  // Stable, so the memoised レベルの目安 block does not re-render on every keystroke.
  const applyLevel = useCallback(
    (level: number) => setValues((v) => ({ ...v, data: { ...v.data, level } })),
    [setValues],
  );
  const sortedSystems = [...(systems ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'ja'));
  const knownSystem = !data.systemId || sortedSystems.some((s) => s.id === data.systemId);

  return (
    <>
      <fieldset>
        <legend>いつ・どのシステムで</legend>
        <Field
          label="件名"
          required
          error={errors.title}
          hint="何が起きたかを一言で。例: 住民票の写しが印刷できない"
        >
          <input {...text('title')} />
        </Field>
        <Field
          label="システム"
          required
          error={errors.systemId}
          hint={<SystemFieldHint isEmpty={systems !== undefined && sortedSystems.length === 0} />}
        >
          <select {...text('systemId')}>
            <option value="">選んでください</option>
            {sortedSystems.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
            {knownSystem ? null : (
              <option value={data.systemId}>
                {data.systemName
                  ? `${data.systemName}（この端末に未登録）`
                  : '（削除されたシステム）'}
              </option>
            )}
          </select>
        </Field>
        <div className="field-row">
          <Field
            label="発生日時"
            required
            error={errors.occurredAt}
            hint="おかしくなった時刻（分かる範囲で）"
          >
            <input
              type="datetime-local"
              value={toLocalInputValue(data.occurredAt)}
              onChange={(e) => patch({ occurredAt: fromLocalInputValue(e.target.value) })}
            />
          </Field>
          <Field label="検知日時" error={errors.detectedAt} hint="気づいた時刻。発生日時より後">
            <input
              type="datetime-local"
              value={toLocalInputValue(data.detectedAt ?? '')}
              onChange={(e) => patch({ detectedAt: fromLocalInputValue(e.target.value) || null })}
            />
          </Field>
        </div>
        <div className="field-row">
          <Field label="状態" error={errors.status} hint="変更すると経過に時刻つきで記録されます">
            <select {...text('status')}>
              {statusOptions.map((s) => (
                <option key={s} value={s}>
                  {incidentStatusLabels[s]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="障害レベル" error={errors.level} hint="判断に迷うときは高いほうを選ぶ">
            <select
              value={data.level === null ? '' : String(data.level)}
              onChange={(e) => patch({ level: e.target.value ? Number(e.target.value) : null })}
            >
              <option value="">未設定</option>
              <LevelOptions levels={levels} />
            </select>
          </Field>
          <Field label="影響範囲" required error={errors.scope}>
            <select {...text('scope')}>
              {impactScopes.map((s) => (
                <option key={s} value={s}>
                  {impactScopeLabels[s]}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <LevelQuestions levels={levels} currentLevel={data.level} onApply={applyLevel} />
      </fieldset>

      <fieldset>
        <legend>どこで・何が起きたか</legend>
        <div className="field-row">
          <Field label="報告者" error={errors.reporterName}>
            <input {...text('reporterName')} />
          </Field>
          <Field label="部署" error={errors.department}>
            <input {...text('department')} />
          </Field>
          <Field label="端末" error={errors.terminal} hint="例: 窓口PC-01">
            <input {...text('terminal')} />
          </Field>
        </div>
        <Field label="画面" error={errors.screen} hint="画面の名前やタイトル。例: 証明書発行画面">
          <input {...text('screen')} />
        </Field>
        <Field
          label="操作内容"
          error={errors.operation}
          hint="例: 転入届を入力し「登録」ボタンを押した"
        >
          <textarea {...text('operation')} rows={2} />
        </Field>
        <Field
          label="症状"
          error={errors.symptoms}
          hint="見たままを具体的に。例: 画面が固まり、5分以上操作できない"
        >
          <textarea {...text('symptoms')} rows={3} />
        </Field>
        <Field
          label="エラーメッセージ"
          error={errors.errorMessage}
          hint="表示された文字とコードを一字一句そのまま。例: ERR-102 住所コードが不正です"
        >
          <textarea {...text('errorMessage')} rows={2} className="mono" />
        </Field>
        <Field
          label="ほかに影響を受けている人"
          error={errors.othersAffected}
          hint="同じ症状の職員・端末、別の端末で試した結果"
        >
          <textarea {...text('othersAffected')} rows={2} />
        </Field>
        <Field
          label="住民への影響"
          error={errors.residentImpact}
          hint="例: 窓口で約20人が待っている、証明書を後日郵送"
        >
          <textarea {...text('residentImpact')} rows={2} />
        </Field>
      </fieldset>

      <AttemptsEditor
        attempts={data.attempts}
        onChange={(attempts) => patch({ attempts })}
        errors={errors}
      />
      <ContactsMadeEditor
        contactsMade={data.contactsMade}
        onChange={(contactsMade) => patch({ contactsMade })}
        errors={errors}
      />
      <TimelineEditor
        timeline={data.timeline}
        onChange={(timeline) => patch({ timeline })}
        errors={errors}
      />

      <fieldset>
        <legend>対応と再発防止</legend>
        <Field label="使った代替手順" error={errors.procedureId}>
          <select
            value={data.procedureId ?? ''}
            onChange={(e) => patch({ procedureId: e.target.value || null })}
          >
            <option value="">なし</option>
            {(procedures ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </Field>
        <Field label="原因" error={errors.cause} hint="分かったら記入（「完了」にするには必須）">
          <textarea {...text('cause')} rows={2} />
        </Field>
        <Field
          label="対策"
          error={errors.countermeasure}
          hint="直すために何をしたか（「完了」にするには必須）"
        >
          <textarea {...text('countermeasure')} rows={2} />
        </Field>
        <Field label="再発防止策" error={errors.recurrencePrevention}>
          <textarea {...text('recurrencePrevention')} rows={2} />
        </Field>
        <div className="field checkbox-field">
          <label>
            <input
              type="checkbox"
              checked={data.manualUpdated}
              onChange={(e) => patch({ manualUpdated: e.target.checked })}
            />
            マニュアルを更新した
          </label>
        </div>
        <Field
          label="マニュアル更新の内容"
          error={errors.manualUpdateNote}
          hint="どの手順書のどこを直したか"
        >
          <input {...text('manualUpdateNote')} />
        </Field>
      </fieldset>

      <AttachmentsEditor values={values} setValues={setValues} errors={errors} />
    </>
  );
}

/**
 * The system field's hint: what to pick, and where a missing system is registered (the form's
 * input stays in its draft meanwhile).
 */
function SystemFieldHint({ isEmpty }: { isEmpty: boolean }) {
  const canEdit = useCanEditMasterData();
  if (!isEmpty && !canEdit) return <>止まった・おかしいシステム</>;
  if (!isEmpty)
    return (
      <>
        止まった・おかしいシステム。一覧にないときは<Link to="/systems/new">システムを登録</Link>
        （入力中の内容は下書きに残ります）
      </>
    );
  return canEdit ? (
    <>
      まだシステムが登録されていません。先に<Link to="/systems/new">システムを登録</Link>
      してください（入力中の内容は下書きに残ります）。
    </>
  ) : (
    <>
      まだシステムの一覧がありません。情報システム担当が配布するファイルを
      <Link to="/exchange">データ交換</Link>で取り込んでください。
    </>
  );
}
