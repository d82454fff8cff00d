import type { RecordOf } from '../domain/recordSchemas.ts';
import type { FollowUpTargetType } from '../domain/followUp.ts';
import { getDatabase } from './instance.ts';

// Reading follow-ups, apart from followUps.ts (which writes them, and so needs the record schemas)
// so that the 点検 count in the navigation loads no zod (issue 9: first screen).

export type FollowUpRecord = RecordOf<'followUp'>;

/**
 * Open follow-ups, oldest first: all of them, those on one kind of record, or those on one
 * record (through the `[targetType+targetId]` index).
 */
export async function loadOpenFollowUps(
  targetType?: FollowUpTargetType,
  targetId?: string,
): Promise<FollowUpRecord[]> {
  const table = getDatabase().followUps;
  const rows =
    targetType && targetId
      ? await table.where('[targetType+targetId]').equals([targetType, targetId]).toArray()
      : await table.where('status').equals('open').toArray();
  return rows
    .filter(
      (r) => !r.deleted && r.status === 'open' && (!targetType || r.targetType === targetType),
    )
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
