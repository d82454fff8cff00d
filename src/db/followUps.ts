import { useLiveQuery } from 'dexie-react-hooks';
import type { RecordDataOf } from '../domain/recordSchemas.ts';
import type { FollowUpTargetType } from '../domain/followUp.ts';
import { nowIso } from '../domain/dateTime.ts';
import { pickData } from '../domain/recordMeta.ts';
import { getDatabase } from './instance.ts';
import { saveRecord } from './records.ts';
import { loadStation } from './station.ts';
import { currentActorName } from './operator.ts';
import { StaleRecordError } from './errors.ts';
import { loadOpenFollowUps, type FollowUpRecord } from './followUpQueries.ts';

export { loadOpenFollowUps, type FollowUpRecord } from './followUpQueries.ts';

export interface NewFollowUp {
  targetType: FollowUpTargetType;
  targetId: string;
  text: string;
  drillId?: string;
  findingId?: string;
}

/**
 * Opens a follow-up (要対応) on a procedure, contact, level or system. Throws
 * RecordValidationError (with Japanese messages) for empty or too long text; nothing is written.
 */
export async function createFollowUp(input: NewFollowUp): Promise<FollowUpRecord> {
  const data: RecordDataOf<'followUp'> = {
    targetType: input.targetType,
    targetId: input.targetId,
    text: input.text,
    status: 'open',
    ...(input.drillId ? { drillId: input.drillId } : {}),
    ...(input.findingId ? { findingId: input.findingId } : {}),
  };
  return saveRecord('followUp', data);
}

/**
 * Closes a follow-up with what was done. Who closed it is the operator at the keyboard (else the
 * station's 担当者名, else its terminal name). Throws StaleRecordError when it is missing or already closed.
 */
export async function closeFollowUp(id: string, note: string): Promise<FollowUpRecord> {
  const db = getDatabase();
  return db.transaction(
    'rw',
    [db.followUps, db.audit, db.settings, db.drafts, db.attachments],
    async () => {
      const existing = await db.followUps.get(id);
      if (!existing || existing.deleted || existing.status === 'closed')
        throw new StaleRecordError('follow-up missing or already closed');
      const station = await loadStation();
      const closedBy = station ? currentActorName(station) : '';
      return saveRecord(
        'followUp',
        { ...pickData(existing), status: 'closed', closedAt: nowIso(), closedBy, closeNote: note },
        { id, baseRev: existing.rev },
      );
    },
  );
}

/** {@link loadOpenFollowUps}, live; `undefined` while loading. */
export function useOpenFollowUps(
  targetType?: FollowUpTargetType,
  targetId?: string,
): FollowUpRecord[] | undefined {
  return useLiveQuery(() => loadOpenFollowUps(targetType, targetId), [targetType, targetId]);
}

/** Every follow-up (open or closed) a drill's findings opened, live. */
export function useDrillFollowUps(drillId: string | undefined): FollowUpRecord[] | undefined {
  return useLiveQuery(async () => {
    if (!drillId) return [];
    const rows = await getDatabase().followUps.where('drillId').equals(drillId).toArray();
    return rows.filter((r) => !r.deleted);
  }, [drillId]);
}
