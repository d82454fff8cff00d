import { useLiveQuery } from 'dexie-react-hooks';
import type { ReviewInputs } from '../domain/reviewRules.ts';
import type { RecordOf } from '../domain/recordSchemas.ts';
import { getDatabase } from './instance.ts';
import { loadLastBackupAt } from './backupState.ts';
import { loadOpenFollowUps } from './followUpQueries.ts';

// What 点検 (the review list, issue 15) and the count on its navigation entry read. Only the
// master-data tables, drills and open follow-ups: each holds tens to hundreds of rows, and the
// incidents (up to 50,000) are never read, so the count can run on every screen.

const live = <T extends { deleted: boolean }>(rows: T[]) => rows.filter((r) => !r.deleted);

/** The rules' inputs as whole records, so the list can act on them (「確認した」, 「見直しました」). */
export interface ReviewRecords extends ReviewInputs {
  procedures: RecordOf<'procedure'>[];
  contacts: RecordOf<'contact'>[];
  systems: RecordOf<'system'>[];
  levels: RecordOf<'incidentLevel'>[];
  drills: RecordOf<'drill'>[];
  followUps: RecordOf<'followUp'>[];
}

/** The records the review rules need, read in one transaction so they agree with each other. */
export async function loadReviewInputs(): Promise<ReviewRecords> {
  const db = getDatabase();
  const tables = [
    db.procedures,
    db.contacts,
    db.systems,
    db.incidentLevels,
    db.drills,
    db.followUps,
    db.settings,
  ];
  return db.transaction('r', tables, async () => {
    const [procedures, contacts, systems, levels, drills, followUps, lastBackupAt] =
      await Promise.all([
        db.procedures.toArray(),
        db.contacts.toArray(),
        db.systems.toArray(),
        db.incidentLevels.toArray(),
        db.drills.toArray(),
        loadOpenFollowUps(),
        loadLastBackupAt(),
      ]);
    return {
      procedures: live(procedures),
      contacts: live(contacts),
      systems: live(systems),
      levels: live(levels),
      drills: live(drills),
      followUps,
      lastBackupAt,
    };
  });
}

/** {@link loadReviewInputs}, live; `undefined` while loading. */
export function useReviewInputs(): ReviewRecords | undefined {
  return useLiveQuery(loadReviewInputs, []);
}
