import type { Transaction } from 'dexie';
import {
  stationFormSchema,
  stationSchema,
  type Station,
  type StationForm,
} from '../domain/station.ts';
import { createId } from '../domain/ids.ts';
import { getDatabase } from './instance.ts';
import { appendAudit } from './auditTrail.ts';
import { RecordValidationError, StationMissingError } from './errors.ts';
import { loadStation, STATION_KEY } from './stationRead.ts';
import { currentOperator } from './operator.ts';

export { loadStation };

/** Reads the station inside a running transaction (which must include `settings`). */
export async function requireStation(tx: Transaction): Promise<Station> {
  const row = await tx.table('settings').get(STATION_KEY);
  const parsed = stationSchema.safeParse(row?.value);
  if (!parsed.success) throw new StationMissingError('station not set up');
  return parsed.data;
}

/** Creates or updates this PC's identity; the id is kept across edits. */
export async function saveStation(form: StationForm): Promise<Station> {
  const parsed = stationFormSchema.safeParse(form);
  if (!parsed.success) throw new RecordValidationError(parsed.error.issues);
  const db = getDatabase();
  return db.transaction('rw', db.settings, db.audit, async () => {
    const existing = stationSchema.safeParse((await db.settings.get(STATION_KEY))?.value);
    const station: Station = {
      id: existing.success ? existing.data.id : createId(),
      ...parsed.data,
    };
    await db.settings.put({ key: STATION_KEY, value: station });
    await appendAudit(station, {
      action: 'settings',
      summary: existing.success ? '端末の設定を変更' : '端末の設定を登録',
    });
    return station;
  });
}

/**
 * The operator of this PC's station now (PRODUCT.md decision 6), for a screen that has no station
 * at hand, e.g. to stamp who made a call; null before setup or when nobody is known.
 */
export async function loadCurrentOperator(): Promise<string | null> {
  const station = await loadStation();
  return station ? currentOperator(station) : null;
}
