import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Blob as NodeBlob } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { saveRecord } from '../../../src/db/records.ts';
import { exportBundle } from '../../../src/db/exchangeExport.ts';
import { applyImport, ImportRefusedError, prepareImport } from '../../../src/db/exchangeImport.ts';
import { exchangeTables } from '../../../src/db/exchangeTables.ts';
import { restoreSnapshot } from '../../../src/db/snapshots.ts';
import { ensureStationKey } from '../../../src/db/keyStore.ts';
import { parseDeploymentConfig } from '../../../src/features/exchange/deploymentConfig.ts';
import { describeBundleError } from '../../../src/exchange/bundleErrors.ts';
import { emptyIncident } from '../../../src/domain/incident.ts';
import { emptySystem } from '../../../src/domain/system.ts';
import { pickData } from '../../../src/domain/recordMeta.ts';
import { loadLeaves, resolveConflict } from '../../../src/db/conflicts.ts';
import { resolveConflictData } from '../../../src/domain/conflictResolution.ts';
import {
  countAll,
  createStation,
  departmentForm,
  itForm,
  trustStation,
  type TestStation,
} from './exchangeHelpers.ts';

const AT = '2026-11-21T01:00:00.000Z';
let dept: TestStation;
let it_: TestStation;

afterEach(() => {
  vi.unstubAllGlobals();
});

beforeEach(async () => {
  dept = await createStation(departmentForm);
  it_ = await createStation(itForm);
});

async function exportFrom(
  station: TestStation,
  kind: 'full' | 'delta' = 'full',
  types = ['incident'] as const,
) {
  station.use();
  const result = await exportBundle({ kind, types: [...types] });
  if (!result) throw new Error('nothing exported');
  return result;
}

async function importInto(station: TestStation, file: { fileName: string; text: string }) {
  station.use();
  const prepared = await prepareImport(file.fileName, utf8ToBytes(file.text));
  if (!prepared.ok) throw new Error(describeBundleError(prepared.error));
  return { preview: prepared.preview, applied: await applyImport(prepared.preview) };
}

async function expectRefused(station: TestStation, text: string, kind: string) {
  station.use();
  const before = await countAll(station.db);
  const prepared = await prepareImport('x.sonae.json', utf8ToBytes(text));
  expect(prepared.ok).toBe(false);
  if (!prepared.ok) {
    expect(prepared.error.kind).toBe(kind);
    expect(describeBundleError(prepared.error)).toMatch(/[ぁ-んァ-ン一-龥]/);
  }
  expect(await countAll(station.db)).toEqual(before);
}

async function newIncident(title: string) {
  const system = await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
  return saveRecord('incident', emptyIncident({ title, systemId: system.id, occurredAt: AT }));
}

