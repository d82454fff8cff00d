import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src/domain/audit.ts';
import { emptyAuditFilter, type AuditFilter } from '../../../src/domain/auditFilter.ts';
import {
  countAuditEntries,
  loadExistingRecordKeys,
  queryAuditEntries,
  queryAuditPage,
} from '../../../src/db/auditQueries.ts';
import { deleteRecord, saveRecord } from '../../../src/db/records.ts';
import { emptySystem } from '../../../src/domain/system.ts';
import type { SonaeDatabase } from '../../../src/db/database.ts';
import { freshDatabaseWithStation } from '../../testDatabase.ts';

// The searchable trail over the indexes: newest first, pages that neither skip nor repeat, the
// Tokyo day as the period, and the index paths agreeing with a plain scan.

const STATION = '11111111-2222-4333-8444-555555555555';
const RECORD = '0b6c1f1e-3f0a-4c57-9a55-0d1a2b3c4d5e';
const filter = (patch: Partial<AuditFilter>): AuditFilter => ({ ...emptyAuditFilter, ...patch });

let db: SonaeDatabase;
beforeEach(async () => {
  ({ db } = await freshDatabaseWithStation());
  await db.audit.clear();
});

function row(seq: number, fields: Partial<AuditEntry> = {}): AuditEntry {
  return {
    seq,
    at: new Date(Date.UTC(2026, 10, 1) + seq * 60_000).toISOString(),
    stationId: STATION,
    actor: seq % 2 ? '山田 花子' : '佐藤 一郎',
    action: seq % 10 === 0 ? 'export' : 'update',
    recordType: 'contact',
    recordId: null,
    rev: null,
    summary: `連絡先「窓口${seq}」を更新`,
    ...fields,
  };
}

const seqs = (entries: AuditEntry[]) => entries.map((e) => e.seq);

/** Every page of a filter, following olderThan, as key lists. */
async function allPages(f: AuditFilter, limit: number): Promise<number[][]> {
  const pages: number[][] = [];
  let before: number | undefined;
  for (;;) {
    const page = await queryAuditPage(f, { before, limit });
    pages.push(seqs(page.entries) as number[]);
    if (page.olderThan === null) return pages;
    before = page.olderThan;
  }
}

