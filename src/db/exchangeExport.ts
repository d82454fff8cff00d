import type { RecordType } from '../domain/recordTypes.ts';
import { stationLabel } from '../domain/station.ts';
import { nowIso } from '../domain/dateTime.ts';
import { bundleFileName, createBundle, createBundleAttachment } from '../exchange/createBundle.ts';
import { startSigningBundle } from '../exchange/bundleSignature.ts';
import type { AgeChunkSealer } from '../exchange/age/age.ts';
import { joinBytes } from '../exchange/age/ageStream.ts';
import { startAgeSealer } from '../exchange/worker/ageSealInWorker.ts';
import type { BundleAttachment, BundleKind } from '../exchange/bundleFormat.ts';
import type { SonaeDatabase } from './database.ts';
import { exchangeTables, type ExportedRevRow } from './exchangeTables.ts';
import { collectRecords, READ_CHUNK } from './exportRecords.ts';
import { ensureStationKey } from './keyStore.ts';
import { getDatabase } from './instance.ts';
import { loadStation } from './station.ts';
import { LAST_EXPORT_AT_KEY } from './storageHealth.ts';
import { StationMissingError } from './errors.ts';
import { readBlobBytes } from './blobBytes.ts';
import { recordDataRelease } from './dataRelease.ts';
import { digestHex } from './importChecks.ts';
import {
  assertExportAllowed,
  protectBundle,
  type ExportProtection,
  type ProtectedFile,
} from './exportProtection.ts';

// DO NOT RENAME: settings key stored in IndexedDB (this station's last bundle sequence).
const SEQUENCE_SETTING = 'exchangeSequence';

export interface ExportOptions {
  /** 'delta': only records with a revision not yet written to any export from this PC. */
  kind: BundleKind;
  types: readonly RecordType[];
  /**
   * Encrypt with age (issue 16). Absent means clear, which a station that has seen encryption
   * recipients refuses (ClearExportRefusedError) unless given as `{ kind: 'clear', reason }`.
   */
  protection?: ExportProtection;
}

export interface ExportResult {
  /** The name of the file to write (`….sonae.json`, or `….sonae.json.age` when encrypted). */
  fileName: string;
  /** The signed bundle (inside the file when it is encrypted); decoded when first read. */
  readonly text: string;
  /** What to write: the bundle itself, or its age encryption. */
  file: ProtectedFile;
  /** The 持ち出し記録 being written (false if it failed; the export stands either way). */
  released: Promise<boolean>;
  sequence: number;
  records: number;
  attachments: number;
  /**
   * Noting what was exported (for the next delta) and when, which goes on after the file is
   * returned (the rows are written only after the caller's current task, see markExported).
   * Later exports wait for it: IndexedDB runs transactions over the same table in the order they
   * were begun. Should it fail, the next delta sends these records again, which a receiver shows
   * as 「変更なし」.
   */
  recorded: Promise<void>;
}

/** Reserves the next sequence number; a failed export leaves a gap, which receivers accept. */
async function nextSequence(): Promise<number> {
  const db = getDatabase();
  return db.transaction('rw', db.settings, async () => {
    const current = (await db.settings.get(SEQUENCE_SETTING))?.value;
    const next = (typeof current === 'number' && Number.isSafeInteger(current) ? current : 0) + 1;
    await db.settings.put({ key: SEQUENCE_SETTING, value: next });
    return next;
  });
}

async function loadAttachments(ids: Set<string>): Promise<BundleAttachment[]> {
  const rows = await getDatabase().attachments.bulkGet([...ids]);
  const attachments: BundleAttachment[] = [];
  for (const row of rows) {
    // Bytes may be missing on this PC (a record received without them): the reference travels alone.
    if (!row) continue;
    const bytes = await readBlobBytes(row.blob);
    attachments.push(
      createBundleAttachment(row.id, row.blob.type || 'application/octet-stream', bytes),
    );
  }
  return attachments;
}

/**
 * Builds and signs a bundle of the chosen record types and begins noting what was exported (for
 * the next delta) and 'lastExportAt'. Returns the file name and text to download (the canonical
 * one-line file, signed natively where Web Crypto has Ed25519); null when a delta has nothing new.
 */
