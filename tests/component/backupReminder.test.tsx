import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Blob as NodeBlob } from 'node:buffer';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { loadLastBackupAt, saveLastBackupAt } from '../../src/db/backupState.ts';
import { getDatabase } from '../../src/db/instance.ts';
import { resetDeploymentConfig } from '../../src/features/exchange/deploymentConfig.ts';
import { serveDeploymentConfig } from '../deploymentConfigStub.ts';
import { captureDownloads } from '../downloadCapture.ts';
import { generateAgeIdentity } from '../../src/exchange/age/ageRecipients.ts';
import { BackupReminder, BACKUP_REMINDER_DISMISSED_KEY } from '../../src/app/BackupReminder.tsx';
import { ConfigWarnings } from '../../src/features/settings/ConfigWarnings.tsx';

// Issue 14, item 3: no backup for the configured days → said once a day, with the one-click backup.

const DAY = 86_400_000;

function renderReminder() {
  return render(
    <MemoryRouter>
      <BackupReminder />
    </MemoryRouter>,
  );
}

beforeEach(async () => {
  vi.stubGlobal('Blob', NodeBlob);
  localStorage.clear();
  await freshDatabaseWithStation();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  resetDeploymentConfig();
});

describe('BackupReminder', () => {
  it('says how long ago the last backup was, and keeps quiet for the day once closed', async () => {
    await serveDeploymentConfig();
    await saveLastBackupAt(new Date(Date.now() - 40 * DAY).toISOString());
    const user = userEvent.setup();
    const { unmount } = renderReminder();
    expect(await screen.findByText(/最後のバックアップから40日たっています/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '今日は表示しない' }));
    expect(screen.queryByText(/最後のバックアップから/)).toBeNull();
    expect(localStorage.getItem(BACKUP_REMINDER_DISMISSED_KEY)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    unmount();
    renderReminder();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText(/最後のバックアップから/)).toBeNull();
  });

  it('takes its period from sonae.config.json (backupReminderDays)', async () => {
    await serveDeploymentConfig({ backupReminderDays: 60 });
    await saveLastBackupAt(new Date(Date.now() - 40 * DAY).toISOString());
    renderReminder();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.queryByText(/最後のバックアップから/)).toBeNull();
  });

  it('without recipients, sends the person to 設定 to choose a passphrase (no one-click backup)', async () => {
    await serveDeploymentConfig();
    await saveLastBackupAt(new Date(Date.now() - 31 * DAY).toISOString());
    renderReminder();
    expect(
      await screen.findByRole('link', {
        name: '設定でバックアップを作成（パスフレーズを決めます）',
      }),
    ).toHaveAttribute('href', '/settings');
    expect(screen.queryByRole('button', { name: '今すぐバックアップ' })).toBeNull();
  });

  it('writes the backup in one click, encrypted to the IT section, records it and notes the time', async () => {
    const { recipient } = generateAgeIdentity();
    await serveDeploymentConfig({ encryptionRecipients: [{ label: '情報政策課', recipient }] });
    await saveLastBackupAt(new Date(Date.now() - 31 * DAY).toISOString());
    const created = captureDownloads();
    const user = userEvent.setup();
    renderReminder();
    await user.click(await screen.findByRole('button', { name: '今すぐバックアップ' }));
    expect(await screen.findByText(/を書き出しました（記録 0件、添付 0件/)).toBeInTheDocument();
    expect(created).toHaveLength(1);
    expect(Date.now() - Date.parse((await loadLastBackupAt())!)).toBeLessThan(60_000);
    const last = await getDatabase().audit.orderBy('seq').last();
    expect(last?.release?.kind).toBe('backup');
    expect(last?.release?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(last?.release?.protection).toBe('recipients');
    expect(created[0]!.fileName).toMatch(/\.sonae-backup\.zip\.age$/);
  });
});

describe('ConfigWarnings', () => {
  it('shows the config file’s warnings (unknown keys) in 設定', async () => {
    await serveDeploymentConfig({ backupReminderDay: 10 });
    render(<ConfigWarnings />);
    expect(await screen.findByText(/配布設定ファイル/)).toBeInTheDocument();
    expect(screen.getByText(/backupReminderDay/)).toBeInTheDocument();
  });
});
