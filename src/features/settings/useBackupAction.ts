import { useState } from 'react';
import { createStationBackup, recordBackupWritten } from '../../db/backupWrite.ts';
import { describeStorageError } from '../../db/errors.ts';
import { formatBytes } from '../common/formatBytes.ts';
import { downloadFile } from '../exchange/download.ts';

export type BackupMessage = { kind: 'error' | 'success' | 'info'; text: string };

/** Passphrases for a key inside a backup follow the key backup's rule: 10 characters or more. */
export function checkNewPassphrase(passphrase: string, again: string): string | null {
  if (passphrase.length < 10) return 'パスフレーズは10文字以上にしてください。';
  if (passphrase !== again) return '確認用のパスフレーズが一致しません。';
  return null;
}

/**
 * One click → the whole-station backup is written (download), recorded in the 持ち出し記録 and
 * noted as the last backup. Shared by 設定 and the daily reminder.
 */
export function useBackupAction() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<BackupMessage | null>(null);

  async function run(passphrase: string | null = null): Promise<boolean> {
    setBusy(true);
    setMessage({
      kind: 'info',
      text: passphrase
        ? 'バックアップを作成しています（鍵の暗号化に数秒かかります）…'
        : 'バックアップを作成しています…',
    });
    try {
      const backup = await createStationBackup({ passphrase });
      downloadFile(backup.fileName, backup.blob, 'application/zip');
      setMessage({
        kind: 'info',
        text: `「${backup.fileName}」を書き出しています。持ち出し記録を書き込むまで、この画面を閉じないでください…`,
      });
      await recordBackupWritten(backup);
      setMessage({
        kind: 'success',
        text:
          `「${backup.fileName}」を書き出しました（記録 ${backup.records}件、添付 ${backup.attachments}件、` +
          `${formatBytes(backup.blob.size)}）。承認された媒体に保存し、この PC とは別の場所に保管してください。`,
      });
      return true;
    } catch (error) {
      setMessage({
        kind: 'error',
        text: `バックアップを作成できませんでした。${describeStorageError(error)}`,
      });
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { run, busy, message, clear: () => setMessage(null) };
}
