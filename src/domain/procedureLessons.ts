import type { IncidentData } from './incident.ts';
import { createId } from './ids.ts';
import type { ProcedureData, ProcedureRevision } from './procedure.ts';

// Lessons back into the procedures (seed 000: マニュアル・手順書の更新): a procedure changed
// because of an incident records that version against the incident, and the incident records
// that its manual was updated. Pure; the editor and the incident page call these.

/** What the revision says by default: the incident and the countermeasure it taught. */
export function defaultLessonNote(
  incident: Pick<IncidentData, 'title' | 'countermeasure'>,
): string {
  const measure = incident.countermeasure.trim();
  return `障害記録「${incident.title.trim()}」の対策を反映${measure ? `: ${measure}` : ''}`;
}

/** A new revision entry for the change an incident led to. */
export function lessonRevision(
  incidentId: string,
  incident: Pick<IncidentData, 'title' | 'countermeasure'>,
  version: string,
  on: string,
): ProcedureRevision {
  return { id: createId(), version, on, incidentId, note: defaultLessonNote(incident) };
}

/**
 * The versionHistory as saved: the one linked to `incidentId` (added when the form lost it, e.g. to
 * an older draft) carries the version being saved, so the record names the version it made.
 */
export function withLessonVersion(
  versionHistory: readonly ProcedureRevision[],
  incidentId: string,
  incident: Pick<IncidentData, 'title' | 'countermeasure'>,
  version: string,
  on: string,
): ProcedureRevision[] {
  const has = versionHistory.some((r) => r.incidentId === incidentId);
  const list = has
    ? [...versionHistory]
    : [...versionHistory, lessonRevision(incidentId, incident, version, on)];
  return list.map((r) => (r.incidentId === incidentId ? { ...r, version } : r));
}

/** The incident once the procedure is saved: manual updated, saying which procedure and version. */
export function markManualUpdated(
  incident: IncidentData,
  procedure: Pick<ProcedureData, 'title' | 'version'>,
  revision: Pick<ProcedureRevision, 'on' | 'note'>,
): IncidentData {
  const version = procedure.version.trim() ? procedure.version.trim() : '新しい版';
  const line = `代替手順「${procedure.title}」を${version}に更新（${revision.on}）`;
  const previous = incident.manualUpdateNote.trim();
  return {
    ...incident,
    manualUpdated: true,
    manualUpdateNote: [previous, line].filter(Boolean).join('\n'),
  };
}
