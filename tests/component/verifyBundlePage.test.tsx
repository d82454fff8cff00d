import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { VerifyBundlePage } from '../../src/features/exchange/VerifyBundlePage.tsx';
import { exchangeTables } from '../../src/db/exchangeTables.ts';
import { resetDeploymentConfig } from '../../src/features/exchange/deploymentConfig.ts';
import { computeKeyId, decodePublicKeyPem } from '../../src/exchange/keys.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';

// Issue 10, item 6: 「ファイルの検証」 (#/exchange/verify) gives the verdict on a bundle file —
// signature, signer and whether this PC trusts it, counts, created at, the file's SHA-256 — and
// never imports: every table of the database is the same afterwards.

const ROOT = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string) => readFileSync(path.join(ROOT, 'tests/fixtures', name));
const DEMO_PEM = fixture('keys/demo-public.pem').toString('utf8');
const OTHER_PEM = fixture('keys/other-public.pem').toString('utf8');
const DEMO_FINGERPRINT = '6354-6637-0957-1645-5690';

let db: SonaeDatabase;

/** Every row of every table, to prove that checking a file wrote nothing. */
async function everything(): Promise<string> {
  const dump: Record<string, unknown[]> = {};
  for (const table of db.tables) dump[table.name] = await table.toArray();
  return JSON.stringify(dump);
}

function keyRow(pem: string, label: string) {
  const decoded = decodePublicKeyPem(pem);
  if (!decoded.ok) throw new Error('bad fixture key');
  return {
    keyId: computeKeyId(decoded.publicKey),
    publicKeyPem: pem,
    label,
    role: 'it-section' as const,
    addedAt: '2026-11-20T01:00:00.000Z',
    addedBy: '山田 花子',
    source: 'user' as const,
  };
}

function renderPage() {
  render(
    <MemoryRouter>
      <VerifyBundlePage />
    </MemoryRouter>,
  );
}

const file = (name: string, bytes: Uint8Array | string) =>
  new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name);
const chooseBundle = (f: File) =>
  userEvent.setup().upload(screen.getByLabelText('検証するファイルを選ぶ'), f);

afterEach(() => vi.unstubAllGlobals());

beforeEach(async () => {
  ({ db } = await freshDatabaseWithStation());
  resetDeploymentConfig();
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
});

