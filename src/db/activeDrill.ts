import { useLiveQuery } from 'dexie-react-hooks';
import type { RecordOf } from '../domain/recordSchemas.ts';
import { getDatabase } from './instance.ts';

// The running drill, apart from drills.ts (which writes, and so needs the record schemas) so that the
// banner 「訓練中」 and the outage screen read it without loading zod (issue 9: first screen).

export type DrillRecord = RecordOf<'drill'>;

// DO NOT RENAME: settings key stored in IndexedDB. Its value is `{ drillId }` while a drill runs.
export const ACTIVE_DRILL_KEY = 'activeDrill';

/** The running drill of this station, or null (also when its record was deleted). */
export async function loadActiveDrill(): Promise<DrillRecord | null> {
  const db = getDatabase();
  const row = await db.settings.get(ACTIVE_DRILL_KEY);
  const drillId = (row?.value as { drillId?: unknown } | undefined)?.drillId;
  if (typeof drillId !== 'string') return null;
  const drill = await db.drills.get(drillId);
  return drill && !drill.deleted && drill.status === 'running' ? drill : null;
}

/** {@link loadActiveDrill}, live: the banner 「訓練中」 and the drill recorder follow it. */
export function useActiveDrill(): DrillRecord | null | undefined {
  return useLiveQuery(loadActiveDrill, []);
}
