import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  launchChromium,
  OFFICE_CONTEXT,
  screenshot,
  watchPage,
  type PageWatch,
} from './browser.ts';
import { buildCheckerHtml, CHECKER_FILE } from '../../scripts/build-verifier.ts';
import { encryptAge } from '../../src/exchange/age/age.ts';
import { formatAgeIdentityFile } from '../../src/exchange/age/ageFiles.ts';
import {
  generateAgeIdentity,
  parseAgeRecipient,
  x25519Recipient,
} from '../../src/exchange/age/ageRecipients.ts';
import { joinBytes } from '../../src/exchange/age/ageStream.ts';

// Issue 10, item 6: the Windows check of a bundle without extra tools. The single-file checker
// (scripts/build-verifier.ts) is opened from file:// in a fresh context with no server at all:
// it must check files with no request of any kind, and without crypto.subtle (a file:// page is
// not a secure context in every browser).

const ROOT = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string) => path.join(ROOT, 'tests/fixtures', name);
const BUILD_ID = 'e2e-checker-1';
const DEMO_FINGERPRINT = '6354-6637-0957-1645-5690';

let work: string;
let pageUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let watch: PageWatch;
/** Every request the context saw, and every one the router was asked to serve. */
const requests: string[] = [];
const routed: string[] = [];

beforeAll(async () => {
  const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  work = await mkdtemp(path.join(tmpdir(), 'sonae-checker-'));
  const file = path.join(work, CHECKER_FILE);
  await writeFile(file, await buildCheckerHtml(BUILD_ID, version));
  pageUrl = pathToFileURL(file).href;
  browser = await launchChromium();
  context = await browser.newContext(OFFICE_CONTEXT);
  context.on('request', (request) => requests.push(request.url()));
  // Everything goes through the router: the page's own file is served, anything else refused.
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    routed.push(url);
    await (url === pageUrl ? route.continue() : route.abort());
  });
  // As on a PC where the page is not a secure context: only the pure-JS crypto is left.
  await context.addInitScript(() =>
    Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined }),
  );
  page = await context.newPage();
  // A file:// page's origin is "null": any http(s) request at all counts as foreign.
  watch = watchPage(page, 'null');
  await page.goto(pageUrl);
}, 60_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const bundlePicker = () =>
  page.getByLabel('検証するファイル（.sonae.json または .sonae.json.age）を選ぶ');
const keyPicker = () => page.getByLabel('送り主の公開鍵ファイル（.pem）を選ぶ');
const verdict = () => page.getByRole('region', { name: /^検証結果: / });

/** The value of one fact of the verdict (its first line). */
function fact(term: string) {
  return verdict().locator('dt', { hasText: term }).locator('+ dd > div').first();
}

describe('the bundle checker page from file://', () => {
  it('opens with its title and version, without crypto.subtle', async () => {
    expect(await page.title()).toBe('備え データ交換ファイルの検証（Windows 用・単体で動きます）');
    await expect.poll(() => page.locator('#checker-version').textContent()).toContain(BUILD_ID);
    expect(await page.evaluate(() => crypto.subtle === undefined)).toBe(true);
  });

  it('a good file: the fingerprint first, then 有効 with the sender’s key', async () => {
    const bytes = await readFile(fixture('bundles/demo.sonae.json'));
    await bundlePicker().setInputFiles(fixture('bundles/demo.sonae.json'));
    await verdict()
      .getByRole('status')
      .filter({ hasText: /^署名は未確認: / })
      .waitFor();
    expect(await fact('署名した鍵の指紋').textContent()).toBe(DEMO_FINGERPRINT);
    // What PowerShell's Get-FileHash prints: upper-case hex.
    expect(await fact('ファイルの SHA-256').textContent()).toBe(
      createHash('sha256').update(bytes).digest('hex').toUpperCase(),
    );

    await keyPicker().setInputFiles(fixture('keys/demo-public.pem'));
    await verdict()
      .getByRole('status')
      .filter({ hasText: /^有効: / })
      .waitFor();
    expect(await fact('選んだ公開鍵').textContent()).toBe(
      `demo-public.pem（指紋 ${DEMO_FINGERPRINT}）`,
    );
    await expect.poll(() => verdict().textContent()).toContain('署名した鍵と一致します。');
    expect(await fact('形式の版').textContent()).toBe('2');
    expect(await fact('作成日時').textContent()).toBe('令和8年11月21日（2026年） 9:05（日本時間）');
    expect(await verdict().textContent()).toContain('連絡先 2件（うち削除 1件）');
    await screenshot(page, 'bundle-checker-valid', true);
  });

  it('a tampered file: 無効 with the reason', async () => {
    await bundlePicker().setInputFiles(fixture('bundles/tampered.sonae.json'));
    const alert = verdict().getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^無効: .*署名が一致しません/);
    await screenshot(page, 'bundle-checker-tampered', true);
  });

  it('a file that is not JSON: 無効 with a plain reason', async () => {
    await bundlePicker().setInputFiles({
      name: 'memo.sonae.json',
      mimeType: 'application/json',
      buffer: Buffer.from('これは JSON ではありません'),
    });
    await verdict()
      .getByRole('alert')
      .filter({ hasText: '無効: Sonae のファイル（JSON形式）として読めません。' })
      .waitFor();
  });

  it('an encrypted file: opened with the IT section’s key file, then checked', async () => {
    const bundle = await readFile(fixture('bundles/demo.sonae.json'));
    const { identity, recipient } = generateAgeIdentity();
    const sealed = joinBytes(
      await encryptAge(new Uint8Array(bundle), [x25519Recipient(parseAgeRecipient(recipient)!)]),
    );
    await bundlePicker().setInputFiles({
      name: 'demo.sonae.json.age',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(sealed),
    });
    const form = page.getByRole('region', {
      name: '暗号化されたファイルを開く: demo.sonae.json.age',
    });
    await form.getByLabel(/^暗号化を開く鍵ファイルを選ぶ/).setInputFiles({
      name: 'hokan.key',
      mimeType: 'text/plain',
      buffer: Buffer.from(formatAgeIdentityFile(identity, recipient, '2026-11-30T00:00:00Z')),
    });
    await screenshot(page, 'bundle-checker-age-key', true);
    await form.getByRole('button', { name: '開いて検証する' }).click();
    // The sender's key chosen before still applies to the bundle inside.
    await verdict()
      .getByRole('status')
      .filter({ hasText: /^有効: / })
      .waitFor();
    const hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    expect(await fact('ファイルの SHA-256（暗号化されたまま）').textContent()).toBe(
      hex(sealed).toUpperCase(),
    );
    expect(await fact('中身の SHA-256（開いたデータ交換ファイル）').textContent()).toBe(
      hex(bundle).toUpperCase(),
    );
    await screenshot(page, 'bundle-checker-age-valid', true);
  });

  it('made no request but the page itself, and logged no error', () => {
    expect(requests).toEqual([pageUrl]);
    expect(routed).toEqual([pageUrl]);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});
