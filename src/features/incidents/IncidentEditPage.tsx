import { useCallback } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useStation } from '../../db/hooks.ts';
import { incidentDataSchema, type IncidentData } from '../../domain/incident.ts';
import { checkIncidentInput, stampStatusChange } from '../../domain/incidentRules.ts';
import { nowIso } from '../../domain/dateTime.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { toFieldErrors, type FieldErrors } from '../common/fieldErrors.ts';
import { usePageTitle } from '../common/usePageTitle.ts';
import { RecordNotFound } from '../common/RecordNotFound.tsx';
import { useRecordEditor } from '../common/useRecordEditor.ts';
import { EditorForm } from '../common/EditorForm.tsx';
import {
  editIncidentValues,
  newIncidentValues,
  type IncidentFormValues,
} from './incidentFormValues.ts';
import { IncidentForm } from './IncidentForm.tsx';
import { useSystemNames } from './useSystemNames.ts';
import { SimilarIncidents } from './SimilarIncidents.tsx';
import { useActiveDrill } from '../../db/drills.ts';
import { noteDrillIncident, withDrill } from '../drills/drillIncident.ts';

/** Everything wrong with the input: the schema's issues and the rules for a person's input. */
function validate(data: IncidentData): { data?: IncidentData; errors: FieldErrors } {
  const parsed = incidentDataSchema.safeParse(data);
  const errors = parsed.success ? {} : toFieldErrors(parsed.error.issues);
  for (const issue of checkIncidentInput(data, new Date())) errors[issue.path] ??= issue.message;
  return Object.keys(errors).length === 0 && parsed.success
    ? { data: parsed.data, errors }
    : { errors };
}

/**
 * A status changed in this edit gets its timeline entry before validation and saving, and the
 * incident carries its system's name, so a station that does not know the system (the IT
 * section, for a department's local one) still sees which it was.
 */
function toData(values: IncidentFormValues, systemNames: ReadonlyMap<string, string>) {
  const systemName = systemNames.get(values.data.systemId) ?? values.data.systemName ?? '';
  return validate(stampStatusChange({ ...values.data, systemName }, values.baseStatus, nowIso()));
}

function newAttachmentsOf(values: IncidentFormValues) {
  return {
    newAttachments: Object.entries(values.newBlobs).map(([blobId, blob]) => ({ id: blobId, blob })),
  };
}

export function IncidentEditPage() {
  const { id } = useParams();
  const [searchParams] = useSearchParams();
  const station = useStation();
  const presetSystem = searchParams.get('system') ?? '';
  // A new incident in drill mode is a drill incident (issue 15); by id, so timeline writes to
  // the drill do not make new starting values.
  const activeDrill = useActiveDrill();
  const drillId = activeDrill === undefined ? undefined : (activeDrill?.id ?? null);
  // Memoised so a new incident's times are read once, when the station arrives.
  const toValues = useCallback(
    (record: RecordOf<'incident'> | null) => {
      if (record) return editIncidentValues(record);
      if (!station || drillId === undefined) return undefined;
      return withDrill(newIncidentValues(station, new Date(), presetSystem), drillId);
    },
    [station, presetSystem, drillId],
  );
  const systemNames = useSystemNames();
  const toIncidentData = useCallback(
    (values: IncidentFormValues) => toData(values, systemNames),
    [systemNames],
  );
  const editor = useRecordEditor({
    type: 'incident',
    id,
    toValues,
    toData: toIncidentData,
    saveOptions: newAttachmentsOf,
    afterSave: (saved) => {
      noteDrillIncident(saved);
      return { to: `/incidents/${saved.id}`, state: { saved: true } };
    },
    cancelTo: id ? `/incidents/${id}` : '/incidents',
  });
  usePageTitle(editor.isNew ? '障害を記録する' : '障害記録の編集');

  if (editor.state === 'missing') {
    return <RecordNotFound what="この障害記録" backTo="/incidents" />;
  }
  if (editor.state === 'loading') return <p role="status">読み込み中…</p>;

  return (
    <section>
      <h1>{editor.isNew ? '障害を記録する' : `障害記録の編集: ${editor.record?.title ?? ''}`}</h1>
      <p className="lead">
        入力した内容はこの PC
        に自動で下書き保存されます。分かることから書き、分からない欄は空けておいてかまいません。
      </p>
      <div className="incident-edit-layout">
        <EditorForm
          editor={editor}
          className="incident-form"
          cancelLabel="キャンセル（入力を破棄）"
        >
          <IncidentForm
            values={editor.values}
            setValues={editor.setValues}
            errors={editor.errors}
          />
        </EditorForm>
        <SimilarIncidents
          errorMessage={editor.values.data.errorMessage}
          systemId={editor.values.data.systemId}
          text={`${editor.values.data.title}\n${editor.values.data.symptoms}`}
          excludeId={id}
        />
      </div>
    </section>
  );
}
