import { auditDigest, type AuditDigest } from '../domain/auditDigest.ts';
import type { SonaeDatabase } from './database.ts';

// The digests of every audit entry, oldest first, kept in memory for searches that no index
// answers (words, who, record type). The trail is append-only, so the cache stays right by
// reading only the entries above the newest key it holds. Reading 50,000 entries from IndexedDB
// takes about half a second in Chromium (structured clone), folding them a few ms per thousand:
// paid once per tab (the 操作履歴 screen starts it on open), then a search tests strings in memory.

/** Entries per read: each read's copy into JavaScript stays a short task, not one long one. */
const READ_CHUNK = 2000;

interface Cache {
  db: SonaeDatabase;
  digests: AuditDigest[];
  newestKey: number;
}

let cache: Cache | null = null;

/** Appends the digests of the entries above the cache's newest key, a chunk at a time. */
async function catchUp(known: Cache): Promise<void> {
  for (;;) {
    const rows = await known.db.audit
      .where(':id')
      .above(known.newestKey)
      .limit(READ_CHUNK)
      .toArray();
    // Another search may have added some of them while this one waited.
    const added = rows.filter((entry) => (entry.seq ?? 0) > known.newestKey);
    for (const entry of added) known.digests.push(auditDigest(entry, { withIds: false }));
    known.newestKey = known.digests.at(-1)?.seq ?? known.newestKey;
    if (rows.length < READ_CHUNK) return;
  }
}

/**
 * Every entry's digest, oldest first, brought up to date. When the table holds other entries than
 * the cache thinks (a database reset, a restore), the cache is built again from scratch.
 */
export async function loadAuditDigests(db: SonaeDatabase): Promise<readonly AuditDigest[]> {
  if (cache?.db !== db) cache = { db, digests: [], newestKey: 0 };
  await catchUp(cache);
  if (cache.digests.length === (await db.audit.count())) return cache.digests;
  cache = { db, digests: [], newestKey: 0 };
  await catchUp(cache);
  return cache.digests;
}
