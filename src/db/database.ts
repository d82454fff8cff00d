import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import { runRecordUpgrades } from './recordUpgradeLoader.ts';
import { upgradeStationRole } from './stationUpgrade.ts';
import { INCIDENT_LIST_TABLE, incidentListMiddleware } from './incidentListStore.ts';
import { coarseChangeTrackingMiddleware } from './coarseChangeTracking.ts';
import {
  convertLegacyRevSigners,
  LEGACY_REV_SIGNERS_TABLE,
  REV_SIGNER_SETS_TABLE,
} from './revSignerSets.ts';
import type { RecordOf } from '../domain/recordSchemas.ts';
import type { RecordType } from '../domain/recordTypes.ts';
import type { AuditEntry } from '../domain/audit.ts';

// DO NOT RENAME: the database name and the table names are stored in every user's IndexedDB
// (which belongs to the exact origin). Change them only through a new Dexie version.
export const DATABASE_NAME = 'sonae';

/** A screenshot or photo attached to a record; kept apart so lists never load the bytes. */
export interface AttachmentBlob {
  id: string;
  blob: Blob;
}

/** Key-value settings: the station identity and small preferences. */
export interface SettingRow {
  key: string;
  value: unknown;
}

/** An unsaved form, written as the user types so a reload or crash loses nothing. */
export interface DraftRow {
  key: string;
  value: unknown;
  savedAt: string;
}

/** Table of each record type. */
export const recordTables = {
  system: 'systems',
  incident: 'incidents',
  contact: 'contacts',
  incidentLevel: 'incidentLevels',
  procedure: 'procedures',
  drill: 'drills',
  followUp: 'followUps',
} as const satisfies Record<RecordType, string>;

/**
 * The schema of every version, oldest first. Keep old entries forever: Dexie needs them to
 * upgrade a database written by an older build, and tests open such databases
 * (tests/unit/db/migrations.test.ts). Add a version with an `upgrade` to change anything.
 */
