import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Blob as NodeBlob } from 'node:buffer';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { loadLastBackupAt } from '../../src/db/backupState.ts';
import { getDatabase } from '../../src/db/instance.ts';
import { BackupSection } from '../../src/features/settings/BackupSection.tsx';
import { captureDownloads, type CapturedDownload } from '../downloadCapture.ts';

// Issue 14, item 2: 設定 → バックアップ. A key goes in only behind a passphrase typed twice;
// a bad one is refused in Japanese and nothing is written.

let created: CapturedDownload[];

beforeEach(async () => {
  vi.stubGlobal('Blob', NodeBlob);
  created = captureDownloads();
  await freshDatabaseWithStation();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('BackupSection', () => {
  it('refuses a short or mistyped passphrase for the key, writing nothing', async () => {
    const user = userEvent.setup();
    render(<BackupSection />);
    expect(await screen.findByText('まだ作成していません')).toBeInTheDocument();
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

  it('writes the backup in one click and shows when', async () => {
    const user = userEvent.setup();
    render(<BackupSection />);
    await user.click(await screen.findByRole('button', { name: 'バックアップを作成' }));
    expect(await screen.findByText(/を書き出しました/)).toBeInTheDocument();
    expect(created).toHaveLength(1);
    expect(created[0]!.fileName).toMatch(/^sonae-backup_.*\.sonae-backup\.zip$/);
    expect(await screen.findByText(/^\d{4}年\d{1,2}月\d{1,2}日/)).toBeInTheDocument();
  });
});
