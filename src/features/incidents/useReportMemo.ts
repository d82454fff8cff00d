import { useMemo } from 'react';
import { useLiveRecord, useLiveRecords } from '../../db/hooks.ts';
import { contactAvailabilityAt } from '../../domain/businessHours.ts';
import { contactsToCall } from '../../domain/contactRules.ts';
import { pickData } from '../../domain/recordMeta.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { buildReportMemo, type ReportMemo } from '../../domain/reportMemo.ts';
import { useClosureDays } from '../common/useClosureDays.ts';
import { systemNameOf, useSystemNames } from './useSystemNames.ts';

export interface ReportMemoState {
  incident: RecordOf<'incident'>;
  memo: ReportMemo;
  /** The contacts covering the incident's system, in the order to call them. */
  desks: RecordOf<'contact'>[];
  /** The desk the memo is addressed to: the chosen one, else the first vendor or IT desk. */
  desk: RecordOf<'contact'> | null;
  /** The number to dial at `now` (the after-hours one when the desk is closed). */
  number: string | null;
}

/**
 * The 報告メモ of one incident from the live records, for the screen and the print route alike;
 * undefined while loading, null when the incident does not exist. `deskId` picks a desk other
 * than the first to call.
 */
export function useReportMemo(
  incidentId: string | undefined,
  deskId: string | null,
  now: Date,
): ReportMemoState | null | undefined {
  const incident = useLiveRecord('incident', incidentId);
  const contacts = useLiveRecords('contact');
  const levels = useLiveRecords('incidentLevel');
  const systemNames = useSystemNames();
  const closures = useClosureDays();
  const systemsLoaded = useLiveRecords('system') !== undefined;

  return useMemo(() => {
    if (incident === null) return null;
    if (!incident || !contacts || !levels || !systemsLoaded) return undefined;
    const desks = contactsToCall(contacts, incident.systemId);
    // The memo is for the vendor desk or the IT section (seed 000), so those come first by
    // default, not a colleague who happens to be first in the escalation order.
    const desk =
      desks.find((c) => c.id === deskId) ??
      desks.find((c) => c.kind === 'vendor' || c.kind === 'itSection') ??
      desks[0] ??
      null;
    const number = desk
      ? (contactAvailabilityAt(desk, now, closures).callNumber?.number ?? null)
      : null;
    const memo = buildReportMemo({
      incident: pickData(incident),
      systemName: systemNameOf(incident, systemNames),
      levelName: levels.find((l) => l.level === incident.level)?.name ?? null,
      desk: desk
        ? {
            name: desk.name,
            organization: desk.organization,
            contractNumber: desk.contractNumber,
            phone: number,
          }
        : null,
    });
    return { incident, memo, desks, desk, number };
  }, [incident, contacts, levels, systemsLoaded, systemNames, closures, deskId, now]);
}
