import { emptyIncident, type IncidentData } from '../../domain/incident.ts';
import type { IncidentStatus } from '../../domain/incidentStatus.ts';
import type { Station } from '../../domain/station.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { pickData } from '../../domain/recordMeta.ts';
import { currentOperator } from '../../db/operator.ts';

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

/**
 * A new incident prefilled with what this PC already knows; the reporter is the operator at the
 * keyboard (PRODUCT.md decision 6), else the station's 担当者名.
 */
export function newIncidentValues(
  station: Station,
  now: Date,
  systemId = '',
  operator: string | null = currentOperator(station),
): IncidentFormValues {
  return {
    data: emptyIncident({
      occurredAt: currentMinuteIso(now),
      reporterName: operator ?? station.staffName,
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
