import type { Station } from '../domain/station.ts';
import { stationRoles } from '../domain/stationRole.ts';
import { getDatabase } from './instance.ts';

// Reading the station, apart from station.ts (which validates what is written with the station's
// zod schema) so that every screen can know its station without loading zod (issue 9).

// DO NOT RENAME: settings key stored in IndexedDB.
export const STATION_KEY = 'station';

const TEXT_FIELDS = ['id', 'municipality', 'department', 'terminal', 'staffName'] as const;

/**
 * Whether a stored value has the station's shape. Every write goes through `stationSchema`
 * (saveStation), so this read only tells a set-up station from a missing or foreign value;
 * tests/unit/db/stationRead.test.ts holds it to the schema's verdicts.
 */
export function isStoredStation(value: unknown): value is Station {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    TEXT_FIELDS.every((key) => typeof v[key] === 'string') &&
    (stationRoles as readonly unknown[]).includes(v.role) &&
    // 担当者の一覧: absent on a station saved before it existed (staffListOf reads it then).
    (v.staffNames === undefined ||
      (Array.isArray(v.staffNames) && v.staffNames.every((name) => typeof name === 'string')))
  );
}

/** The station, or null before first-run setup. */
export async function loadStation(): Promise<Station | null> {
  const value = (await getDatabase().settings.get(STATION_KEY))?.value;
  return isStoredStation(value) ? value : null;
}