export async function exportBundle(
  options: ExportOptions,
  date: Date = new Date(),
): Promise<ExportResult | null> {
  const protection = options.protection ?? { kind: 'clear' };
  // First, alone: a refused export writes nothing (not even the station key's creation).
  await assertExportAllowed(protection);
  // Started now so its script has loaded by the time there is something to seal.
  const sealer = protection.kind === 'clear' ? null : startAgeSealer();
  try {
    return await buildExport(options, protection, date, sealer?.seal);
  } finally {
    sealer?.stop();
  }
}

async function buildExport(
  options: ExportOptions,
  protection: ExportProtection,
  date: Date,
  seal: AgeChunkSealer | undefined,
): Promise<ExportResult | null> {
  // At once: the records' transaction does not touch the station's settings or its key's.
  const [station, key, collected] = await Promise.all([
    loadStation(),
    ensureStationKey(),
    collectRecords(options),
  ]);
  if (!station) throw new StationMissingError('station not set up');
  if (options.kind === 'delta' && collected.count === 0) return null;
  const attachments = collected.attachmentIds.size
    ? await loadAttachments(collected.attachmentIds)
    : [];
  const sequence = await nextSequence();
  const unsigned = createBundle({
    issuer: { stationId: station.id, label: stationLabel(station), department: station.department },
    sequence,
    kind: options.kind,
    // The records go to the signature as their bytes (collected.json), never as values.
    records: [],
    attachments,
    createdAt: date.toISOString(),
    recordsFromStore: true,
  });
  // Sign first, then encrypt: the decrypted file is the same signed bundle OpenSSL verifies.
  const signed = await protectBundle(
    bundleFileName(station.department, date, sequence),
    startSigningBundle(unsigned, key.privateKey, collected.json),
    protection,
    seal,
  );
  const { file } = signed;
  // Begun now, not awaited (see markExported): the person waits for the file, not the marks.
  const db = getDatabase();
  const recorded = markExported(db, collected.exported);
  recorded.catch(() => undefined);
  // 持ち出し記録: the file leaves the PC; never blocks or fails the export. Written after the
  // marks (both transactions take `settings`), so the two never interleave.
  const release = async () =>
    recordDataRelease(
      {
        kind: 'bundle',
        name: file.fileName,
        what: [`記録 ${collected.count}件`, file.note].filter(Boolean).join('・'),
        count: collected.count,
        content: typeof file.parts === 'string' ? file.parts : new Blob(file.parts as BlobPart[]),
        innerSha256: file.inner ? await digestHex(joinBytes(file.inner)) : null,
        ...file.release,
      },
      db,
    );
  const released = recorded.then(release, release).catch(() => false);
  return {
    fileName: file.fileName,
    // Decoded from the file's bytes only if read: the screen hands over the bytes.
    get text() {
      return signed.text;
    },
    file,
    released,
    sequence,
    records: collected.count,
    attachments: attachments.length,
    recorded,
  };
}

/**
 * What this PC has handed out (delta exports), and lastExportAt for the storage-health panel.
 * The transaction begins at once, so later exports and readers see the marks (IndexedDB runs
 * transactions over the same table in the order they were begun); the small write goes first, and
 * its result comes in a later task, after the caller has handed the file over in this one, so the
 * 10,000 rows are copied for IndexedDB (0.1–0.2 s of the page's thread) after the download began.
 */
async function markExported(db: SonaeDatabase, exported: () => ExportedRevRow[]): Promise<void> {
  const { exportedRevs } = exchangeTables(db);
  await db.transaction('rw', exportedRevs, db.settings, async () => {
    await db.settings.put({ key: LAST_EXPORT_AT_KEY, value: nowIso() });
    // Read here, in a task after the hand-over (the workers sent them as JSON).
    const rows = exported();
    // In batches, each copied in its own task, so the page repaints (the export's message) between.
    for (let at = 0; at < rows.length; at += READ_CHUNK)
      await exportedRevs.bulkPut(rows.slice(at, at + READ_CHUNK));
  });
}
