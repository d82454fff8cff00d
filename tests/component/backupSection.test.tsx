import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Blob as NodeBlob } from 'node:buffer';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { loadLastBackupAt } from '../../src/db/backupState.ts';
import { getDatabase } from '../../src/db/instance.ts';
import { BackupSection } from '../../src/features/settings/BackupSection.tsx';
import { captureDownloads, type CapturedDownload } from '../downloadCapture.ts';
import { resetDeploymentConfig } from '../../src/features/exchange/deploymentConfig.ts';
import { serveDeploymentConfig } from '../deploymentConfigStub.ts';
import { decryptAge } from '../../src/exchange/age/age.ts';
import {
  generateAgeIdentity,
  parseAgeIdentity,
  scryptIdentity,
  x25519Identity,
} from '../../src/exchange/age/ageRecipients.ts';

// Issue 14, item 2: 設定 → バックアップ. A key goes in only behind a passphrase typed twice;
// a bad one is refused in Japanese and nothing is written. PRODUCT.md decision 4: the backup is
// encrypted with age to the IT section's recipients when the config lists them, else to a
// passphrase; in clear only when chosen.

let created: CapturedDownload[];

beforeEach(async () => {
  vi.stubGlobal('Blob', NodeBlob);
  created = captureDownloads();
  await freshDatabaseWithStation();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  resetDeploymentConfig();
});

async function bytesOf(download: CapturedDownload): Promise<Uint8Array> {
  return new Uint8Array(await download.blob.arrayBuffer());
}

describe('BackupSection', () => {
  it('refuses a short or mistyped passphrase for the key, writing nothing', async () => {
    const user = userEvent.setup();
    render(<BackupSection />);
    expect(await screen.findByText('まだ作成していません')).toBeInTheDocument();
    await user.click(await screen.findByRole('radio', { name: '暗号化しない' }));
    await user.click(screen.getByLabelText(/署名鍵も含める/));
    await user.type(screen.getByLabelText('鍵のパスフレーズ'), 'short');
    await user.click(screen.getByRole('button', { name: 'バックアップを作成' }));
    expect(await screen.findByText('パスフレーズは10文字以上にしてください。')).toBeInTheDocument();
    await user.type(screen.getByLabelText('鍵のパスフレーズ'), '-and-longer');
    await user.type(screen.getByLabelText('鍵のパスフレーズ（確認）'), 'something else');
    await user.click(screen.getByRole('button', { name: 'バックアップを作成' }));
    expect(await screen.findByText('確認用のパスフレーズが一致しません。')).toBeInTheDocument();
    expect(created).toHaveLength(0);
    expect(await loadLastBackupAt()).toBeNull();
    expect(await getDatabase().audit.where('action').equals('export').count()).toBe(0);
  });

  it('without recipients, asks for a passphrase and encrypts the backup to it', async () => {
    await serveDeploymentConfig();
    const user = userEvent.setup();
    render(<BackupSection />);
    const protection = await screen.findByRole('group', { name: '暗号化' });
    expect(screen.getByRole('radio', { name: 'パスフレーズで暗号化する' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'バックアップを作成' }));
    expect(await screen.findByText('パスフレーズは8文字以上にしてください。')).toBeInTheDocument();
    expect(created).toHaveLength(0);
    expect(await loadLastBackupAt()).toBeNull();
    await user.type(screen.getByLabelText('パスフレーズ'), 'hinan-kunren-2026');
    await user.type(screen.getByLabelText('パスフレーズ（確認）'), 'hinan-kunren-2026');
    expect(protection).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'バックアップを作成' }));
    // scrypt in pure JS takes a few seconds.
    expect(
      await screen.findByText(/を書き出しました.*パスフレーズで暗号化/, {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(created).toHaveLength(1);
    expect(created[0]!.fileName).toMatch(/^sonae-backup_.*\.sonae-backup\.zip\.age$/);
    const file = await bytesOf(created[0]!);
    const opened = await decryptAge(file, [scryptIdentity('hinan-kunren-2026')]);
    if (!opened.ok) throw new Error(opened.error.kind);
    expect([...opened.value.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const release = (await getDatabase().audit.orderBy('seq').last())?.release;
    expect(release).toMatchObject({ kind: 'backup', protection: 'passphrase' });
    expect(release?.innerSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(release?.innerSha256).not.toBe(release?.sha256);
    expect(await screen.findByText(/^\d{4}年\d{1,2}月\d{1,2}日/)).toBeInTheDocument();
  });

  it('with recipients in sonae.config.json, encrypts to them in one click', async () => {
    const { identity, recipient } = generateAgeIdentity();
    await serveDeploymentConfig({
      encryptionRecipients: [{ label: '情報政策課', recipient }],
    });
    const user = userEvent.setup();
    render(<BackupSection />);
    expect(await screen.findByRole('radio', { name: '宛先の鍵で暗号化する（age）' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'バックアップを作成' }));
    expect(await screen.findByText(/を書き出しました.*情報政策課あて暗号化/)).toBeInTheDocument();
    const opened = await decryptAge(await bytesOf(created[0]!), [
      x25519Identity(parseAgeIdentity(identity)!),
    ]);
    if (!opened.ok) throw new Error(opened.error.kind);
    expect([...opened.value.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    const release = (await getDatabase().audit.orderBy('seq').last())?.release;
    expect(release).toMatchObject({
      protection: 'recipients',
      recipients: [{ label: '情報政策課', recipient }],
    });
  });

  it('writes a clear backup when 暗号化しない is chosen, and shows when', async () => {
    await serveDeploymentConfig();
    const user = userEvent.setup();
    render(<BackupSection />);
    await user.click(await screen.findByRole('radio', { name: '暗号化しない' }));
    await user.click(screen.getByRole('button', { name: 'バックアップを作成' }));
    expect(await screen.findByText(/を書き出しました/)).toBeInTheDocument();
    expect(created).toHaveLength(1);
    expect(created[0]!.fileName).toMatch(/^sonae-backup_.*\.sonae-backup\.zip$/);
    expect([...(await bytesOf(created[0]!)).subarray(0, 2)]).toEqual([0x50, 0x4b]);
    expect(await screen.findByText(/^\d{4}年\d{1,2}月\d{1,2}日/)).toBeInTheDocument();
  });
});
