import { useState } from 'react';
import { protectBlob } from '../../db/ageProtection.ts';
import { createStationBackup, recordBackupWritten } from '../../db/backupWrite.ts';
import type { ExportProtection } from '../../db/exportProtection.ts';
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
 * One click → the whole-station backup is written, encrypted with age to the IT section's
 * recipients or to a passphrase (PRODUCT.md decision 4; in clear only as the audited
 * exception), downloaded, recorded in the 持ち出し記録 and noted as the last backup. Shared by
 * 設定 and the daily reminder.
 */
export function useBackupAction() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<BackupMessage | null>(null);

  /** `keyPassphrase`: include the station's signing key, protected by it. */
  async function run(
    protection: ExportProtection,
    keyPassphrase: string | null = null,
  ): Promise<boolean> {
    setBusy(true);
    const slow = [
      keyPassphrase ? '鍵の暗号化' : '',
      protection.kind === 'passphrase' ? 'パスフレーズからの鍵の生成' : '',
    ].filter(Boolean);
    setMessage({
      kind: 'info',
      text: slow.length
        ? `バックアップを作成しています（${slow.join('と')}に数秒かかります）…`
        : 'バックアップを作成しています…',
    });
    try {
      const backup = await createStationBackup({ passphrase: keyPassphrase });
      const file = await protectBlob(backup.fileName, backup.blob, protection);
      downloadFile(
        file.fileName,
        file.blob,
        file.encrypted ? 'application/octet-stream' : 'application/zip',
      );
      setMessage({
        kind: 'info',
        text: `「${file.fileName}」を書き出しています。持ち出し記録を書き込むまで、この画面を閉じないでください…`,
      });
      await recordBackupWritten(backup, file);
      const sealed = file.note ? `、${file.note}` : '';
      setMessage({
        kind: 'success',
        text:
          `「${file.fileName}」を書き出しました（記録 ${backup.records}件、添付 ${backup.attachments}件、` +
          `${formatBytes(file.blob.size)}${sealed}）。承認された媒体に保存し、この PC とは別の場所に保管してください。`,
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
