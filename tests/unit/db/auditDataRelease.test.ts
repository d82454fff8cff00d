import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditEntrySchema } from '../../../src/domain/audit.ts';
import { describeDataRelease, recordDataRelease } from '../../../src/db/dataRelease.ts';
import { exportBundle } from '../../../src/db/exchangeExport.ts';
import { saveRecord } from '../../../src/db/records.ts';
import { emptyIncident } from '../../../src/domain/incident.ts';
import { emptySystem } from '../../../src/domain/system.ts';
import { openFreshDatabase, freshDatabaseWithStation } from '../../testDatabase.ts';
import type { SonaeDatabase } from '../../../src/db/database.ts';

// 持ち出し記録: each file or print that leaves the PC is one audit entry naming who, when, what
// and from where, and writing it can never break the export it describes.

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

let db: SonaeDatabase;
beforeEach(async () => {
  ({ db } = await freshDatabaseWithStation());
});
afterEach(() => vi.restoreAllMocks());

async function lastEntry() {
  const entry = await db.audit.orderBy('seq').last();
  return auditEntrySchema.parse(entry);
}

describe('recordDataRelease', () => {
  it('records a CSV export: who, when, what, how many, from where, and the file hash', async () => {
    const text = '\uFEFF氏名・窓口名\r\nヘルプデスク\r\n';
    const before = new Date().toISOString();
    expect(
      await recordDataRelease({
        kind: 'csv',
        name: '連絡先_20261129.csv',
        what: '連絡先 1件',
        count: 1,
        content: new TextEncoder().encode(text),
      }),
    ).toBe(true);
    const entry = await lastEntry();
    expect(entry).toMatchObject({
      action: 'export',
      actor: '山田 花子',
      summary: 'CSVファイル「連絡先_20261129.csv」を書き出し（連絡先 1件）',
      recordType: null,
      recordId: null,
      release: {
        kind: 'csv',
        name: '連絡先_20261129.csv',
        count: 1,
        sha256: sha256(text),
        innerSha256: null,
        where: '架空市 市民課 窓口PC-01',
      },
    });
    expect(entry.at >= before).toBe(true);
  });

  it('hashes text as the UTF-8 bytes a download writes, and a Blob by its bytes', async () => {
    const html = '<!DOCTYPE html><title>緊急時バインダー</title>';
    await recordDataRelease({ kind: 'binder', name: 'binder.html', count: 12, content: html });
    expect((await lastEntry()).release?.sha256).toBe(sha256(html));
    expect((await lastEntry()).summary).toBe('閲覧用コピー（HTML）「binder.html」を書き出し');
    await recordDataRelease({ kind: 'bundle', name: 'b.sonae.json', content: new Blob([html]) });
    expect((await lastEntry()).release?.sha256).toBe(sha256(html));
  });

  it('keeps a backup hash given by its writer, with the inner bundle hash', async () => {
    const outer = 'a'.repeat(64);
    const inner = 'b'.repeat(64);
    await recordDataRelease({
      kind: 'backup',
      name: 'sonae-backup.zip',
      sha256: outer,
      innerSha256: inner,
    });
    expect((await lastEntry()).release).toMatchObject({
      kind: 'backup',
      sha256: outer,
      innerSha256: inner,
      count: null,
    });
  });

  it('records a print as 印刷, with the document name and no file hash', async () => {
    await recordDataRelease({ kind: 'print', name: '緊急連絡先一覧' });
    const entry = await lastEntry();
    expect(entry.action).toBe('print');
    expect(entry.summary).toBe('「緊急連絡先一覧」を印刷');
    expect(entry.release).toMatchObject({ kind: 'print', name: '緊急連絡先一覧', sha256: null });
  });

  it('never throws: a failed write is only a console warning, and writes nothing', async () => {
    openFreshDatabase(); // no station: the entry cannot name anyone
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(recordDataRelease({ kind: 'print', name: '携帯用カード' })).resolves.toBe(false);
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toBe('持ち出し記録を書き込めませんでした。');
  });

  it('keeps over-long names within what an entry may hold', async () => {
    await recordDataRelease({ kind: 'print', name: '長'.repeat(400) });
    const entry = await lastEntry(); // parse() would throw on a field too long
    expect(entry.release?.name).toHaveLength(300);
  });
});

describe('a bundle export', () => {
  it('is recorded with its file name, record count and the SHA-256 of the file written', async () => {
    const system = await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
    await saveRecord(
      'incident',
      emptyIncident({
        title: '印刷できない',
        systemId: system.id,
        occurredAt: '2026-11-29T01:00:00.000Z',
      }),
    );
    const result = await exportBundle({ kind: 'full', types: ['incident'] });
    if (!result) throw new Error('nothing exported');
    // Recording runs beside the export (never in its way): wait for the entry.
    await vi.waitFor(async () => expect((await lastEntry()).release?.kind).toBe('bundle'));
    expect(await lastEntry()).toMatchObject({
      action: 'export',
      release: { kind: 'bundle', name: result.fileName, count: 1, sha256: sha256(result.text) },
    });
  });
});

describe('describeDataRelease', () => {
  it('names the kind of file for a file and the document for a print', () => {
    expect(describeDataRelease({ kind: 'bundle', name: 'x.sonae.json', what: '記録 5件' })).toBe(
      '交換ファイル「x.sonae.json」を書き出し（記録 5件）',
    );
    expect(describeDataRelease({ kind: 'print', name: '障害報告書', what: '1件' })).toBe(
      '「障害報告書」を印刷（1件）',
    );
  });
});
