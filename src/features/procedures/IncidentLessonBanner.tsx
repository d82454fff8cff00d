import { Link } from 'react-router';
import { saveRecord } from '../../db/records.ts';
import { incidentFieldLabels } from '../../domain/incident.ts';
import type { ProcedureRevision } from '../../domain/procedure.ts';
import { markManualUpdated } from '../../domain/procedureLessons.ts';
import { pickData } from '../../domain/recordMeta.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { Field } from '../common/Field.tsx';

/**
 * Marks the incident that led to a procedure change as 「マニュアル更新」 done, naming the
 * procedure and version. Runs after the procedure is saved; a failure (the incident was edited
 * meanwhile) leaves the incident in 「手順書の更新待ち」, where it can be ticked by hand.
 */
export async function recordLessonOnIncident(
  incident: RecordOf<'incident'>,
  procedure: RecordOf<'procedure'>,
): Promise<void> {
  const revision = procedure.versionHistory?.find((r) => r.incidentId === incident.id);
  if (!revision) return;
  try {
    await saveRecord('incident', markManualUpdated(pickData(incident), procedure, revision), {
      id: incident.id,
      baseRev: incident.rev,
    });
  } catch (error) {
    console.warn('manual update not recorded on the incident', error);
  }
}

/**
 * Above the procedure form opened from a resolved incident (?fromIncident=<id>): what the incident
 * taught, and the note of the revision that saving records against it.
 */
export function IncidentLessonBanner({
  incident,
  versionHistory,
  onChange,
}: {
  incident: RecordOf<'incident'>;
  versionHistory: ProcedureRevision[];
  onChange: (next: ProcedureRevision[]) => void;
}) {
  const revision = versionHistory.find((r) => r.incidentId === incident.id);
  return (
    <section className="card incident-lesson" aria-labelledby="incident-lesson-heading">
      <h2 id="incident-lesson-heading">
        障害記録から手順書を更新: <Link to={`/incidents/${incident.id}`}>{incident.title}</Link>
      </h2>
      <dl className="detail-stack">
        <div className="detail-item">
          <dt>{incidentFieldLabels.cause}</dt>
          <dd>{incident.cause || '—'}</dd>
        </div>
        <div className="detail-item">
          <dt>{incidentFieldLabels.countermeasure}</dt>
          <dd>{incident.countermeasure || '—'}</dd>
        </div>
      </dl>
      <p className="hint">
        手順を直し、下の「管理」で版を上げてから保存してください。保存すると、この版を障害記録に結びつけて「改訂の記録」に残し、障害記録の「マニュアル更新」を済みにします。
      </p>
      {revision ? (
        <Field label="改訂の内容">
          <textarea
            rows={2}
            value={revision.note}
            onChange={(e) =>
              onChange(
                versionHistory.map((r) =>
                  r.id === revision.id ? { ...r, note: e.target.value } : r,
                ),
              )
            }
          />
        </Field>
      ) : null}
    </section>
  );
}
