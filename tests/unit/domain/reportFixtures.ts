import {
  emptyIncident,
  type IncidentData,
  type IncidentRecord,
} from '../../../src/domain/incident.ts';
import type { IncidentStatus } from '../../../src/domain/incidentStatus.ts';
import { createStoredRecord } from '../../../src/domain/storedRecord.ts';

// Incidents for the report and statistics tests: times in minutes after a fixed start, a
// timeline written from a list of status changes.

export const STATION = '00000000-0000-4000-8000-0000000000aa';
/** 2026-11-10 09:00 in Tokyo. */
export const T0 = Date.parse('2026-11-10T00:00:00Z');
export const MINUTE = 60_000;

export const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** An instant `minutes` after T0. */
export function at(minutes: number): string {
  return new Date(T0 + minutes * MINUTE).toISOString();
}

let next = 1000;

/** A stored incident; `changes` are [status, minutes after T0] in the order they were saved. */
export function incident(
  data: Partial<IncidentData> = {},
  changes: [IncidentStatus, number][] = [],
): IncidentRecord {
  const timeline = changes.map(([status, minutes]) => ({
    id: id(next++),
    at: at(minutes),
    status,
    text: `状態を「${status}」に変更`,
  }));
  return createStoredRecord(
    'incident',
    emptyIncident({
      title: '障害',
      systemId: id(1),
      occurredAt: at(0),
      status: changes.at(-1)?.[0] ?? 'occurred',
      timeline,
      ...data,
    }),
    STATION,
    at(0),
    id(next++),
  );
}
