import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Blob as NodeBlob } from 'node:buffer';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { saveRecord } from '../../../src/db/records.ts';
import { applyImport, ImportRefusedError, prepareImport } from '../../../src/db/exchangeImport.ts';
import { describeBundleError } from '../../../src/exchange/bundleErrors.ts';
import {
  addMissingAttachments,
  AttachmentsChangedMeanwhileError,
} from '../../../src/db/importAttachments.ts';
import { emptyIncident } from '../../../src/domain/incident.ts';
import { countAll, itForm, type TestStation } from './exchangeHelpers.ts';
import { createMesh, departmentNo, exportFrom, importInto, SYSTEM_ID } from './syncHelpers.ts';

// Issue #12, item 12 (import half): an attachment id names one content. A file may not replace
// the bytes stored under an id with different ones — e.g. a department pre-seeding an id it saw
// in the IT section's report — and such a file is refused whole, changing nothing.

const PHOTO_ID = '0000cccc-0000-4000-8000-000000000001';
let it_: TestStation;
let d1: TestStation;
let d2: TestStation;

afterEach(() => vi.unstubAllGlobals());

beforeEach(async () => {
  // Node's Blob: jsdom's does not survive fake-indexeddb's structured clone.
  vi.stubGlobal('Blob', NodeBlob);
  [it_, d1, d2] = (await createMesh([itForm, departmentNo(1), departmentNo(2)])) as [
    TestStation,
    TestStation,
    TestStation,
  ];
});

/** An incident on `station` with one attachment `PHOTO_ID` holding `text`. */
async function incidentWithPhoto(station: TestStation, title: string, text: string) {
  station.use();
  const bytes = utf8ToBytes(text);
  const ref = {
    id: PHOTO_ID,
    name: 'screen.png',
    mediaType: 'image/png',
    size: bytes.length,
    sha256: bytesToHex(sha256(bytes)),
  };
  await saveRecord(
    'incident',
    emptyIncident({
      title,
      systemId: SYSTEM_ID,
      occurredAt: '2026-11-21T01:00:00.000Z',
      attachments: [ref],
    }),
    { newAttachments: [{ id: PHOTO_ID, blob: new Blob([bytes], { type: 'image/png' }) }] },
  );
  return bytes;
}

async function storedText(station: TestStation): Promise<string> {
  const row = await station.db.attachments.get(PHOTO_ID);
  return new TextDecoder().decode(await row!.blob.arrayBuffer());
}

describe('attachment bytes already stored under an id', () => {
  it('refuses a file that carries other bytes for it, and changes nothing', async () => {
    await incidentWithPhoto(d1, '先に届いた偽物', '偽の画面');
    await importInto(d2, await exportFrom(d1));
    await incidentWithPhoto(it_, '障害報告', '本物の画面');
    const genuine = await exportFrom(it_);
    d2.use();
    const before = await countAll(d2.db);
    const prepared = await prepareImport(genuine.fileName, utf8ToBytes(genuine.text));
    expect(prepared.ok).toBe(false);
    if (prepared.ok) return;
    expect(prepared.error).toEqual({ kind: 'attachmentChanged', attachmentId: PHOTO_ID });
    expect(describeBundleError(prepared.error)).toContain('内容が違います');
    expect(await countAll(d2.db)).toEqual(before);
    expect(await storedText(d2)).toBe('偽の画面');
  });

  it('accepts the same bytes again without storing them twice', async () => {
    await incidentWithPhoto(it_, '障害報告', '本物の画面');
    await importInto(d1, await exportFrom(it_));
    const { applied } = await importInto(d2, await exportFrom(d1));
    expect(applied.counts.attachments).toBe(1);
    const again = await importInto(d2, await exportFrom(it_));
    expect(again.applied.counts.attachments).toBe(0);
    expect(await storedText(d2)).toBe('本物の画面');
  });

  it('refuses at confirm time when other bytes were stored under the id meanwhile', async () => {
    await incidentWithPhoto(it_, '障害報告', '本物の画面');
    const file = await exportFrom(it_);
    d2.use();
    const prepared = await prepareImport(file.fileName, utf8ToBytes(file.text));
    if (!prepared.ok) throw new Error(prepared.error.kind);
    // Another tab stores other bytes under the same id between the preview and the confirm.
    await d2.db.attachments.put({ id: PHOTO_ID, blob: new Blob([utf8ToBytes('別の内容')]) });
    const before = await countAll(d2.db);
    const refusal = applyImport(prepared.preview);
    await expect(refusal).rejects.toBeInstanceOf(ImportRefusedError);
    await expect(refusal).rejects.toMatchObject({ error: { kind: 'attachmentChanged' } });
    expect(await countAll(d2.db)).toEqual(before);
    expect(await storedText(d2)).toBe('別の内容');
  });
});

describe('addMissingAttachments (inside the import transaction)', () => {
  it('never writes over stored bytes it was not told are identical', async () => {
    d2.use();
    await d2.db.attachments.put({ id: PHOTO_ID, blob: new Blob([utf8ToBytes('保存済み')]) });
    const incoming = new Map([[PHOTO_ID, utf8ToBytes('別の内容')]]);
    const types = new Map([[PHOTO_ID, 'image/png']]);
    const write = (same: Set<string>) =>
      d2.db.transaction('rw', d2.db.attachments, () =>
        addMissingAttachments(d2.db, incoming, types, same),
      );
    await expect(write(new Set())).rejects.toBeInstanceOf(AttachmentsChangedMeanwhileError);
    expect(await write(new Set([PHOTO_ID]))).toBe(0);
    expect(await storedText(d2)).toBe('保存済み');
  });
});
