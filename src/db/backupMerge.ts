import { nowIso } from '../domain/dateTime.ts';
import { recordTypeLabels, type RecordType } from '../domain/recordTypes.ts';
import { pickData, RECORD_META_KEYS } from '../domain/recordMeta.ts';
import { stationLabel, type Station } from '../domain/station.ts';
import { bundleRecordSchema, fromBundleRecord } from '../exchange/bundleRecord.ts';
import { recordTables } from './database.ts';
import { exchangeTables, type ConflictRow, type TrustedKeyRow } from './exchangeTables.ts';
import { applyMergePlan, planMerge, type IncomingLeaf } from './mergeStore.ts';
import { describeAuthors } from './importAuthors.ts';
import { takeSnapshot } from './snapshots.ts';
import { auditRecordChanges } from './importAudit.ts';
import { createTrustedKey } from '../exchange/bundleTrust.ts';
import { decodePublicKeyPem, type PublicKey } from '../exchange/keys.ts';
import { getDatabase } from './instance.ts';
import { requireStation } from './station.ts';
import { currentActorName } from './operator.ts';
import type { BackupPreview } from './backupRead.ts';
import {
  describeRestore,
  loadTables,
  type RestoreResult,
  type TableRows,
} from './backupRestore.ts';

/**
 * The file's record leaves (winners from the record tables, siblings from `conflicts`), each
 * taken exactly like a bundle's (fromBundleRecord: the rev rule on the data, the record version
 * and its upgrades, the type's schema), so a merge writes nothing an import would refuse.
 */
function incomingLeaves(tables: TableRows): IncomingLeaf[] | { bad: string } {
  const stored: IncomingLeaf[] = [];
  for (const [type, name] of Object.entries(recordTables) as [RecordType, string][])
    for (const record of tables.get(name)?.rows ?? [])
      stored.push({ type, record: record as never });
  for (const row of (tables.get('conflicts')?.rows ?? []) as ConflictRow[])
    stored.push({ type: row.type, record: row.record });
  const leaves: IncomingLeaf[] = [];
  for (const { type, record } of stored) {
    const meta = Object.fromEntries(
      Object.entries(record).filter(([key]) => (RECORD_META_KEYS as string[]).includes(key)),
    );
    const shaped = bundleRecordSchema.safeParse({ type, ...meta, data: pickData(record) });
    const leaf = shaped.success ? fromBundleRecord(shaped.data) : null;
    if (!leaf?.ok) return { bad: `${recordTypeLabels[type]} ${String(record.id).slice(0, 40)}` };
    leaves.push({ type, record: leaf.record });
  }
  return leaves;
}

/**
 * Merges a backup into a station that has data, through the merge bundles use (mergeStore.ts):
 * nothing is lost, concurrent edits are kept as conflict siblings. Attachments this PC lacks and
 * keys it does not trust yet are added (a trust decision made here is never replaced); the
 * station's own identity, key, settings, drafts and audit trail stay as they are, and one audit
 * entry lists every record the merge changed. One transaction: all or nothing.
 */
export async function mergeBackup(preview: BackupPreview): Promise<RestoreResult> {
  const tables = await loadTables(preview);
  const db = getDatabase();
  const { conflicts, trustedKeys, revSignerSets, imports, snapshots } = exchangeTables(db);
  const recordTableList = Object.values(recordTables).map((name) => db.table(name));
  const incoming = incomingLeaves(tables);
  if (!Array.isArray(incoming))
    return {
      ok: false,
      error: { kind: 'damaged', detail: `記録「${incoming.bad}」が正しくありません` },
    };
  const attachments = (tables.get('attachments')?.rows ?? []) as { id: string }[];
  const keys = (tables.get('trustedKeys')?.rows ?? []) as TrustedKeyRow[];
  const signer = createTrustedKey(
    derivePublicKeyOf(preview),
    `バックアップ（${stationLabel(preview.manifest.station)}）`.slice(0, 300),
    preview.manifest.station.role,
  );
  let added = 0;
  let changedCount = 0;
  await db.transaction(
    'rw',
    [
      ...recordTableList,
      conflicts,
      trustedKeys,
      revSignerSets,
      imports,
      snapshots,
      db.attachments,
      db.audit,
      db.settings,
    ],
    async (tx) => {
      const station: Station = await requireStation(tx);
      const plan = await planMerge(db, incoming);
      const changed = plan.filter((p) => p.change !== 'unchanged');
      // As an import: what the merge changes, as it was, for 「取り込み前に戻す」 (the keys it
      // trusts and the attachments it adds stay, as an import's do).
      if (changed.length) await takeSnapshot(db, preview.fileName, changed, null);
      await applyMergePlan(db, changed);
      changedCount = changed.length;
      const present = new Set(
        (await db.attachments.bulkGet(attachments.map((a) => a.id))).flatMap((r) =>
          r ? [r.id] : [],
        ),
      );
      const missing = attachments.filter((a) => !present.has(a.id));
      if (missing.length) await db.attachments.bulkAdd(missing as never[]);
      added = missing.length;
      const own = (await db.settings.get('stationKey'))?.value as { keyId?: string } | undefined;
      const knownKeys = new Set((await trustedKeys.toArray()).map((k) => k.keyId));
      const newKeys = keys.filter((k) => !knownKeys.has(k.keyId) && k.keyId !== own?.keyId);
      if (newKeys.length) await trustedKeys.bulkAdd(newKeys);
      // Who made each version, as an import names it: the backup's signer for what it brings.
      const authors = await describeAuthors(db, plan, signer, station);
      const records = auditRecordChanges(plan, authors, signer);
      await db.audit.add({
        at: nowIso(),
        stationId: station.id,
        actor: currentActorName(station),
        action: 'import',
        recordType: null,
        recordId: null,
        rev: null,
        summary:
          `${describeRestore(preview, '統合', false)}: 記録 ${changed.length}件を更新・追加、添付 ${added}件、信頼する鍵 ${newKeys.length}件を追加`.slice(
            0,
            1000,
          ),
        records,
        recordIds: [...new Set(records.map((r) => r.id))],
      });
    },
  );
  return { ok: true, mode: 'merge', records: changedCount, attachments: added };
}

/** The signer's public key; readManifest already checked that it decodes. */
function derivePublicKeyOf(preview: BackupPreview): PublicKey {
  const decoded = decodePublicKeyPem(preview.manifest.signer.publicKeyPem);
  if (!decoded.ok) throw new Error('manifest key was checked');
  return decoded.publicKey;
}
