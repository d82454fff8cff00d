import { Dexie, type Table } from 'dexie';
import { z } from '../domain/zodLocale.ts';
import { stationSchema } from '../domain/station.ts';
import { nowIso } from '../domain/dateTime.ts';
import { SonaeDatabase } from './database.ts';
import { CARRY_OVER_KEY, LEGACY_DATABASE_NAME, basePathOfDatabase } from './databaseName.ts';
import { registerRecordUpgrader } from './recordUpgradeLoader.ts';
import { upgradeAllRecords } from './recordUpgrades.ts';
import { BACKUP_EXCLUDED_TABLES } from './backupTables.ts';

// The legacy database may be of any older version: its upgrade needs the record upgrades.
registerRecordUpgrader(upgradeAllRecords);

/**
 * Carries a station's data from the database every build used to share (`sonae`) into the
 * database of the copy's own folder (`sonae:/city/sonae/`), once.
 *
 * The data is MOVED, not copied (PRODUCT.md decision 12): the first folder that opens claims the
 * legacy database with a marker written inside it, atomically, so a second copy on the same host
 * (a test copy, `sonae.old`) never gets the same station id, private key and records, which
 * would make two stations sign and revise as one. The legacy database itself is left in place,
 * unchanged apart from that marker, so nothing is lost if the move has to be looked into.
 */

// DO NOT RENAME: settings keys stored in IndexedDB.
/** In the per-path database: what happened on its first open (never repeated). */
export { CARRY_OVER_KEY };
/** In the legacy database: which folder took its data, and when. */
export const LEGACY_CLAIM_KEY = 'movedTo';

const claimSchema = z.object({ path: z.string(), at: z.string() });

export const carryOverSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('carried'),
    at: z.string(),
    from: z.string(),
    counts: z.record(z.string(), z.number()),
  }),
  /** There was no legacy database, or an empty one. */
  z.object({ status: z.literal('noLegacy'), at: z.string() }),
  /** This folder's database already had data (set up before the legacy one was looked at). */
  z.object({ status: z.literal('notEmpty'), at: z.string() }),
  /** Another folder on this host took the legacy data first: this copy starts empty. */
  z.object({
    status: z.literal('movedElsewhere'),
    at: z.string(),
    movedTo: z.string(),
    movedAt: z.string(),
  }),
]);
export type CarryOver = z.infer<typeof carryOverSchema>;

/** `indexedDB` and `IDBKeyRange` for tests (fake-indexeddb); the browser's otherwise. */
export type DexieDependencies = Pick<
  NonNullable<ConstructorParameters<typeof Dexie>[1]>,
  'indexedDB' | 'IDBKeyRange'
>;

/** What the carry-over did when this folder's database was first opened; null before that. */
export async function readCarryOver(db: SonaeDatabase): Promise<CarryOver | null> {
  const parsed = carryOverSchema.safeParse((await db.settings.get(CARRY_OVER_KEY))?.value);
  return parsed.success ? parsed.data : null;
}

/**
 * Runs on every open of a per-path database (Dexie `ready`, before any other query) and does its
 * work once: later opens find the marker and return. Null when nothing was decided (not a
 * per-path database, or the legacy data went to this very folder before, e.g. before the
 * station was erased: it must not come back). Throws when the copy fails; the claim is then
 * released and the next open tries again.
 */
export async function carryOverLegacyDatabase(
  target: SonaeDatabase,
  deps: DexieDependencies = {},
): Promise<CarryOver | null> {
  const path = basePathOfDatabase(target.name);
  if (path === null) return null;
  const done = await readCarryOver(target);
  if (done) return done;
  const at = nowIso();
  if (!(await isEmpty(target.tables))) return markTarget(target, { status: 'notEmpty', at });
  if (!(await legacyExists(deps))) return markTarget(target, { status: 'noLegacy', at });

  const legacy = new SonaeDatabase(LEGACY_DATABASE_NAME, { ...deps, addons: [] });
  let carried: CarryOver | null = null;
  try {
    await legacy.open();
    const claim = await claimLegacy(legacy, path, at);
    if (claim.kind === 'empty') return await markTarget(target, { status: 'noLegacy', at });
    if (claim.kind === 'taken') {
      if (claim.path === path) return null;
      return await markTarget(target, {
        status: 'movedElsewhere',
        at,
        movedTo: claim.path,
        movedAt: claim.at,
      });
    }
    try {
      const tables = await readLegacy(legacy);
      carried = await writeTarget(target, tables, path, at);
    } catch (error) {
      await legacy.settings.delete(LEGACY_CLAIM_KEY);
      throw error;
    }
    // Another copy raced this one into the folder's database: the data stays where it was.
    if (carried.status !== 'carried') await legacy.settings.delete(LEGACY_CLAIM_KEY);
    return carried;
  } finally {
    legacy.close();
    if (carried?.status === 'carried') await signalOldTabs(deps);
  }
}

async function markTarget(target: SonaeDatabase, value: CarryOver): Promise<CarryOver> {
  await target.settings.put({ key: CARRY_OVER_KEY, value });
  return value;
}

async function isEmpty(tables: Table[]): Promise<boolean> {
  const counts = await Promise.all(tables.map((table) => table.count()));
  return counts.every((count) => count === 0);
}