export const schemaVersions: {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}[] = [
  {
    version: 1,
    stores: {
      systems: 'id, name, updatedAt',
      incidents: 'id, occurredAt, updatedAt, status, systemId, level',
      contacts: 'id, name, kind, escalationOrder, *systemIds, updatedAt',
      incidentLevels: 'id, level, updatedAt',
      procedures: 'id, title, *systemIds, updatedAt',
      attachments: 'id',
      audit: '++seq, at, recordId, action',
      settings: 'key',
      drafts: 'key',
    },
  },
  {
    // Exchange (データ交換): conflict siblings, trusted keys, import history, pre-import
    // snapshots and per-record export state. Row types: src/db/exchangeTables.ts.
    version: 2,
    stores: {
      conflicts: '[type+id+rev], [type+id]',
      trustedKeys: 'keyId',
      imports: '++seq, at, signerKeyId, sha256',
      snapshots: '++seq, at',
      exportedRevs: '[type+id]',
    },
  },
  {
    // Record versions (src/domain/recordVersion.ts): every record and sibling gets its
    // schemaVersion and is upgraded to the current shapes; the station gets its role.
    version: 3,
    stores: {},
    upgrade: async (tx) => {
      await runRecordUpgrades(tx);
      await upgradeStationRole(tx);
    },
  },
  {
    // Integrity (issue 12): one audit entry per import with its per-record list, found by record
    // through the multi-entry index `*recordIds` (PRODUCT.md, decision 9); and who signed each
    // revision this PC received (`revSigners`, row type in exchangeTables.ts), so an import can
    // say whose version it replaces. Older entries keep `recordId`; nothing to convert.
    version: 4,
    stores: {
      audit: '++seq, at, recordId, action, *recordIds',
      revSigners: '[type+id+rev], importSeq',
    },
  },
  {
    // Speed (issue 9): the incident log's rows with their folded search text, one per incident
    // (src/db/incidentListStore.ts; PRODUCT.md, decision 10), so the log opens on the newest rows
    // by `occurredAt` and never folds text on open. Kept in step by `incidentListMiddleware`.
    // Its rows are no longer built here: version 10 replaces the table and builds its own.
    version: 5,
    stores: { incidentList: 'id, occurredAt, updatedAt' },
  },
  {
    // Readiness (issue 15): drills (訓練), listed by date and status, and the follow-ups their
    // findings open, found by the record they concern and by status (review list, record pages).
    // New tables only: nothing to convert.
    version: 6,
    stores: {
      drills: 'id, plannedOn, status, systemId, updatedAt',
      followUps: 'id, [targetType+targetId], status, drillId, updatedAt',
    },
  },
  {
    // Counter aids (issue 17): each incident log row says whether the incident waits for its
    // procedure's update (「手順書の更新待ち」); the rows are written again with that flag.
    // (Version 10 now writes them: this version's rewrite of the old table is gone.)
    version: 7,
    stores: {},
  },
  {
    // Speed (issue 9): who signed each received revision, one row per import listing them
    // (`revSignerSets`, found by revision through `*revs`) instead of one row per revision: a
    // 10,000-record import wrote 10,000 more rows. The old rows are grouped into the new table.
    version: 8,
    stores: { [REV_SIGNER_SETS_TABLE]: 'importSeq, *revs', [LEGACY_REV_SIGNERS_TABLE]: null },
    upgrade: convertLegacyRevSigners,
  },
  {
    // Speed (issue 9): the incident list rows lose their `updatedAt` index, which only the
    // drift check used (isIncidentListInStep now looks at the newest record's row): one index
    // entry less to write per incident. Nothing to convert.
    version: 9,
    stores: { incidentList: 'id, occurredAt' },
  },
  {
    // Speed (issue 9): the incident log's rows as segments, one per write of the incidents
    // (src/db/incidentListStore.ts), instead of one row per incident: an import of 10,000 wrote
    // 10,000 list rows, as costly as the records. The log's first screen reads the newest
    // incidents themselves; `*ids` finds the segment holding an incident's row, to take it out
    // when the incident changes. The old rows are dropped; the segments are built by the log's
    // first read (its drift check finds none), not here: an upgrade holds the whole database,
    // and building them took 4.5 s at 50,000 incidents with every screen waiting
    // (`npm run bench:upgrade`).
    version: 10,
    stores: { incidentList: null, [INCIDENT_LIST_TABLE]: '++seq, *ids' },
  },
];

export const CURRENT_SCHEMA_VERSION = schemaVersions[schemaVersions.length - 1]!.version;

export class SonaeDatabase extends Dexie {
  systems!: EntityTable<RecordOf<'system'>, 'id'>;
  incidents!: EntityTable<RecordOf<'incident'>, 'id'>;
  contacts!: EntityTable<RecordOf<'contact'>, 'id'>;
  incidentLevels!: EntityTable<RecordOf<'incidentLevel'>, 'id'>;
  procedures!: EntityTable<RecordOf<'procedure'>, 'id'>;
  drills!: EntityTable<RecordOf<'drill'>, 'id'>;
  followUps!: EntityTable<RecordOf<'followUp'>, 'id'>;
  attachments!: EntityTable<AttachmentBlob, 'id'>;
  audit!: EntityTable<AuditEntry, 'seq'>;
  settings!: EntityTable<SettingRow, 'key'>;
  drafts!: EntityTable<DraftRow, 'key'>;

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // Every write to the incidents also writes their list rows, in the same transaction.
    this.use(incidentListMiddleware);
    // An import's one-row-per-import entries note their multi-entry index as a whole.
    this.use(coarseChangeTrackingMiddleware);
    for (const { version, stores, upgrade } of schemaVersions) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }

  /** The table that holds records of `type`. */
  recordTable<T extends RecordType>(type: T): Table<RecordOf<T>, string> {
    return this.table(recordTables[type]) as unknown as Table<RecordOf<T>, string>;
  }
}
