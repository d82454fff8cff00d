import type { Table } from 'dexie';
import type { AuditAuthor } from '../domain/audit.ts';
import type { RecordType } from '../domain/recordTypes.ts';
import { stationLabel, stationRoleLabels, type Station } from '../domain/station.ts';
import { DEMO_AUTHOR_ID } from '../demo/demoMunicipality.ts';
import type { TrustedKey } from '../exchange/bundleTrust.ts';
import type { SonaeDatabase } from './database.ts';
import { exchangeTables } from './exchangeTables.ts';
import type { MergePlanRow } from './mergeStore.ts';
import { revSignerKey, revSignerSetsTable, type RevSignerSetRow } from './revSignerSets.ts';

/**
 * Who signed the versions an import replaces and brings (issue 12, item 10). A received revision
 * has its file's signer recorded in `revSignerSets` (revSignerSets.ts); one made here has this PC as `updatedBy`; one
 * received before signers were recorded is attributed through the import history to the station
 * its `updatedBy` names. A department key that replaces a version signed or made by anyone else
 * is marked, so the IT section's cause and countermeasure are never overwritten unseen.
 */

export interface VersionAuthors {
  /** The version the import supersedes (the shown one first), or null. */
  replaced: { rev: string; by: AuditAuthor } | null;
  /** The version the file brings (the winner it makes, or its competing version), or null. */
  incoming: { rev: string; by: AuditAuthor } | null;
  /** 「部署の鍵で、情報システム担当の版を置き換えます」 and the like; null when nothing to mark. */
  warning: string | null;
}

type Leaf = MergePlanRow['winner'];

/** The author a file's signer is recorded as. */
export function signerAuthor(signer: TrustedKey): AuditAuthor {
  return { source: 'key', label: signer.label, role: signer.role, keyId: signer.keyId };
}

function leavesBefore(row: MergePlanRow): Leaf[] {
  return row.before.main ? [row.before.main, ...row.before.siblings] : row.before.siblings;
}

/** Leaves before the merge that are no longer leaves after it, the shown one first. */
function supersededLeaves(row: MergePlanRow): Leaf[] {
  const after = new Set([row.winner.rev, ...row.siblings.map((leaf) => leaf.rev)]);
  return leavesBefore(row).filter((leaf) => !after.has(leaf.rev));
}

/** Leaves after the merge that were not leaves before: what this file brought, winner first. */
export function addedLeaves(row: MergePlanRow): Leaf[] {
  const before = new Set(leavesBefore(row).map((leaf) => leaf.rev));
  return [row.winner, ...row.siblings].filter((leaf) => !before.has(leaf.rev));
}

/** Authors of stations as the import history knows them (issuer station id → signer). */
async function stationAuthors(db: SonaeDatabase): Promise<Map<string, AuditAuthor>> {
  const { imports, trustedKeys } = exchangeTables(db);
  const keys = new Map((await trustedKeys.toArray()).map((key) => [key.keyId, key]));
  const authors = new Map<string, AuditAuthor>();
  await imports.orderBy('seq').each((row) => {
    const key = keys.get(row.signerKeyId);
    authors.set(row.issuer, {
      source: 'station',
      label: key?.label ?? row.issuerLabel,
      role: key?.role ?? null,
      keyId: row.signerKeyId,
    });
  });
  return authors;
}

/**
 * The recorded signer of each of `keys` (revSignerKey) that an import brought; when two imports
 * brought the same version, the later one. Reads only.
 */
export async function recordedSigners(
  table: Table<RevSignerSetRow, number>,
  keys: readonly string[],
): Promise<Map<string, AuditAuthor>> {
  const found = new Map<string, AuditAuthor>();
  if (keys.length === 0) return found;
  const wanted = new Set(keys);
  const seqs = [
    ...new Set(
      await table
        .where('revs')
        .anyOf([...wanted])
        .primaryKeys(),
    ),
  ];
  const rows = (await table.bulkGet(seqs.sort((a, b) => a - b))).filter(
    (row): row is RevSignerSetRow => row !== undefined,
  );
  for (const row of rows)
    for (const key of row.revs) if (wanted.has(key)) found.set(key, row.signer);
  return found;
}