/** Opens the legacy name without declaring a schema, so a missing database is not created. */
async function legacyExists(deps: DexieDependencies): Promise<boolean> {
  const probe = new Dexie(LEGACY_DATABASE_NAME, { ...deps, addons: [] });
  try {
    await probe.open();
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === Dexie.errnames.NoSuchDatabase) return false;
    throw error;
  } finally {
    probe.close();
  }
}

type Claim = { kind: 'claimed' } | { kind: 'empty' } | { kind: 'taken'; path: string; at: string };

/** Check-and-set in one transaction: of two folders opening at once, exactly one wins. */
function claimLegacy(legacy: SonaeDatabase, path: string, at: string): Promise<Claim> {
  return legacy.transaction('rw', legacy.tables, async (): Promise<Claim> => {
    const row = await legacy.settings.get(LEGACY_CLAIM_KEY);
    if (row) {
      const claim = claimSchema.safeParse(row.value);
      return { kind: 'taken', path: claim.data?.path ?? '', at: claim.data?.at ?? '' };
    }
    if (await isEmpty(legacy.tables)) return { kind: 'empty' };
    await legacy.settings.put({ key: LEGACY_CLAIM_KEY, value: { path, at } });
    return { kind: 'claimed' };
  });
}

interface TableRows {
  name: string;
  rows: unknown[];
  /** Only for tables whose keys are not inside the rows (none today; kept for safety). */
  keys?: unknown[];
}

/** Every table of the legacy database, read in one transaction so the copy is consistent. */
function readLegacy(legacy: SonaeDatabase): Promise<TableRows[]> {
  // Derived tables are left out: the incidents written here write their own list segments.
  const tables = legacy.tables.filter((t) => !BACKUP_EXCLUDED_TABLES.includes(t.name));
  return legacy.transaction('r', tables, () =>
    Promise.all(
      tables.map(async (table): Promise<TableRows> => {
        const inbound = Boolean(table.schema.primKey.keyPath);
        const rows = await table.toArray();
        const keys = inbound ? undefined : await table.toCollection().primaryKeys();
        if (table.name !== 'settings') return { name: table.name, rows, keys };
        // The claim marker stays behind: it describes the legacy database, not this one.
        const own = rows.filter((row) => (row as { key?: unknown }).key !== LEGACY_CLAIM_KEY);
        return { name: table.name, rows: own };
      }),
    ),
  );
}

/** All tables in one transaction: the folder's database gets everything or nothing. */
function writeTarget(
  target: SonaeDatabase,
  tables: TableRows[],
  path: string,
  at: string,
): Promise<CarryOver> {
  return target.transaction('rw', target.tables, async (): Promise<CarryOver> => {
    if (!(await isEmpty(target.tables))) return markTarget(target, { status: 'notEmpty', at });
    const names = new Set(target.tables.map((table) => table.name));
    const counts: Record<string, number> = {};
    for (const { name, rows, keys } of tables) {
      if (!names.has(name) || rows.length === 0) continue;
      await target.table(name).bulkAdd(rows, keys as never);
      counts[name] = rows.length;
    }
    const value: CarryOver = { status: 'carried', at, from: LEGACY_DATABASE_NAME, counts };
    await target.settings.put({ key: CARRY_OVER_KEY, value });
    const station = stationSchema.safeParse((await target.settings.get('station'))?.value);
    if (station.success)
      await target.audit.add({
        at,
        stationId: station.data.id,
        actor: station.data.staffName,
        action: 'settings',
        recordType: null,
        recordId: null,
        rev: null,
        summary: describeCarriedOver(path, counts),
      });
    return value;
  });
}

const recordTableNames = ['systems', 'incidents', 'contacts', 'incidentLevels', 'procedures'];

/** The audit line: where the data came from, where it went, and that it will not move twice. */
export function describeCarriedOver(path: string, counts: Record<string, number>): string {
  const records = recordTableNames.reduce((sum, name) => sum + (counts[name] ?? 0), 0);
  return (
    `保存場所を変更: 以前の共通の保存場所（${LEGACY_DATABASE_NAME}）から、このアドレス（${path}）` +
    `専用の保存場所へデータを引き継ぎました（記録 ${records} 件、添付 ${counts.attachments ?? 0} 件、` +
    `操作履歴 ${counts.audit ?? 0} 件）。同じサーバーの別のアドレスの備えには引き継がれません。`
  );
}

/**
 * Tabs still running an older build keep the legacy database open and would go on writing
 * there, where this folder no longer looks. Raising its version by one (no schema change) makes
 * their Dexie close the connection and show 「別のタブで新しい版の備えが開かれました…再読み込み」
 * (DatabaseProblemBanner); after a reload they run this build. Resolves once done or blocked.
 */
function signalOldTabs(deps: DexieDependencies): Promise<void> {
  const factory = deps.indexedDB ?? globalThis.indexedDB;
  return new Promise<void>((resolve) => {
    const current = factory.open(LEGACY_DATABASE_NAME);
    current.onerror = () => resolve();
    current.onsuccess = () => {
      const version = current.result.version;
      current.result.close();
      const bump = factory.open(LEGACY_DATABASE_NAME, version + 1);
      bump.onsuccess = () => {
        bump.result.close();
        resolve();
      };
      bump.onerror = () => resolve();
      bump.onblocked = () => resolve();
    };
  });
}
