import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { decryptAge } from '../../src/exchange/age/age.ts';
import { scryptIdentity } from '../../src/exchange/age/ageRecipients.ts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  downloadedBytes,
  launchChromium,
  OFFICE_CONTEXT,
  screenshot,
  serveBuiltApp,
  watchPage,
  type PageWatch,
} from './browser.ts';
import { addBackupFixtures, dumpDatabase } from './backupHelpers.ts';
import type { StaticServer } from '../../scripts/staticServer.ts';

// Issue 14, items 1–3 in real Chromium: the demo station with a photo, a conflict and a
// tombstone is backed up from 設定, restored on a fresh profile (same origin, then another
// port: another origin) and compared table for table, then merged into a station with its own
// edits, losing nothing.

const PNG = [
  ...Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
];

let server: StaticServer;
let second: StaticServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const watches: PageWatch[] = [];
let backup: { name: string; buffer: Buffer };
let original: Record<string, unknown[]>;
let fixtures: { photoId: string; conflictedId: string; deletedId: string };

async function freshPage(at: StaticServer): Promise<Page> {
  const context = await browser.newContext(OFFICE_CONTEXT);
  contexts.push(context);
  const page = await context.newPage();
  watches.push(watchPage(page, new URL(at.url).origin));
  await page.goto(at.url);
  return page;
}

/** Tables compared: all but the derived list; settings without the key and the backup time. */
function comparable(dump: Record<string, unknown[]>, dropLastAudit = false) {
  const { incidentListSegments: _derived, ...rest } = dump;
  const settings = (rest.settings as { key: string }[]).filter(
    (row) => !['stationKey', 'lastBackupAt', 'carryOver'].includes(row.key),
  );
  const audit = dropLastAudit ? rest.audit!.slice(0, -1) : rest.audit!;
  return { ...rest, settings, audit };
}

const BACKUP_PASSPHRASE = 'madoguchi-bcp-2026';

/** Chooses the (passphrase-encrypted) backup, types its passphrase and waits for the preview. */
async function chooseBackup(page: Page, passphrase = BACKUP_PASSPHRASE) {
  await page.getByLabel('バックアップファイル', { exact: true }).setInputFiles({
    name: backup.name,
    mimeType: 'application/octet-stream',
    buffer: backup.buffer,
  });
  await page.getByLabel('このファイルのパスフレーズ').fill(passphrase);
  await page.getByRole('button', { name: '開く' }).click();
  if (passphrase === BACKUP_PASSPHRASE)
    await page.getByTestId('backup-fingerprint').waitFor({ timeout: 60_000 });
}

beforeAll(async () => {
  server = await serveBuiltApp('/city/sonae/');
  second = await serveBuiltApp('/city/sonae/');
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
  await second?.close();
});

