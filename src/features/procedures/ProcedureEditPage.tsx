import { useCallback } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useLiveRecord } from '../../db/hooks.ts';
import { lessonRevision, withLessonVersion } from '../../domain/procedureLessons.ts';
import { todayInTokyo } from '../../domain/procedureRules.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { usePageTitle } from '../common/usePageTitle.ts';
import { RecordNotFound } from '../common/RecordNotFound.tsx';
import { useRecordEditor } from '../common/useRecordEditor.ts';
import { EditorForm } from '../common/EditorForm.tsx';
import { ReadOnlyNotice, useCanEditMasterData } from '../common/masterDataAccess.tsx';
import {
  editProcedureValues,
  newProcedureValues,
  validateProcedure,
  type ProcedureFormValues,
} from './procedureFormValues.ts';
import { useProcedureReferences } from './useProcedureReferences.ts';
import { IncidentLessonBanner, recordLessonOnIncident } from './IncidentLessonBanner.tsx';
import { useGuidanceLanguages } from './useGuidanceLanguages.ts';
import { ProcedureFields } from './ProcedureFields.tsx';
import './procedures.css';

/** 代替手順の作成・編集 (/procedures/new, /procedures/:id/edit); the IT section's station only. */
export function ProcedureEditPage() {
  const { id } = useParams();
  const canEdit = useCanEditMasterData();
  const references = useProcedureReferences();
  // 「代替手順を作成する」 on a system's page passes ?system=<id> to tick it from the start.
  const [searchParams] = useSearchParams();
  const presetSystem = searchParams.get('system');
  // 「手順書を更新する」 on a resolved incident passes ?fromIncident=<id> (issue 17).
  const fromIncident = searchParams.get('fromIncident');
  const lessonIncident = useLiveRecord('incident', fromIncident ?? undefined);
  const languages = useGuidanceLanguages();
  // Memoised: a new procedure's review date reads the clock once, not on every render.
  const toValues = useCallback(
    (record: RecordOf<'procedure'> | null) => {
      if (lessonIncident === undefined) return undefined;
      const today = todayInTokyo(new Date());
      const values = record ? editProcedureValues(record) : newProcedureValues(today);
      if (!record && presetSystem) values.systemIds = [presetSystem];
      if (lessonIncident && !values.versionHistory.some((r) => r.incidentId === lessonIncident.id))
        values.versionHistory = [
          ...values.versionHistory,
          lessonRevision(lessonIncident.id, lessonIncident, values.version, today),
        ];
      return values;
    },
    [presetSystem, lessonIncident],
  );
  const toData = useCallback(
    (values: ProcedureFormValues) =>
      references
        ? validateProcedure(
            lessonIncident
              ? {
                  ...values,
                  versionHistory: withLessonVersion(
                    values.versionHistory,
                    lessonIncident.id,
                    lessonIncident,
                    values.version,
                    todayInTokyo(new Date()),
                  ),
                }
              : values,
            references.known,
            new Date(),
          )
        : {
            errors: {
              title: 'システムと障害レベルを読み込み中です。少し待ってから保存してください',
            },
          },
    [references, lessonIncident],
  );
  const editor = useRecordEditor({
    type: 'procedure',
    id,
    toValues,
    toData,
    afterSave: (saved) => {
      if (lessonIncident) void recordLessonOnIncident(lessonIncident, saved);
      return { to: `/procedures/${saved.id}`, state: { saved: true } };
    },
    cancelTo: id ? `/procedures/${id}` : '/procedures',
  });
  const title = editor.isNew ? '代替手順の作成' : '代替手順の編集';
  usePageTitle(title);

  if (canEdit === false)
    return (
      <section>
        <h1>{title}</h1>
        <ReadOnlyNotice what="代替手順" />
        <p>
          <Link to={id ? `/procedures/${id}` : '/procedures'}>代替手順へ戻る</Link>
        </p>
      </section>
    );
  if (editor.state === 'missing')
    return <RecordNotFound what="この代替手順" backTo="/procedures" />;
  if (editor.state === 'loading' || canEdit === undefined || !references || !languages)
    return <p role="status">読み込み中…</p>;

  return (
    <section>
      <h1>{editor.isNew ? title : `${title}: ${editor.record?.title ?? ''}`}</h1>
      <p className="lead">
        障害の最中に読む人のために、短い文で具体的に書いてください。入力はこの PC
        に自動で下書き保存されます。
      </p>
      {lessonIncident ? (
        <IncidentLessonBanner
          incident={lessonIncident}
          versionHistory={editor.values.versionHistory}
          onChange={(versionHistory) => editor.setValues((v) => ({ ...v, versionHistory }))}
        />
      ) : null}
      <EditorForm editor={editor} className="procedure-form">
        <ProcedureFields editor={editor} references={references} languages={languages} />
      </EditorForm>
    </section>
  );
}