describe('export → import between two stations', () => {
  it('carries an incident, with history, snapshot and audit, and writes lastExportAt and the sequence', async () => {
    dept.use();
    const incident = await newIncident('証明書発行機が停止');
    const file = await exportFrom(dept);
    expect(file.fileName).toMatch(/^sonae_市民課_\d{8}-\d{4}_1\.sonae\.json$/);
    expect((await dept.db.settings.get('lastExportAt'))?.value).toMatch(/^\d{4}-/);
    await trustStation(it_, dept, 'department', '市民課');
    const { preview, applied } = await importInto(it_, file);
    expect(preview.rows).toEqual([
      expect.objectContaining({ id: incident.id, change: 'new', title: '証明書発行機が停止' }),
    ]);
    expect(applied.counts).toMatchObject({ new: 1, refused: 0 });
    expect(await it_.db.incidents.get(incident.id)).toEqual(incident);
    const { imports, snapshots } = exchangeTables(it_.db);
    expect(await imports.toArray()).toEqual([
      expect.objectContaining({
        sequence: 1,
        issuerLabel: '架空市 市民課 窓口PC-01',
        fileName: file.fileName,
      }),
    ]);
    expect(await snapshots.count()).toBe(1);
    const audit = await it_.db.audit.where('action').equals('import').toArray();
    expect(audit.map((a) => a.summary).join('\n')).toContain('証明書発行機が停止');
    expect((await exportFrom(dept)).sequence).toBe(2);
  });

  it('refuses the same file twice, and merges an older file as 変更なし (no sequence refusal)', async () => {
    dept.use();
    await newIncident('A');
    const first = await exportFrom(dept);
    const second = await exportFrom(dept);
    await trustStation(it_, dept, 'department', '市民課');
    await importInto(it_, second);
    await expectRefused(it_, second.text, 'alreadyImported');
    const older = await importInto(it_, first);
    expect(older.applied.counts.unchanged).toBe(1);
  });

  it('refuses at confirm time a file imported meanwhile (another tab), and changes nothing', async () => {
    dept.use();
    await newIncident('A');
    const file = await exportFrom(dept);
    await trustStation(it_, dept, 'department', '市民課');
    it_.use();
    const first = await prepareImport(file.fileName, utf8ToBytes(file.text));
    const second = await prepareImport(file.fileName, utf8ToBytes(file.text));
    if (!first.ok || !second.ok) throw new Error('prepare');
    await applyImport(first.preview);
    const before = await countAll(it_.db);
    await expect(applyImport(second.preview)).rejects.toBeInstanceOf(ImportRefusedError);
    expect(await countAll(it_.db)).toEqual(before);
  });

  it('refuses the too-new and tampered fixture files and changes nothing', async () => {
    const fixtures = 'tests/fixtures/bundles';
    await expectRefused(it_, readFileSync(`${fixtures}/too-new.sonae.json`, 'utf8'), 'tooNew');
    await expectRefused(
      it_,
      readFileSync(`${fixtures}/untrusted.sonae.json`, 'utf8'),
      'untrustedKey',
    );
  });

  it('takes no snapshot for a file that changes nothing', async () => {
    dept.use();
    await newIncident('A');
    await trustStation(it_, dept, 'department', '市民課');
    await importInto(it_, await exportFrom(dept));
    const { applied } = await importInto(it_, await exportFrom(dept));
    expect(applied.counts).toMatchObject({ new: 0, unchanged: 1 });
    expect(await exchangeTables(it_.db).snapshots.count()).toBe(1);
    expect(await exchangeTables(it_.db).imports.count()).toBe(2);
  });

  it('refuses an unknown key, showing its fingerprint, and changes nothing', async () => {
    dept.use();
    await newIncident('A');
    const file = await exportFrom(dept);
    await expectRefused(it_, file.text, 'untrustedKey');
    it_.use();
    const prepared = await prepareImport('x', utf8ToBytes(file.text));
    expect(
      !prepared.ok && prepared.error.kind === 'untrustedKey' && prepared.error.fingerprint,
    ).toMatch(/^\d{4}(-\d{4}){4}$/);
  });

  it('trusts a key from the deployment config without a local registration', async () => {
    it_.use();
    const key = await ensureStationKey();
    await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
    const file = await exportFrom(it_, 'full', ['system'] as never);
    const config = parseDeploymentConfig(
      JSON.stringify({
        format: 'sonae-config',
        version: 1,
        trustedKeys: [{ label: '情報政策課', role: 'it-section', publicKeyPem: key.publicKeyPem }],
      }),
    );
    if (config.status !== 'ok') throw new Error('config');
    dept.use();
    const prepared = await prepareImport(file.fileName, utf8ToBytes(file.text), config.keys);
    expect(prepared.ok && prepared.preview.signer.label).toBe('情報政策課');
    expect(await exchangeTables(dept.db).trustedKeys.count()).toBe(0);
  });

  it('refuses a tampered, truncated or foreign file and changes nothing', async () => {
    dept.use();
    await newIncident('停止');
    const file = await exportFrom(dept);
    await trustStation(it_, dept, 'department', '市民課');
    await expectRefused(it_, file.text.replace('停止', '復旧'), 'badSignature');
    await expectRefused(it_, file.text.slice(0, file.text.length / 2), 'truncated');
    await expectRefused(it_, 'hello', 'notJson');
    await expectRefused(it_, '{"format":"other"}', 'notSonaeBundle');
  });

  it('refuses, record by record, what the signer’s role may not write', async () => {
    dept.use();
    await newIncident('A'); // also saves a system
    const file = await exportFrom(dept, 'full', ['system', 'incident'] as never);
    await trustStation(it_, dept, 'department', '市民課');
    const { preview, applied } = await importInto(it_, file);
    const refused = preview.rows.filter((r) => r.change === 'refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toContain('障害記録・訓練・要対応だけ');
    expect(applied.counts).toMatchObject({ new: 1, refused: 1 });
    expect(await it_.db.systems.count()).toBe(0);
  });

  it('does not refuse a relayed record the signer may not write when it changes nothing', async () => {
    it_.use();
    const system = await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
    await trustStation(dept, it_, 'it-section', '情報政策課');
    await importInto(dept, await exportFrom(it_, 'full', ['system'] as never));
    dept.use();
    await saveRecord(
      'incident',
      emptyIncident({ title: 'A', systemId: system.id, occurredAt: AT }),
    );
    await trustStation(it_, dept, 'department', '市民課');
    const { preview } = await importInto(
      it_,
      await exportFrom(dept, 'full', ['system', 'incident'] as never),
    );
    expect(preview.rows.map((r) => [r.type, r.change]).sort()).toEqual([
      ['incident', 'new'],
      ['system', 'unchanged'],
    ]);
  });

  it('keeps a concurrent edit on both sides as a conflict that travels, and a resolution settles it everywhere', async () => {
    dept.use();
    const incident = await newIncident('窓口端末が固まる');
    await trustStation(it_, dept, 'department', '市民課');
    await trustStation(dept, it_, 'it-section', '情報政策課');
    await importInto(it_, await exportFrom(dept));

    dept.use();
    await saveRecord(
      'incident',
      { ...pickData(incident), symptoms: '画面が白くなる' },
      { id: incident.id },
    );
    it_.use();
    const itEdit = await saveRecord(
      'incident',
      { ...pickData(incident), cause: 'メモリ不足' },
      { id: incident.id },
    );

    const fromDept = await exportFrom(dept, 'delta');
    const fromIt = await exportFrom(it_, 'delta');
    expect((await importInto(it_, fromDept)).applied.counts.conflict).toBe(1);
    expect((await importInto(dept, fromIt)).applied.counts.conflict).toBe(1);
    dept.use();
    const deptLeaves = (await loadLeaves(dept.db, 'incident', incident.id)).map((l) => l.rev);
    it_.use();
    const itLeaves = await loadLeaves(it_.db, 'incident', incident.id);
    expect(itLeaves.map((l) => l.rev)).toEqual(deptLeaves);

    // The IT section combines both edits; the department receives the resolution.
    const combined = { ...pickData(itEdit), symptoms: '画面が白くなる' };
    await resolveConflict('incident', incident.id, combined, deptLeaves);
    const { applied } = await importInto(dept, await exportFrom(it_, 'delta'));
    expect(applied.counts.updated).toBe(1);
    expect(await exchangeTables(dept.db).conflicts.count()).toBe(0);
    expect(await dept.db.incidents.get(incident.id)).toMatchObject({
      symptoms: '画面が白くなる',
      cause: 'メモリ不足',
    });
  });

  it('restores the state before an import and then accepts the same file again', async () => {
    dept.use();
    await newIncident('A');
    const file = await exportFrom(dept);
    await trustStation(it_, dept, 'department', '市民課');
    const before = await it_.db.incidents.count();
    await importInto(it_, file);
    const [snapshot] = await exchangeTables(it_.db).snapshots.toArray();
    await restoreSnapshot(snapshot!.seq!);
    expect(await it_.db.incidents.count()).toBe(before);
    expect((await exchangeTables(it_.db).imports.toArray())[0]!.undoneAt).toBeTruthy();
    expect((await importInto(it_, file)).applied.counts.new).toBe(1);
  });

  it('keeps only the last 5 snapshots', async () => {
    dept.use();
    const incident = await newIncident('A');
    await trustStation(it_, dept, 'department', '市民課');
    for (let i = 0; i < 7; i += 1) {
      dept.use();
      await saveRecord(
        'incident',
        { ...pickData(incident), symptoms: `追記${i}` },
        { id: incident.id },
      );
      await importInto(it_, await exportFrom(dept, 'delta'));
    }
    expect(await exchangeTables(it_.db).snapshots.count()).toBe(5);
    expect(await exchangeTables(it_.db).imports.count()).toBe(7);
  });

  it('exports only what changed since the last export in a delta', async () => {
    dept.use();
    const a = await newIncident('A');
    await newIncident('B');
    await exportFrom(dept);
    expect(await exportBundle({ kind: 'delta', types: ['incident'] })).toBeNull();
    await saveRecord('incident', { ...pickData(a), symptoms: '追記' }, { id: a.id });
    const delta = await exportFrom(dept, 'delta');
    expect(delta.records).toBe(1);
  });

  it('carries attachment bytes and stores them', async () => {
    // Node's Blob: jsdom's does not survive fake-indexeddb's structured clone.
    vi.stubGlobal('Blob', NodeBlob);
    dept.use();
    const system = await saveRecord('system', { ...emptySystem(), name: 'S' });
    const bytes = utf8ToBytes('screenshot');
    const { sha256 } = await import('@noble/hashes/sha2.js');
    const { bytesToHex } = await import('@noble/hashes/utils.js');
    const attachmentId = '0000aaaa-0000-4000-8000-000000000001';
    await saveRecord(
      'incident',
      emptyIncident({
        title: '写真あり',
        systemId: system.id,
        occurredAt: AT,
        attachments: [
          {
            id: attachmentId,
            name: 'a.png',
            mediaType: 'image/png',
            size: bytes.length,
            sha256: bytesToHex(sha256(bytes)),
          },
        ],
      }),
      { newAttachments: [{ id: attachmentId, blob: new Blob([bytes], { type: 'image/png' }) }] },
    );
    const file = await exportFrom(dept);
    expect(file.attachments).toBe(1);
    await trustStation(it_, dept, 'department', '市民課');
    const { applied } = await importInto(it_, file);
    expect(applied.counts.attachments).toBe(1);
    const stored = await it_.db.attachments.get(attachmentId);
    expect(stored!.blob.size).toBe(bytes.length);
    // Exporting again from the receiver carries the same bytes on.
    const onward = await exportFrom(it_);
    expect(onward.text).toContain(Buffer.from(bytes).toString('base64'));
  });
});

// Issue 12, item 21: dropping the bytes on import, or storing other bytes, must fail a test.
describe('attachment bytes on import', () => {
  it('stores exactly the bytes the file carried, under the referenced id', async () => {
    vi.stubGlobal('Blob', NodeBlob);
    dept.use();
    const system = await saveRecord('system', { ...emptySystem(), name: 'S' });
    const { sha256 } = await import('@noble/hashes/sha2.js');
    const { bytesToHex } = await import('@noble/hashes/utils.js');
    const photos = ['画面の写真その1', 'エラー画面その2'].map((text, i) => {
      const bytes = utf8ToBytes(text);
      return {
        bytes,
        ref: {
          id: `0000bbbb-0000-4000-8000-00000000000${i + 1}`,
          name: `p${i + 1}.png`,
          mediaType: 'image/png',
          size: bytes.length,
          sha256: bytesToHex(sha256(bytes)),
        },
      };
    });
    await saveRecord(
      'incident',
      emptyIncident({
        title: '写真二枚',
        systemId: system.id,
        occurredAt: AT,
        attachments: photos.map((p) => p.ref),
      }),
      {
        newAttachments: photos.map((p) => ({
          id: p.ref.id,
          blob: new Blob([p.bytes], { type: 'image/png' }),
        })),
      },
    );
    await trustStation(it_, dept, 'department', '市民課');
    const { applied } = await importInto(it_, await exportFrom(dept));
    expect(applied.counts.attachments).toBe(2);
    expect(await it_.db.attachments.count()).toBe(2);
    for (const { bytes, ref } of photos) {
      const stored = await it_.db.attachments.get(ref.id);
      expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(bytes);
      expect(stored!.blob.type).toBe('image/png');
    }
  });
});

// Issue 12, item 8: a resolution made with the default choices keeps both PCs' entries, and
// the other PC receives it whole.
describe('resolving a conflict between two stations without losing work', () => {
  it('combines timeline, contacts made and attempts from both sides and settles both PCs', async () => {
    dept.use();
    const incident = await newIncident('窓口端末が固まる');
    await trustStation(it_, dept, 'department', '市民課');
    await trustStation(dept, it_, 'it-section', '情報政策課');
    await importInto(it_, await exportFrom(dept));
    const at = (hhmm: string) => `2026-11-21T${hhmm}:00.000Z`;
    dept.use();
    await saveRecord(
      'incident',
      {
        ...pickData(incident),
        timeline: [{ id: crypto.randomUUID(), at: at('01:10'), status: null, text: '再起動した' }],
        attempts: [{ id: crypto.randomUUID(), action: '再ログイン', result: '変わらず' }],
      },
      { id: incident.id },
    );
    it_.use();
    await saveRecord(
      'incident',
      {
        ...pickData(incident),
        cause: 'メモリ不足',
        timeline: [{ id: crypto.randomUUID(), at: at('01:05'), status: null, text: '調査開始' }],
        contactsMade: [
          {
            id: crypto.randomUUID(),
            at: at('01:20'),
            who: 'A社',
            contactId: null,
            method: 'phone',
            summary: '',
          },
        ],
      },
      { id: incident.id },
    );
    await importInto(it_, await exportFrom(dept, 'delta'));
    it_.use();
    const leaves = await loadLeaves(it_.db, 'incident', incident.id);
    expect(leaves).toHaveLength(2);
    const data = resolveConflictData(
      'incident',
      leaves.map((leaf) => pickData(leaf) as Record<string, unknown>),
    );
    await resolveConflict(
      'incident',
      incident.id,
      data,
      leaves.map((leaf) => leaf.rev),
    );
    await importInto(dept, await exportFrom(it_, 'delta'));
    for (const station of [it_, dept]) {
      const stored = (await station.db.incidents.get(incident.id))!;
      expect(stored.timeline.map((t) => t.text)).toEqual(['調査開始', '再起動した']);
      expect(stored.attempts.map((a) => a.action)).toEqual(['再ログイン']);
      expect(stored.contactsMade.map((c) => c.who)).toEqual(['A社']);
      expect(await exchangeTables(station.db).conflicts.count()).toBe(0);
    }
    expect((await dept.db.incidents.get(incident.id))!.rev).toBe(
      (await it_.db.incidents.get(incident.id))!.rev,
    );
  });
});
