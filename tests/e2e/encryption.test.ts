import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  downloadedBytes,
  launchChromium,
  screenshot,
  serveBuiltApp,
  watchContext,
  type PageWatch,
} from './browser.ts';
import { setUpStation } from './offlineHelpers.ts';
import { writeValidIncidents } from './incidentData.ts';
import type { StaticServer } from '../../scripts/staticServer.ts';

// Issue 16 in real Chromium on a plain-HTTP intranet host name (no crypto.subtle): a department
// exports with recipients in sonae.config.json, the file is not readable JSON, `age -d` with the
// IT key gives the signed bundle OpenSSL verifies, and the IT station imports it; each refusal
// has its reason and changes nothing.

const HOST = 'sonae.intranet.test';
const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'sonae-age-e2e-'));
const at = (name: string) => path.join(dir, name);

function run(command: string, args: string[], cwd = dir) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}
function keygen(name: string): string {
  run('age-keygen', ['-o', at(name)]);
  return /# public key: (age1\w+)/.exec(readFileSync(at(name), 'utf8'))![1]!;
}
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let server: StaticServer;
let browser: Browser;
let origin: string;
const working = keygen('working.key');
const escrow = keygen('escrow.key');
const stranger = keygen('stranger.key');
const recipients = [
  { label: '情報政策課', recipient: working },
  { label: '情報政策課（保管用）', recipient: escrow },
];
const stations = {} as Record<
  'dept' | 'it',
  { context: BrowserContext; page: Page; watch: PageWatch }
>;

/** Serves this station its sonae.config.json (trusted keys and the recipients). */
async function serveConfig(context: BrowserContext, trustedKeys: object[] = []) {
  await context.unroute('**/sonae.config.json');
  await context.route('**/sonae.config.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        format: 'sonae-config',
        version: 1,
        trustedKeys,
        encryptionRecipients: recipients,
      }),
    }),
  );
}

