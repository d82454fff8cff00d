// What a whole-station backup leaves out (src/db/backupWrite.ts, docs/backup-format.md §3).
// Every other table of the database is carried, whatever its name, so tables added later
// travel without the backup code knowing them.

/**
 * Derived tables, rebuilt on restore: the incident log's segments (`incidentListSegments`,
 * incidentListStore.ts) are written by incidentListMiddleware as the incidents are written back;
 * `incidentList` is their older form (Dexie versions 5–9), in backups made before. Add a table
 * here only when it can be computed from others.
 */
export const BACKUP_EXCLUDED_TABLES: readonly string[] = ['incidentListSegments', 'incidentList'];

/**
 * Settings rows never written in clear: the station's private key (`stationKey`, keyStore.ts)
 * goes in its own passphrase-protected part, and only when the person asks for it.
 */
export const BACKUP_SECRET_SETTINGS: readonly string[] = ['stationKey'];

/**
 * Settings rows of the receiving database that a restore keeps: `carryOver` describes where
 * this folder's database came from (carryOver.ts), not the station that was backed up.
 */
export const RESTORE_KEPT_SETTINGS: readonly string[] = ['carryOver', 'stationKey'];