describe('queryAuditPage', () => {
  it('pages newest first without gaps or repeats, across chunks and holes in the keys', async () => {
    // Keys 1–700 and 1501–2100: the scan reads key ranges in chunks of 500.
    await db.audit.bulkAdd([
      ...Array.from({ length: 700 }, (_, i) => row(i + 1)),
      ...Array.from({ length: 600 }, (_, i) => row(1501 + i)),
    ]);
    const pages = await allPages(emptyAuditFilter, 50);
    expect(pages).toHaveLength(26);
    const flat = pages.flat();
    expect(flat).toHaveLength(1300);
    expect(flat[0]).toBe(2100);
    expect(flat.at(-1)).toBe(1);
    expect(flat).toEqual([...flat].sort((a, b) => b - a));
    expect(new Set(flat).size).toBe(1300);
  });

  it('says there is no older page when the last one is exactly full', async () => {
    await db.audit.bulkAdd(Array.from({ length: 100 }, (_, i) => row(i + 1)));
    const first = await queryAuditPage(emptyAuditFilter, { limit: 50 });
    expect(first.olderThan).toBe(51);
    const second = await queryAuditPage(emptyAuditFilter, { before: 51, limit: 50 });
    expect(seqs(second.entries)).toHaveLength(50);
    expect(second.olderThan).toBeNull();
  });

  it('narrows by kind of change through the action index, with the same rows a scan finds', async () => {
    await db.audit.bulkAdd(Array.from({ length: 1200 }, (_, i) => row(i + 1)));
    const exports = await queryAuditEntries(filter({ action: 'export' }));
    expect(exports).toHaveLength(120);
    expect(exports.every((e) => e.action === 'export')).toBe(true);
    expect(seqs(exports)[0]).toBe(1200);
    expect(await countAuditEntries(filter({ action: 'export' }))).toBe(120);
    const pages = await allPages(filter({ action: 'export' }), 50);
    expect(pages.map((p) => p.length)).toEqual([50, 50, 20]);
  });

  it('takes the period as whole Tokyo days, both ends included', async () => {
    const at = (iso: string, seq: number) => row(seq, { at: iso });
    await db.audit.bulkAdd([
      at('2026-11-28T14:59:59.999Z', 1), // 11/28 23:59 JST
      at('2026-11-28T15:00:00.000Z', 2), // 11/29 00:00 JST
      at('2026-11-29T14:59:59.999Z', 3), // 11/29 23:59 JST
      at('2026-11-29T15:00:00.000Z', 4), // 11/30 00:00 JST
    ]);
    const day = filter({ from: '2026-11-29', to: '2026-11-29' });
    expect(seqs((await queryAuditPage(day)).entries)).toEqual([3, 2]);
    expect(await countAuditEntries(day)).toBe(2);
    expect(seqs(await queryAuditEntries(filter({ from: '2026-11-29' })))).toEqual([4, 3, 2]);
    expect(seqs(await queryAuditEntries(filter({ to: '2026-11-29' })))).toEqual([3, 2, 1]);
    // A backwards period finds nothing (the screen says why).
    expect(await queryAuditEntries(filter({ from: '2026-11-30', to: '2026-11-29' }))).toEqual([]);
    expect(await countAuditEntries(filter({ from: '2026-11-30', to: '2026-11-29' }))).toBe(0);
  });

  it('combines the period with a kind of change (both indexes) and words (a scan)', async () => {
    await db.audit.bulkAdd(Array.from({ length: 300 }, (_, i) => row(i + 1)));
    // Keys 1–300 are minutes after 2026-11-01 00:00 UTC = 09:00 JST on 11/1: all on 11/1.
    const both = filter({ from: '2026-11-01', to: '2026-11-01', action: 'export' });
    expect(await countAuditEntries(both)).toBe(30);
    const words = filter({ text: '窓口25' });
    // 窓口25 and 窓口250–259: words match anywhere in the text.
    expect(seqs(await queryAuditEntries(words))).toEqual([
      259, 258, 257, 256, 255, 254, 253, 252, 251, 250, 25,
    ]);
    expect(await countAuditEntries(words)).toBe(11);
    expect(await countAuditEntries(filter({ who: '佐藤' }))).toBe(150);
  });

  it('finds every entry of one record by its id, including the imports that changed it', async () => {
    await db.audit.bulkAdd([
      row(1, { recordId: RECORD }),
      row(2),
      row(3, { action: 'import', recordId: null, recordType: null, recordIds: [RECORD] }),
      row(4, { action: 'import', recordId: null, recordType: null, recordIds: [STATION] }),
    ]);
    expect(seqs(await queryAuditEntries(filter({ text: RECORD })))).toEqual([3, 1]);
    expect(seqs(await queryAuditEntries(filter({ text: RECORD, action: 'import' })))).toEqual([3]);
    expect(await countAuditEntries(filter({ text: RECORD }))).toBe(2);
  });
});

describe('loadExistingRecordKeys', () => {
  it('lists the records that can still be opened: not deleted ones, not unknown ones', async () => {
    const kept = await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
    const gone = await saveRecord('system', { ...emptySystem(), name: '旧システム' });
    await deleteRecord('system', gone.id);
    const entries = await queryAuditEntries(emptyAuditFilter);
    const openable = await loadExistingRecordKeys([
      ...entries,
      row(99, { recordType: 'contact', recordId: RECORD }),
    ]);
    expect([...openable]).toEqual([`system:${kept.id}`]);
  });
});

describe('searching words over the in-memory digests', () => {
  it('sees entries written after the first search, and only those', async () => {
    await db.audit.bulkAdd(Array.from({ length: 30 }, (_, i) => row(i + 1)));
    expect(await countAuditEntries(filter({ text: '窓口3' }))).toBe(2); // 窓口3, 窓口30
    await db.audit.bulkAdd([row(31), row(32, { summary: '連絡先「窓口3丁目」を更新' })]);
    expect(seqs(await queryAuditEntries(filter({ text: '窓口3' })))).toEqual([32, 31, 30, 3]);
  });

  it('starts again when the table no longer holds what it read (a reset, a restore)', async () => {
    await db.audit.bulkAdd(Array.from({ length: 10 }, (_, i) => row(i + 1)));
    expect(await countAuditEntries(filter({ who: '山田' }))).toBe(5);
    await db.audit.clear();
    await db.audit.bulkAdd([row(1, { actor: '田中' }), row(2, { actor: '山田' })]);
    expect(seqs(await queryAuditEntries(filter({ who: '山田' })))).toEqual([2]);
    expect(seqs(await queryAuditEntries(filter({ who: '田中' })))).toEqual([1]);
  });
});