describe('whole-station backup and restore', () => {
  it('backs up the demo station with a photo, a conflict and a tombstone from 設定', async () => {
    const page = await freshPage(server);
    await page.getByRole('button', { name: 'デモデータで試す' }).click();
    await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
    fixtures = await addBackupFixtures(page, PNG);
    await page.goto(`${server.url}#/settings`);
    await page.reload();
    await page.getByRole('heading', { name: 'バックアップ', level: 2 }).waitFor();
    await page.getByTestId('last-backup-at').getByText('まだ作成していません').waitFor();
    // The station as the backup sees it: before the backup's own 持ち出し記録.
    original = await dumpDatabase(page);
    // No recipients configured: the backup is encrypted to a passphrase (PRODUCT.md decision 4).
    const protection = page.getByRole('group', { name: '暗号化' });
    expect(
      await protection.getByRole('radio', { name: 'パスフレーズで暗号化する' }).isChecked(),
    ).toBe(true);
    await protection.getByLabel('パスフレーズ', { exact: true }).fill(BACKUP_PASSPHRASE);
    await protection.getByLabel('パスフレーズ（確認）').fill(BACKUP_PASSPHRASE);
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: 'バックアップを作成' }).click();
    const file = await download;
    backup = { name: file.suggestedFilename(), buffer: await downloadedBytes(file) };
    await page.getByText(/を書き出しました（記録 \d+件、添付 1件/).waitFor({ timeout: 60_000 });
    await screenshot(page, 'backup-settings', true);
    expect(backup.name).toMatch(/\.sonae-backup\.zip\.age$/);
    expect(backup.buffer.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    // Inside: the ZIP container, as age opens it with the passphrase.
    const inner = await decryptAge(backup.buffer, [scryptIdentity(BACKUP_PASSPHRASE)]);
    if (!inner.ok) throw new Error(inner.error.kind);
    expect([...inner.value.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    await expect(page.getByTestId('last-backup-at').textContent()).resolves.toMatch(/\d{4}年/);
    // The 持ち出し記録 names the file and its hash.
    const release = (
      (await dumpDatabase(page)).audit as {
        release?: { kind: string; name: string; protection?: string; innerSha256?: string };
      }[]
    ).find((row) => row.release?.kind === 'backup');
    expect(release?.release?.name).toBe(backup.name);
    expect(release?.release?.protection).toBe('passphrase');
    expect(release?.release?.innerSha256).toBe(
      createHash('sha256').update(inner.value).digest('hex'),
    );
  });

  it('restores it on a fresh profile from the first-run screen, table for table', async () => {
    const page = await freshPage(server);
    await page.getByRole('heading', { name: '復元' }).waitFor();
    await chooseBackup(page);
    await screenshot(page, 'backup-restore-preview', true);
    await page.getByText('初期化した PC はどの鍵も信頼していません', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'このバックアップで復元' }).click();
    await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
    const copy = await dumpDatabase(page);
    expect(comparable(copy, true)).toEqual(comparable(original));
    const photo = (copy.attachments as { id: string }[]).find((a) => a.id === fixtures.photoId);
    expect(photo).toBeDefined();
    expect((copy.conflicts as { id: string }[]).map((c) => c.id)).toContain(fixtures.conflictedId);
    const gone = (copy.incidents as { id: string; deleted: boolean }[]).find(
      (r) => r.id === fixtures.deletedId,
    );
    expect(gone?.deleted).toBe(true);
    expect(String((copy.audit!.at(-1) as { summary: string }).summary)).toContain('から復元');
  });

  it('restores it at a second origin (another port)', async () => {
    expect(new URL(second.url).origin).not.toBe(new URL(server.url).origin);
    const page = await freshPage(second);
    await chooseBackup(page);
    await page.getByRole('button', { name: 'このバックアップで復元' }).click();
    await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
    expect(comparable(await dumpDatabase(page), true)).toEqual(comparable(original));
  });

  it('merges it into a station with its own edits, losing nothing', async () => {
    const page = await freshPage(server);
    await page.getByRole('button', { name: 'デモデータで試す' }).click();
    await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
    await page.goto(`${server.url}#/incidents/new`);
    await page.getByLabel('件名').fill('この端末だけの記録');
    await page.getByLabel('システム').selectOption({ index: 1 });
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('保存しました。').waitFor();
    const before = await dumpDatabase(page);
    await page.goto(`${server.url}#/settings`);
    await chooseBackup(page);
    await page.getByRole('button', { name: '統合して復元' }).click();
    await page.getByText(/統合しました/).waitFor();
    await screenshot(page, 'backup-merged', true);
    const after = await dumpDatabase(page);
    const ids = (rows: unknown[]) => new Set((rows as { id: string }[]).map((r) => r.id));
    for (const id of [...ids(before.incidents!), ...ids(original.incidents!)])
      expect(ids(after.incidents!).has(id)).toBe(true);
    expect((after.conflicts as { id: string }[]).map((c) => c.id)).toContain(fixtures.conflictedId);
    expect(ids(after.attachments!).has(fixtures.photoId)).toBe(true);
    // The station stays itself: its own id and settings.
    const station = (rows: unknown[]) =>
      (rows as { key: string; value: unknown }[]).find((r) => r.key === 'station');
    expect(station(after.settings!)).toEqual(station(before.settings!));
  });

  it('refuses a wrong passphrase and a truncated file with a reason, changing nothing', async () => {
    const page = await freshPage(server);
    await chooseBackup(page, 'chigau-passphrase');
    await page.getByText('パスフレーズが違います。').waitFor({ timeout: 60_000 });
    await page.getByLabel('バックアップファイル', { exact: true }).setInputFiles({
      name: backup.name,
      mimeType: 'application/octet-stream',
      buffer: backup.buffer.subarray(0, backup.buffer.length - 200),
    });
    await page.getByLabel('このファイルのパスフレーズ').fill(BACKUP_PASSPHRASE);
    await page.getByRole('button', { name: '開く' }).click();
    await page.getByText(/途中で切れて/).waitFor({ timeout: 60_000 });
    await page.getByText(/データは変更していません/).waitFor();
    await page.getByRole('button', { name: 'この内容で始める' }).waitFor();
  });

  it('restores and backs up on a plain-HTTP intranet origin (no crypto.subtle, no navigator.storage)', async () => {
    const host = 'sonae.intranet.test';
    const own = await launchChromium([`--host-resolver-rules=MAP ${host} 127.0.0.1`]);
    try {
      const origin = `http://${host}:${second.port}`;
      const context = await own.newContext(OFFICE_CONTEXT);
      const page = await context.newPage();
      watches.push(watchPage(page, origin));
      await page.goto(`${origin}/city/sonae/`);
      expect(await page.evaluate(() => [isSecureContext, Boolean(crypto.subtle)])).toEqual([
        false,
        false,
      ]);
      await chooseBackup(page);
      await page.getByText(/空き容量を確認できません/).waitFor();
      await page.getByRole('button', { name: 'このバックアップで復元' }).click();
      await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
      expect(comparable(await dumpDatabase(page), true)).toEqual(comparable(original));
      await page.goto(`${origin}/city/sonae/#/settings`);
      await page.getByText(/暗号化されていない接続（http:\/\/）のため/).waitFor();
      // In clear when so chosen: no recipients were ever seen, so no reason is asked.
      await page.getByRole('radio', { name: '暗号化しない' }).check();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'バックアップを作成' }).click();
      expect((await downloadedBytes(await download)).subarray(0, 2).toString()).toBe('PK');
      await screenshot(page, 'backup-plain-http', true);
    } finally {
      await own.close();
    }
  });

  it('logged no console error and made no request off the origin', () => {
    for (const watch of watches) {
      expect(watch.problems).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
    }
  });
});