beforeAll(async () => {
  server = await serveBuiltApp('/city/sonae/');
  browser = await launchChromium([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
  origin = `http://${HOST}:${server.port}`;
  for (const name of ['dept', 'it'] as const) {
    const context = await browser.newContext({
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      acceptDownloads: true,
    });
    context.setDefaultTimeout(20_000);
    await serveConfig(context);
    const watch = watchContext(context, origin);
    stations[name] = { context, page: await context.newPage(), watch };
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(page: Page, hash: string, heading: string) {
  await page.goto(`${origin}/city/sonae/#${hash}`);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

async function save(page: Page, click: () => Promise<void>, name: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const bytes = await downloadedBytes(download);
  writeFileSync(at(name), bytes);
  return { bytes, suggested: download.suggestedFilename() };
}

async function chooseImport(page: Page, file: string) {
  await open(page, '/exchange', 'データ交換');
  await page.getByLabel('取り込むファイルを選ぶ').setInputFiles(file);
}

/** Rows of the import history for files from the department. */
const historyRows = (page: Page) =>
  page
    .getByRole('region', { name: '取り込み履歴' })
    .getByRole('row')
    .filter({ hasText: '窓口PC-07' })
    .count();

let exported: { bytes: Buffer; suggested: string };

describe('confidential bundles on a plain-HTTP origin', { timeout: 180_000 }, () => {
  it('a department exports encrypted to the IT section; the 持ち出し記録 shows and prints', async () => {
    const { page } = stations.dept;
    await page.goto(`${origin}/city/sonae/`);
    expect(await page.evaluate(() => [window.isSecureContext, typeof crypto.subtle])).toEqual([
      false,
      'undefined',
    ]);
    await setUpStation(page, '窓口PC-07');
    // Over a megabyte of incidents, so the bulk of the file is encrypted in the worker.
    await writeValidIncidents(page, 600);
    const sealWorker = page.waitForRequest(/ageSeal\.worker/);
    await open(page, '/exchange', 'データ交換');
    await page.getByRole('radio', { name: 'すべて' }).check();
    const protection = page.getByRole('group', { name: '暗号化' });
    await protection.getByRole('radio', { name: '宛先の鍵で暗号化する（age）' }).waitFor();
    expect(
      await protection.getByRole('radio', { name: '宛先の鍵で暗号化する（age）' }).isChecked(),
    ).toBe(true);
    await protection.getByText('情報政策課（保管用）').waitFor();

    // The clear export is the audited exception: without a reason nothing is written.
    await protection.getByRole('radio', { name: '暗号化しない' }).check();
    await page.getByRole('button', { name: '書き出す', exact: true }).click();
    await page.getByText('暗号化せずに書き出す理由を入力してください').waitFor();
    await protection.getByRole('radio', { name: '宛先の鍵で暗号化する（age）' }).check();

    exported = await save(
      page,
      () => page.getByRole('button', { name: '書き出す', exact: true }).click(),
      'dept.age',
    );
    await sealWorker;
    expect(exported.suggested).toMatch(/\.sonae\.json\.age$/);
    expect(exported.bytes.subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
    expect(() => JSON.parse(exported.bytes.toString('utf8'))).toThrow();
    const release = page.getByRole('region', { name: '持ち出し記録' });
    await release.getByText(exported.suggested, { exact: true }).waitFor();
    await release.getByText(sha256(exported.bytes)).waitFor();
    await release.getByText(`情報政策課（${working}）`).waitFor();
    await screenshot(page, 'encryption-export', true);
    const href = await release
      .getByRole('link', { name: '持ち出し記録を印刷' })
      .getAttribute('href');
    await page.goto(`${origin}/city/sonae/${href}?auto=0`);
    await page.getByRole('heading', { name: '持ち出し記録' }).waitFor();
    await page.getByText(sha256(exported.bytes)).waitFor();
    await page.getByText('山田 花子').first().waitFor();
    await screenshot(page, 'encryption-release-print', true);
  });

  it('age -d with the IT key gives the signed bundle, and openssl verifies its signature', async () => {
    run('age', ['-d', '-i', at('working.key'), '-o', at('bundle.sonae.json'), at('dept.age')]);
    run('age', ['-d', '-i', at('escrow.key'), '-o', at('escrow.sonae.json'), at('dept.age')]);
    expect(
      readFileSync(at('escrow.sonae.json')).equals(readFileSync(at('bundle.sonae.json'))),
    ).toBe(true);
    const bundle = JSON.parse(readFileSync(at('bundle.sonae.json'), 'utf8')) as { format: string };
    expect(bundle.format).toBe('sonae-bundle');
    // The department's public key, as its settings screen hands it out.
    const { page } = stations.dept;
    await open(page, '/settings', '設定');
    await save(
      page,
      () => page.getByRole('button', { name: '公開鍵を書き出す' }).click(),
      'dept-public.pem',
    );
    const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
    run(
      tsx,
      [
        path.join(ROOT, 'scripts/bundle.ts'),
        'canonical',
        at('bundle.sonae.json'),
        '--out',
        at('canonical.bin'),
      ],
      ROOT,
    );
    run(
      tsx,
      [
        path.join(ROOT, 'scripts/bundle.ts'),
        'signature',
        at('bundle.sonae.json'),
        '--out',
        at('sig.bin'),
      ],
      ROOT,
    );
    const verified = run('openssl', [
      'pkeyutl',
      '-verify',
      '-pubin',
      '-inkey',
      'dept-public.pem',
      '-rawin',
      '-in',
      'canonical.bin',
      '-sigfile',
      'sig.bin',
    ]);
    expect(verified).toContain('Signature Verified Successfully');
  });

  it('a station without the key names the recipients and changes nothing', async () => {
    const { page } = stations.dept;
    await chooseImport(page, at('dept.age'));
    await page
      .getByText('このファイルは情報政策課・情報政策課（保管用）あての暗号化ファイルです')
      .waitFor();
    await page.getByText('データは変更していません').waitFor();
  });

  it('the IT station registers its key, refuses what it must, and imports the department file', async () => {
    const { page, context } = stations.it;
    await page.goto(`${origin}/city/sonae/`);
    await page.getByRole('button', { name: 'デモデータで試す' }).click();
    await page.getByRole('heading', { name: '障害発生時', level: 1 }).waitFor();
    await open(page, '/settings', '設定');
    const keys = page.getByRole('region', { name: '暗号化ファイルを開く鍵（age）' });
    await keys.getByRole('radio', { name: 'age-keygen で作った鍵を登録する' }).check();
    const identity = readFileSync(at('working.key'), 'utf8').trim().split('\n').at(-1)!;
    await keys.getByLabel('秘密鍵（AGE-SECRET-KEY-1…）').fill(identity);
    await keys.getByLabel('鍵を守るパスフレーズ', { exact: true }).fill('jouhou-seisaku-2026');
    await keys.getByLabel('鍵を守るパスフレーズ（確認）').fill('jouhou-seisaku-2026');
    await keys.getByRole('button', { name: '鍵を保存する' }).click();
    await keys.getByText(working).waitFor({ timeout: 60_000 });
    await screenshot(page, 'encryption-identity');

    // The department's key is trusted through the config, as an IT section deploys it.
    await serveConfig(context, [
      {
        label: '市民課 窓口PC-07',
        role: 'department',
        publicKeyPem: readFileSync(at('dept-public.pem'), 'utf8'),
      },
    ]);
    const stamp = { bytes: readFileSync(at('dept.age')) };
    writeFileSync(at('cut.age'), stamp.bytes.subarray(0, stamp.bytes.length - 40));
    run('age', ['-r', stranger, '-o', at('stranger.age'), at('bundle.sonae.json')]);

    // A reload: the new config is read, and the key is locked again (it lives in page memory).
    await page.reload();
    await chooseImport(page, at('dept.age'));
    const rowsBefore = await historyRows(page);
    // After the reload the key is locked: its passphrase is asked, a wrong one refused.
    await page.getByLabel('この端末の暗号化の鍵のパスフレーズ').fill('chigau-passphrase');
    await page.getByRole('button', { name: '開く' }).click();
    await page.getByText('パスフレーズが違います。').waitFor({ timeout: 60_000 });
    await page.getByLabel('この端末の暗号化の鍵のパスフレーズ').fill('jouhou-seisaku-2026');
    await page.getByRole('button', { name: '開く' }).click();
    await page.getByRole('heading', { name: /取り込みの確認/ }).waitFor({ timeout: 60_000 });
    await page.getByText(sha256(readFileSync(at('bundle.sonae.json')))).waitFor();
    await screenshot(page, 'encryption-import-preview');
    await page.getByRole('button', { name: '取り込む', exact: true }).click();
    await page.getByText(/を取り込みました/).waitFor();
    await expect.poll(() => historyRows(page)).toBe(rowsBefore + 1);
    // The history shows both hashes the department's 持ち出し記録 holds (decision 4).
    const history = page.getByRole('region', { name: '取り込み履歴' });
    await history.getByText(sha256(readFileSync(at('dept.age')))).waitFor();
    await history
      .getByText(sha256(readFileSync(at('bundle.sonae.json'))))
      .first()
      .waitFor();

    // Refusals, each with its reason, without touching the data (same page: the key stays open).
    for (const [file, reason] of [
      ['stranger.age', 'このファイルは別の宛先あての暗号化ファイルです'],
      ['cut.age', '途中で切れているか、書き換えられています'],
    ] as const) {
      await page.getByLabel('取り込むファイルを選ぶ').setInputFiles(at(file));
      await page.getByText(reason).waitFor();
      await page.getByText('データは変更していません').waitFor();
      await expect.poll(() => historyRows(page)).toBe(rowsBefore + 1);
    }
  });

  it('ファイルの検証 opens an encrypted file with the station key and shows both hashes', async () => {
    // Same page as the import (a hash change, no reload): the key is still open.
    const { page } = stations.it;
    await open(page, '/exchange/verify', 'ファイルの検証');
    await page.getByLabel('検証するファイルを選ぶ').setInputFiles(at('dept.age'));
    await page.getByText(sha256(readFileSync(at('dept.age')))).waitFor({ timeout: 60_000 });
    await page.getByText(sha256(readFileSync(at('bundle.sonae.json')))).waitFor();
    await page.getByText('有効', { exact: true }).waitFor();
    await screenshot(page, 'encryption-verify');
    // A station without the key names the recipients and checks nothing.
    const dept = stations.dept.page;
    await open(dept, '/exchange/verify', 'ファイルの検証');
    await dept.getByLabel('検証するファイルを選ぶ').setInputFiles(at('dept.age'));
    await dept.getByText(/情報政策課・情報政策課（保管用）あての暗号化ファイルです/).waitFor();
  });

  it('the IT station can remove its key, after a confirmation', async () => {
    const { page } = stations.it;
    await open(page, '/settings', '設定');
    const keys = page.getByRole('region', { name: '暗号化ファイルを開く鍵（age）' });
    await keys.getByRole('button', { name: 'この端末から鍵を削除' }).click();
    await keys.getByRole('alertdialog').getByRole('button', { name: '鍵を削除する' }).click();
    await keys.getByText('この端末には、まだ鍵がありません。').waitFor();
    await chooseImport(page, at('dept.age'));
    await page.getByText(/あての暗号化ファイルです。この端末には、開くための鍵/).waitFor();
  });

  it('logged no console error and made no request off the app origin', () => {
    for (const { watch } of Object.values(stations)) {
      expect(watch.problems).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
    }
  });
});
