// 取り込む with hostile files (issue #12): a huge file is refused from its size alone (item 14);
// control and bidi characters from a file are shown as \uXXXX, never obeyed (item 15).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { ImportSection } from '../../src/features/exchange/ImportSection.tsx';
import { HistorySection } from '../../src/features/exchange/HistorySection.tsx';
import { KeysSection } from '../../src/features/exchange/KeysSection.tsx';
import { exchangeTables } from '../../src/db/exchangeTables.ts';
import { resetDeploymentConfig } from '../../src/features/exchange/deploymentConfig.ts';
import { serializeBundle } from '../../src/exchange/createBundle.ts';
import { derivePublicKey, encodePublicKeyPem } from '../../src/exchange/keys.ts';
import { demoKey, demoTrusted, otherKey, signedBundle } from '../unit/exchange/bundleHelpers.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';

/** What a screen must never contain raw: C0, DEL, C1, bidi embeddings/overrides/isolates. */
// eslint-disable-next-line no-control-regex -- the characters under test
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let db: SonaeDatabase;

beforeEach(async () => {
  ({ db } = await freshDatabaseWithStation());
  resetDeploymentConfig();
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function renderExchange() {
  return render(
    <MemoryRouter>
      <ImportSection />
      <HistorySection />
    </MemoryRouter>,
  );
}

describe('item 14: a huge file is refused from File.size, before any byte is read', () => {
  it('says 「ファイルが大きすぎます」 at once and never calls arrayBuffer or FileReader', async () => {
    const user = userEvent.setup();
    renderExchange();
    const huge = new File(['{}'], '全庁バックアップ.sonae.json', { type: 'application/json' });
    Object.defineProperty(huge, 'size', { value: 2.5 * 1024 * 1024 * 1024 });
    const reads = [
      vi.fn(() => Promise.reject(new DOMException('read', 'NotReadableError'))),
      vi.fn(),
      vi.fn(),
    ];
    Object.assign(huge, { arrayBuffer: reads[0], text: reads[1], stream: reads[2] });
    const readAsArrayBuffer = vi.spyOn(FileReader.prototype, 'readAsArrayBuffer');
    const fetch = vi.fn(() => Promise.reject(new TypeError('offline')));
    vi.stubGlobal('fetch', fetch);

    await user.upload(screen.getByLabelText('取り込むファイルを選ぶ'), huge);
    expect(
      await screen.findByText(
        '取り込めません: ファイルが大きすぎます（2560 MB）。読み込めるのは 200 MB までです。 データは変更していません。',
      ),
    ).toBeInTheDocument();
    for (const read of reads) expect(read).not.toHaveBeenCalled();
    expect(readAsArrayBuffer).not.toHaveBeenCalled();
    // Refused before anything else was even looked up (the deployment config is not fetched).
    expect(fetch).not.toHaveBeenCalled();
    expect(screen.queryByText('ファイルを確認しています…')).toBeNull();
    expect(await exchangeTables(db).imports.count()).toBe(0);
  });
});

describe('item 15: control and bidi characters from a file are shown, not obeyed', () => {
  it('an unknown key’s label: escaped in the refusal, the trust dialog and the name offered', async () => {
    const user = userEvent.setup();
    renderExchange();
    const label = '市民課\r\u001b[2K\u001b[32m有効\u202e課民市';
    const bytes = serializeBundle(signedBundle((b) => void (b.issuer.label = label), otherKey));
    await user.upload(
      screen.getByLabelText('取り込むファイルを選ぶ'),
      new File([bytes], 'from-dept.sonae.json'),
    );
    const shown = '市民課\\u000d\\u001b[2K\\u001b[32m有効\\u202e課民市';
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`信頼していない鍵で署名されています（発行元「${shown}」`);
    expect(screen.getByText(`発行元「${shown}」の鍵の指紋:`, { exact: false })).toBeVisible();
    expect(screen.getByLabelText('名前')).toHaveValue(shown);
    expect(document.body.textContent).not.toMatch(UNSAFE);
  });

  it('the preview and the import history show the file name, labels and titles escaped', async () => {
    const user = userEvent.setup();
    await exchangeTables(db).trustedKeys.put({
      keyId: demoTrusted.keyId,
      publicKeyPem: encodePublicKeyPem(derivePublicKey(demoKey)),
      label: '情報政策課',
      role: 'it-section',
      addedAt: '2026-11-21T00:00:00.000Z',
      addedBy: 'test',
      source: 'user',
    });
    renderExchange();
    const bundle = signedBundle((b) => {
      b.issuer.label = '情報政策課\u2066\u001b]0;x\u0007';
      const incident = b.records.find((r) => r.type === 'incident')!;
      (incident.data as { title: string }).title = '住民票\u202egpj.exe';
    });
    await user.upload(
      screen.getByLabelText('取り込むファイルを選ぶ'),
      new File([serializeBundle(bundle)], 'report\u202enosj.sonae.json'),
    );
    expect(
      await screen.findByRole('heading', { name: '取り込みの確認: report\\u202enosj.sonae.json' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/発行元: 情報政策課\\u2066\\u001b\]0;x\\u0007（署名:/)).toBeVisible();
    expect(screen.getByRole('cell', { name: '住民票\\u202egpj.exe' })).toBeVisible();
    expect(document.body.textContent).not.toMatch(UNSAFE);

    await user.click(screen.getByRole('button', { name: '取り込む' }));
    await screen.findByText(/「report\\u202enosj\.sonae\.json」を取り込みました/);
    const history = screen.getByRole('region', { name: '取り込み履歴' });
    expect(await within(history).findByText('report\\u202enosj.sonae.json')).toBeVisible();
    expect(within(history).getByText('情報政策課\\u2066\\u001b]0;x\\u0007')).toBeVisible();
    expect(document.body.textContent).not.toMatch(UNSAFE);
  });

  it('設定: a trusted key’s stored label is listed escaped', async () => {
    await exchangeTables(db).trustedKeys.put({
      keyId: demoTrusted.keyId,
      publicKeyPem: encodePublicKeyPem(derivePublicKey(demoKey)),
      // Stored by an older version that kept the label from the file as it was.
      label: '市民課\u202e\u001b[8m',
      role: 'department',
      addedAt: '2026-11-21T00:00:00.000Z',
      addedBy: 'test',
      source: 'user',
    });
    render(<KeysSection />);
    expect(await screen.findByRole('rowheader', { name: '市民課\\u202e\\u001b[8m' })).toBeVisible();
    expect(
      screen.getByRole('button', { name: '市民課\\u202e\\u001b[8mの鍵の信頼を取り消す' }),
    ).toBeVisible();
    expect(document.body.textContent).not.toMatch(UNSAFE);
  });
});