describe('ファイルの検証', () => {
  it('a good file: 有効, who signed it, that this PC trusts the key, counts, SHA-256; nothing written', async () => {
    await exchangeTables(db).trustedKeys.put(keyRow(DEMO_PEM, '情報政策課'));
    const before = await everything();
    renderPage();
    const bytes = fixture('bundles/demo.sonae.json');
    await chooseBundle(file('demo.sonae.json', bytes));

    const verdict = await screen.findByRole('region', { name: /検証結果: demo.sonae.json/ });
    expect(within(verdict).getByRole('status')).toHaveTextContent(/^有効/);
    expect(verdict).toHaveTextContent(DEMO_FINGERPRINT);
    expect(verdict).toHaveTextContent(
      'この PC の「信頼する鍵」に登録済みです: 情報政策課（情報システム担当課',
    );
    expect(verdict).toHaveTextContent(bytesToHex(sha256(new Uint8Array(bytes))));
    expect(verdict).toHaveTextContent('架空市 情報政策課 管理PC-01（情報政策課）');
    expect(verdict).toHaveTextContent('2026年11月21日');
    expect(verdict).toHaveTextContent('連絡先 2件（うち削除 1件）');
    expect(verdict).toHaveTextContent('添付ファイル 1件');
    expect(await everything()).toBe(before);
  });

  it('a key pre-trusted by sonae.config.json is named as such', async () => {
    const config = {
      format: 'sonae-config',
      version: 1,
      trustedKeys: [{ label: '情報政策課', role: 'it-section', publicKeyPem: DEMO_PEM }],
    };
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify(config))));
    renderPage();
    await chooseBundle(file('demo.sonae.json', fixture('bundles/demo.sonae.json')));
    const verdict = await screen.findByRole('region', { name: /検証結果/ });
    expect(verdict).toHaveTextContent(/^検証結果: demo.sonae.json有効/);
    expect(verdict).toHaveTextContent('配布設定（sonae.config.json）で信頼している鍵です');
  });

  it('a tampered file: 無効 with the reason of describeBundleError; nothing written', async () => {
    await exchangeTables(db).trustedKeys.put(keyRow(DEMO_PEM, '情報政策課'));
    const before = await everything();
    renderPage();
    await chooseBundle(file('tampered.sonae.json', fixture('bundles/tampered.sonae.json')));
    const verdict = await screen.findByRole('region', { name: /検証結果/ });
    expect(within(verdict).getByRole('alert')).toHaveTextContent(/^無効: .*署名が一致しません/);
    expect(verdict).toHaveTextContent('内容確かめられないため表示しません。');

    // Signed by another key in the demo key's name: the contents are whole, so they are shown,
    // marked as unconfirmed.
    await chooseBundle(file('wrong-key.sonae.json', fixture('bundles/wrong-key.sonae.json')));
    const wrongKey = await screen.findByRole('region', { name: /検証結果: wrong-key/ });
    expect(within(wrongKey).getByRole('alert')).toHaveTextContent(/^無効: .*署名が一致しません/);
    expect(wrongKey).toHaveTextContent(DEMO_FINGERPRINT);
    expect(wrongKey.parentElement).toHaveTextContent('ファイルに書かれているだけの内容です');
    expect(await everything()).toBe(before);
  });

  it('a file that is not JSON: 無効 with a plain reason and its SHA-256; nothing written', async () => {
    const before = await everything();
    renderPage();
    await chooseBundle(file('memo.sonae.json', 'これは JSON ではありません'));
    const verdict = await screen.findByRole('region', { name: /検証結果: memo.sonae.json/ });
    expect(within(verdict).getByRole('alert')).toHaveTextContent(/^無効: /);
    expect(verdict).toHaveTextContent('内容確かめられないため表示しません。');
    expect(verdict).toHaveTextContent(
      bytesToHex(sha256(new TextEncoder().encode('これは JSON ではありません'))),
    );
    expect(await everything()).toBe(before);
  });

  it('an untrusted key: 未確認, then checked with the sender’s .pem without registering it', async () => {
    const before = await everything();
    renderPage();
    await chooseBundle(file('untrusted.sonae.json', fixture('bundles/untrusted.sonae.json')));
    const verdict = await screen.findByRole('region', { name: /検証結果/ });
    expect(within(verdict).getByRole('status')).toHaveTextContent(/^未確認/);
    expect(verdict).toHaveTextContent('この鍵を信頼していません');

    const user = userEvent.setup();
    const picker = screen.getByLabelText('公開鍵ファイルを選ぶ');
    await user.upload(picker, file('demo-public.pem', DEMO_PEM));
    expect(await screen.findByText(/このファイルに署名した鍵ではありません/)).toBeInTheDocument();

    await user.upload(picker, file('other-public.pem', OTHER_PEM));
    const checked = await screen.findByText(/選んだ公開鍵ファイル（other-public.pem）の鍵です/);
    expect(checked.closest('section')).toHaveTextContent(/有効: 信頼する鍵で正しく署名/);
    expect(await everything()).toBe(before);
    expect(await exchangeTables(db).trustedKeys.count()).toBe(0);
  });

  it('a dropped file is checked the same way', async () => {
    await exchangeTables(db).trustedKeys.put(keyRow(DEMO_PEM, '情報政策課'));
    renderPage();
    const dropped = file('demo.sonae.json', fixture('bundles/demo.sonae.json'));
    fireEvent.drop(screen.getByTestId('verify-drop'), { dataTransfer: { files: [dropped] } });
    const verdict = await screen.findByRole('region', { name: /検証結果: demo.sonae.json/ });
    expect(within(verdict).getByRole('status')).toHaveTextContent(/^有効/);
  });
});
