import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { ImportSection } from '../../src/features/exchange/ImportSection.tsx';
import { TrustKeyForm } from '../../src/features/exchange/TrustKeyForm.tsx';
import { exchangeTables } from '../../src/db/exchangeTables.ts';
import { resetDeploymentConfig } from '../../src/features/exchange/deploymentConfig.ts';
import {
  computeKeyId,
  encodePublicKeyPem,
  formatKeyFingerprint,
  generateKeyPair,
} from '../../src/exchange/keys.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';

let db: SonaeDatabase;

afterEach(() => {
  vi.unstubAllGlobals();
});

beforeEach(async () => {
  ({ db } = await freshDatabaseWithStation());
  resetDeploymentConfig();
  // No server in jsdom: the config fetch fails and counts as absent.
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
});

describe('取り込む', () => {
  it('refuses a file that is not a Sonae bundle with a Japanese reason and changes nothing', async () => {
    const user = userEvent.setup();
    render(
      <MemoryRouter>
        <ImportSection />
      </MemoryRouter>,
    );
    const before = await db.audit.count();
    await user.upload(
      screen.getByLabelText('取り込むファイルを選ぶ'),
      new File(['{"hello": 1}'], 'memo.json'),
    );
    await screen.findByText(/取り込めません: Sonae のデータファイルではありません。/);
    expect(screen.queryByRole('button', { name: '取り込む' })).toBeNull();
    expect(await db.audit.count()).toBe(before);
    expect(await exchangeTables(db).imports.count()).toBe(0);
  });
});

describe('信頼する鍵を追加', () => {
  it('accepts a key only when the typed fingerprint matches, and audits it', async () => {
    const user = userEvent.setup();
    render(<TrustKeyForm />);
    const { publicKey } = generateKeyPair();
    const fingerprint = formatKeyFingerprint(computeKeyId(publicKey));
    await user.upload(
      screen.getByLabelText('公開鍵ファイル'),
      new File([encodePublicKeyPem(publicKey)], 'k.pem'),
    );
    await screen.findByText(fingerprint);
    await user.type(screen.getByLabelText('名前'), '市民課');
    await user.type(screen.getByLabelText(/確認した指紋/), '1234-5678-9012-3456-7890');
    await user.click(screen.getByRole('button', { name: '指紋を確認して信頼する' }));
    await screen.findByText(/一致しません/);
    expect(await exchangeTables(db).trustedKeys.count()).toBe(0);

    await user.clear(screen.getByLabelText(/確認した指紋/));
    // Spaces instead of dashes, as people type them, are accepted.
    await user.type(screen.getByLabelText(/確認した指紋/), fingerprint.replace(/-/g, ' '));
    await user.click(screen.getByRole('button', { name: '指紋を確認して信頼する' }));
    await screen.findByText('「市民課」の鍵を信頼する鍵に登録しました。');
    expect(await exchangeTables(db).trustedKeys.toArray()).toEqual([
      expect.objectContaining({ label: '市民課', role: 'department', source: 'user' }),
    ]);
    expect((await db.audit.toArray()).at(-1)!.summary).toContain(fingerprint);
  });

  it('refuses a file that is not a public key', async () => {
    const user = userEvent.setup();
    render(<TrustKeyForm />);
    await user.upload(screen.getByLabelText('公開鍵ファイル'), new File(['hello'], 'k.pem'));
    await screen.findByText(/PEM形式/);
  });
});