const unknownAuthor: AuditAuthor = { source: 'unknown', label: '不明', role: null, keyId: null };

function warningFor(signer: TrustedKey, replaced: AuditAuthor): string | null {
  if (signer.role !== 'department' || replaced.keyId === signer.keyId) return null;
  if (replaced.role === 'it-section')
    return `部署の鍵で、${stationRoleLabels['it-section']}の版を置き換えます`;
  if (replaced.source === 'unknown') return '部署の鍵で、署名者の分からない版を置き換えます';
  return `部署の鍵で、${replaced.label}の版を置き換えます`;
}

/**
 * The authors of what each plan row replaces and brings, in plan order. Reads only (the
 * transaction, when there is one, must include `revSignerSets`, `imports` and `trustedKeys`).
 */
export async function describeAuthors(
  db: SonaeDatabase,
  plan: readonly MergePlanRow[],
  signer: TrustedKey,
  station: Station,
): Promise<VersionAuthors[]> {
  const fileAuthor = signerAuthor(signer);
  const superseded = plan.map((row) => (row.change === 'unchanged' ? [] : supersededLeaves(row)));
  const keys = superseded.flatMap((leaves, i) =>
    leaves.map((leaf) => revSignerKey(plan[i]!.type, plan[i]!.id, leaf.rev)),
  );
  const recorded = await recordedSigners(revSignerSetsTable(db), keys);
  const here: AuditAuthor = {
    source: 'station',
    label: `この端末（${stationLabel(station)}）`,
    role: station.role,
    keyId: null,
  };
  const isOwnOrDemo = (leaf: Leaf) =>
    leaf.updatedBy === station.id || leaf.updatedBy === DEMO_AUTHOR_ID;
  const needsStations = superseded.some((leaves, i) =>
    leaves.some(
      (leaf) =>
        !recorded.has(revSignerKey(plan[i]!.type, plan[i]!.id, leaf.rev)) && !isOwnOrDemo(leaf),
    ),
  );
  const stations = needsStations ? await stationAuthors(db) : new Map<string, AuditAuthor>();

  // Synchronous on purpose: an `await` per leaf inside the import's transaction used up Dexie's
  // zone echoes after about a hundred records, and the writes after it ran outside the
  // transaction (PrematureCommitError on a file with many updated records).
  function authorOf(type: RecordType, id: string, leaf: Leaf): AuditAuthor {
    const signed = recorded.get(revSignerKey(type, id, leaf.rev));
    if (signed) return signed;
    if (leaf.updatedBy === station.id) return here;
    if (leaf.updatedBy === DEMO_AUTHOR_ID)
      return { source: 'station', label: 'デモデータ', role: null, keyId: null };
    return stations.get(leaf.updatedBy) ?? unknownAuthor;
  }

  const result: VersionAuthors[] = [];
  for (const [i, row] of plan.entries()) {
    if (row.change === 'unchanged') {
      result.push({ replaced: null, incoming: null, warning: null });
      continue;
    }
    const authors = [];
    for (const leaf of superseded[i]!) authors.push(authorOf(row.type, row.id, leaf));
    const first = superseded[i]![0];
    const added = addedLeaves(row)[0];
    result.push({
      replaced: first ? { rev: first.rev, by: authors[0]! } : null,
      incoming: added ? { rev: added.rev, by: fileAuthor } : null,
      warning: authors.map((by) => warningFor(signer, by)).find((w) => w !== null) ?? null,
    });
  }
  return result;
}

/** The row recording the file's signer for every version this import adds; null for none. */
export function revSignerSet(
  plan: readonly MergePlanRow[],
  signer: TrustedKey,
  importSeq: number,
): RevSignerSetRow | null {
  const revs = plan.flatMap((row) =>
    row.change === 'unchanged'
      ? []
      : addedLeaves(row).map((leaf) => revSignerKey(row.type, row.id, leaf.rev)),
  );
  return revs.length ? { importSeq, signer: signerAuthor(signer), revs } : null;
}
