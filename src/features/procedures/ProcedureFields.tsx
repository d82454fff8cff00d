import { Link } from 'react-router';
import type { GuidanceLanguage } from '../../domain/guidanceLanguages.ts';
import { procedureFieldLabels } from '../../domain/procedure.ts';
import { TEXT_LIMITS } from '../../domain/text.ts';
import { Field } from '../common/Field.tsx';
import type { ReadyRecordEditor } from '../common/useRecordEditor.ts';
import type { ProcedureFormValues } from './procedureFormValues.ts';
import type { ProcedureReferences } from './useProcedureReferences.ts';
import { ChecklistField } from './ChecklistField.tsx';
import { StepsEditor } from './StepsEditor.tsx';
import { PaperFormsEditor } from './PaperFormsEditor.tsx';
import { AgreementsEditor } from './AgreementsEditor.tsx';
import { GuidanceTranslationsEditor } from './GuidanceTranslationsEditor.tsx';

const labels = procedureFieldLabels;

/** The fields of the procedure form (ProcedureEditPage), in the order a procedure is read. */
export function ProcedureFields({
  editor,
  references,
  languages,
}: {
  editor: ReadyRecordEditor<'procedure', ProcedureFormValues>;
  references: ProcedureReferences;
  languages: readonly GuidanceLanguage[];
}) {
  const { values, errors, setValues } = editor;
  const setText = (key: keyof ProcedureFormValues) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: event.target.value }));
  const live = new Set(references.systems.map((s) => s.id));
  const deleted = new Set(references.known.systems.filter((s) => s.deleted).map((s) => s.id));
  const systemOptions = [
    ...references.systems.map((s) => ({ key: s.id, label: s.name })),
    ...values.systemIds
      .filter((systemId) => !live.has(systemId))
      .map((systemId) => ({
        key: systemId,
        label: deleted.has(systemId) ? '（削除されたシステム）' : '（この端末にないシステム）',
        isBroken: true,
      })),
  ];
  const levelOptions = [
    ...references.levels.map((l) => ({ key: l.level, label: `レベル${l.level} ${l.name}` })),
    ...values.levels
      .filter((level) => !references.levelNames.has(level))
      .map((level) => ({
        key: level,
        label: `レベル${level}（登録されていません）`,
        isBroken: true,
      })),
  ];

  return (
    <>
      <fieldset>
        <legend>いつ使う手順か</legend>
        <Field
          label={labels.title}
          required
          error={errors.title}
          hint="例: 住民記録システム停止時の窓口対応"
        >
          <input value={values.title} onChange={setText('title')} maxLength={TEXT_LIMITS.title} />
        </Field>
        <ChecklistField
          legend={labels.systemIds}
          hint="この手順を使う業務システム（複数可）"
          options={systemOptions}
          selected={values.systemIds}
          onChange={(systemIds) => setValues((v) => ({ ...v, systemIds }))}
          error={errors.systemIds}
          empty={
            <>
              システムがまだ登録されていません。<Link to="/systems/new">システムを登録</Link>
              してから選んでください（あとで選んでもかまいません）。
            </>
          }
        />
        <Field
          label={labels.trigger}
          error={errors.trigger}
          hint="どうなったらこの手順を始めるか。例: 15分以上使えず、復旧見込みが示されないとき"
        >
          <textarea value={values.trigger} onChange={setText('trigger')} rows={2} />
        </Field>
        <ChecklistField
          legend={labels.levels}
          hint="この手順を使う障害レベル"
          options={levelOptions}
          selected={values.levels}
          onChange={(levels) => setValues((v) => ({ ...v, levels }))}
          error={errors.levels}
          empty={
            <>
              障害レベルがまだ登録されていません。<Link to="/levels/new">障害レベルを登録</Link>
              できます（あとで選んでもかまいません）。
            </>
          }
        />
      </fieldset>
      <fieldset>
        <legend>{labels.steps}（初動・代替・復旧）</legend>
        <StepsEditor
          steps={values.steps}
          onChange={(steps) => setValues((v) => ({ ...v, steps }))}
          errors={errors}
        />
      </fieldset>
      <PaperFormsEditor
        forms={values.paperForms}
        onChange={(paperForms) => setValues((v) => ({ ...v, paperForms }))}
        errors={errors}
      />
      <fieldset>
        <legend>住民への案内と後処理</legend>
        <Field
          label={labels.residentGuidance}
          error={errors.residentGuidance}
          hint="窓口で読み上げたり掲示したりする文。「ただいま〜のため」「〜をご利用ください」のように、そのまま読める文で"
        >
          <textarea
            value={values.residentGuidance}
            onChange={setText('residentGuidance')}
            rows={4}
          />
        </Field>
        <Field
          label={labels.afterRecovery}
          error={errors.afterRecovery}
          hint="復旧後に紙で受け付けた内容をシステムへ入力する手順など"
        >
          <textarea value={values.afterRecovery} onChange={setText('afterRecovery')} rows={3} />
        </Field>
      </fieldset>
      <GuidanceTranslationsEditor
        japanese={values.residentGuidance}
        onJapaneseChange={(residentGuidance) => setValues((v) => ({ ...v, residentGuidance }))}
        translations={values.guidanceTranslations}
        onChange={(guidanceTranslations) => setValues((v) => ({ ...v, guidanceTranslations }))}
        languages={languages}
        errors={errors}
      />
      <AgreementsEditor
        agreements={values.agreements}
        onChange={(agreements) => setValues((v) => ({ ...v, agreements }))}
        errors={errors}
      />
      <fieldset>
        <legend>管理</legend>
        <div className="field-row">
          <Field label={labels.owner} error={errors.owner} hint="例: 市民課長">
            <input value={values.owner} onChange={setText('owner')} />
          </Field>
          <Field label={labels.version} error={errors.version} hint="例: 第2版">
            <input value={values.version} onChange={setText('version')} maxLength={30} />
          </Field>
          <Field
            label={labels.lastReviewedOn}
            error={errors.lastReviewedOn}
            hint="1年以上たつと一覧に「要見直し」と表示されます"
          >
            <input type="date" value={values.lastReviewedOn} onChange={setText('lastReviewedOn')} />
          </Field>
        </div>
      </fieldset>
    </>
  );
}
