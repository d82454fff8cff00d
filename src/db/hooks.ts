import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { RecordOf } from '../domain/recordSchemas.ts';
import type { RecordType } from '../domain/recordTypes.ts';
import type { Station } from '../domain/station.ts';
import type { AuditEntry } from '../domain/audit.ts';
import { describeRecordChange } from '../domain/auditText.ts';
import { incidentStatuses, isOpenStatus } from '../domain/incidentStatus.ts';
import { incidentLessons } from '../domain/incidentLessons.ts';
import { getDatabase } from './instance.ts';
import { loadStation } from './stationRead.ts';
import { followIncidentList, type IncidentListProgress } from './incidentListQueries.ts';

/**
 * Live views of the database for React. Each re-renders when the data changes, in this tab or
 * another one. `undefined` means "still loading", so screens can tell it from "empty".
 */
export function useLiveRecords<T extends RecordType>(
  type: T,
  options: { includeDeleted?: boolean } = {},
): RecordOf<T>[] | undefined {
  const includeDeleted = options.includeDeleted ?? false;
  return useLiveQuery(async () => {
    const all = await getDatabase().recordTable(type).toArray();
    return includeDeleted ? all : all.filter((r) => !r.deleted);
  }, [type, includeDeleted]);
}

/**
 * Incidents not yet 解決 or 完了, through the `status` index: the outage screens need only these,
 * and reading every incident there put a long task on the first screen at 50,000 incidents.
 */
export async function loadOpenIncidents(): Promise<RecordOf<'incident'>[]> {
  const open = incidentStatuses.filter(isOpenStatus);
  const rows = await getDatabase().recordTable('incident').where('status').anyOf(open).toArray();
  return rows.filter((r) => !r.deleted);
}

/**
 * A system's known problems: its resolved incidents that say what caused them or what fixed
 * them, newest first, read through the `systemId` index.
 */
export async function loadKnownProblems(
  systemId: string,
  limit = 5,
): Promise<RecordOf<'incident'>[]> {
  const rows = await getDatabase()
    .recordTable('incident')
    .where('systemId')
    .equals(systemId)
    .toArray();
  return rows
    .filter((r) => !r.deleted && !isOpenStatus(r.status) && incidentLessons(r).length > 0)
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))
    .slice(0, limit);
}

/** {@link loadKnownProblems}, live. */
export function useKnownProblems(systemId: string): RecordOf<'incident'>[] | undefined {
  return useLiveQuery(() => loadKnownProblems(systemId), [systemId]);
}

/** {@link loadOpenIncidents}, live. */
export function useOpenIncidents(): RecordOf<'incident'>[] | undefined {
  return useLiveQuery(loadOpenIncidents, []);
}

/** One live record; `null` when it does not exist or was deleted. */
export function useLiveRecord<T extends RecordType>(
  type: T,
  id: string | undefined,
): RecordOf<T> | null | undefined {
  return useLiveQuery(async () => {
    if (!id) return null;
    const record = await getDatabase().recordTable(type).get(id);
    return record && !record.deleted ? record : null;
  }, [type, id]);
}

/** The station; `null` before first-run setup. */
export function useStation(): Station | null | undefined {
  return useLiveQuery(loadStation, []);
}

/** The audit trail of one record, or the newest `limit` entries of all. */
export function useAuditTrail(recordId?: string, limit = 200): AuditEntry[] | undefined {
  return useLiveQuery(() => loadAuditTrail(recordId, limit), [recordId, limit]);
}

/**
 * The entries of one record, newest first: its own (`recordId`) and the imports that changed it
 * (`*recordIds`, one entry per import), each import shown as that record's line of the list.
 * Without a record, the newest `limit` entries, newest first.
 */
export async function loadAuditTrail(recordId?: string, limit = 200): Promise<AuditEntry[]> {
  const db = getDatabase();
  if (!recordId) return db.audit.orderBy('seq').reverse().limit(limit).toArray();
  const [own, imports] = await Promise.all([
    db.audit.where('recordId').equals(recordId).toArray(),
    db.audit.where('recordIds').equals(recordId).toArray(),
  ]);
  const projected = imports.flatMap((entry) => {
    const change = entry.records?.find((r) => r.id === recordId);
    if (!change) return [];
    return [
      {
        ...entry,
        recordType: change.type,
        recordId,
        rev: change.newRev,
        summary: `${describeRecordChange(change)}。${entry.summary}`,
      },
    ];
  });
  return [...own, ...projected].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)).reverse();
}

/**
 * The incident log, live: first the newest `firstPage` rows (fast, for the first screen), then
 * every row ready to search, then a fresh index after each change. A failed read is thrown
 * during render, so the screen's error boundary shows it, as with the other live hooks.
 */
export function useIncidentList(firstPage = 50): IncidentListProgress {
  const [state, setState] = useState<IncidentListProgress & { error?: unknown }>({});
  useEffect(
    () =>
      followIncidentList(
        getDatabase(),
        firstPage,
        (progress) => setState((current) => ({ ...current, ...progress })),
        (error: unknown) => setState((current) => ({ ...current, error })),
      ),
    [firstPage],
  );
  if (state.error !== undefined) throw state.error;
  return state;
}
