import { emptyIncident, type IncidentData } from '../../domain/incident.ts';
import type { IncidentStatus } from '../../domain/incidentStatus.ts';
import type { Station } from '../../domain/station.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { pickData } from '../../domain/recordMeta.ts';

/** What the incident form edits and its draft stores (Blobs included: IndexedDB keeps them). */
export interface IncidentFormValues {
  data: IncidentData;
  /** Revision the edit started from (null for a new incident). */
  baseRev: string | null;
  /** Status when the edit started, to stamp a change on save (null for a new incident). */
  baseStatus: IncidentStatus | null;
  /** Bytes of attachments added in this edit, by attachment id. */
  newBlobs: Record<string, Blob>;
}

function currentMinuteIso(now: Date): string {
  const d = new Date(now);
  d.setSeconds(0, 0);
  return d.toISOString();
}

/** A new incident prefilled with what this PC already knows. */
export function newIncidentValues(station: Station, now: Date, systemId = ''): IncidentFormValues {
  return {
    data: emptyIncident({
      occurredAt: currentMinuteIso(now),
      reporterName: station.staffName,
      department: station.department,
      terminal: station.terminal,
      systemId,
    }),
    baseRev: null,
    baseStatus: null,
    newBlobs: {},
  };
}

export function editIncidentValues(record: RecordOf<'incident'>): IncidentFormValues {
  return { data: pickData(record), baseRev: record.rev, baseStatus: record.status, newBlobs: {} };
}
