import { useState, type FormEvent } from 'react';
import { checkBackupFile, type BackupPreview } from '../../db/backupRead.ts';
import { restoreBackup } from '../../db/backupRestore.ts';
import { mergeBackup } from '../../db/backupMerge.ts';
import { describeStorageError } from '../../db/errors.ts';
import { describeBackupError } from '../../exchange/backup/backupFormat.ts';
import { Banner } from '../common/Banner.tsx';
import { Field } from '../common/Field.tsx';
import { BackupPreviewPanel } from './BackupPreviewPanel.tsx';
import { readBlobBytes } from '../../db/blobBytes.ts';
import { isAgeFile } from '../../exchange/age/age.ts';
import { AGE_FILE_SUFFIX } from '../../exchange/age/ageFiles.ts';
import { openEncryptedBlob, type OpenInput } from '../exchange/openEncryptedBundle.ts';
import { decryptPrompts, PassphrasePrompt } from '../exchange/PassphrasePrompt.tsx';
import { useKnownRecipients } from '../exchange/useKnownRecipients.ts';

/** An encrypted backup waiting for a passphrase: the station key's, or the file's own. */
interface Locked {
  file: File;
  for: 'identity' | 'file';
  error: string | null;
}
import type { BackupMessage } from './useBackupAction.ts';

/**
 * 復元: choose a backup file → every check (signature, each part's hash and size, version,
 * free space) → a preview of the file and of this station → restore into an empty station,
 * or merge into one that holds data. On 設定 and on the first-run screen.
 */
export function RestoreSection({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const [preview, setPreview] = useState<BackupPreview | null>(null);
  const [message, setMessage] = useState<BackupMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [locked, setLocked] = useState<Locked | null>(null);
  const recipients = useKnownRecipients();
  const Heading = `h${headingLevel}` as const;

  /** Checks a backup; an age-encrypted one (decision 4) is decrypted first, in slices. */
  async function choose(
    file: File | undefined,
    keys: Omit<OpenInput, 'configuredRecipients'> = {},
  ) {
    setPreview(null);
    setLocked(null);
    if (!file) return;
    setBusy(true);
    setMessage({ kind: 'info', text: `「${file.name}」を確認しています…` });
    try {
      let backup: Blob = file;
      let name = file.name;
      if (isAgeFile(await readBlobBytes(file.slice(0, 4096)))) {
        const opened = await openEncryptedBlob(
          file,
          { ...keys, configuredRecipients: recipients?.known ?? [] },
          'application/zip',
        );
        if (opened.status === 'needPassphrase') {
          setLocked({ file, for: opened.for, error: opened.message });
          setMessage(null);
          return;
        }
        if (opened.status === 'refused') {
          setMessage({ kind: 'error', text: `${opened.message} データは変更していません。` });
          return;
        }
        backup = opened.blob;
        if (name.endsWith(AGE_FILE_SUFFIX)) name = name.slice(0, -AGE_FILE_SUFFIX.length);
      }
      const checked = await checkBackupFile(name, backup);
      if (checked.ok) {
        setPreview(checked.preview);
        setMessage(null);
      } else setMessage({ kind: 'error', text: describeBackupError(checked.error) });
    } catch (error) {
      setMessage({ kind: 'error', text: describeStorageError(error) });
    } finally {
      setBusy(false);
    }
  }

  async function apply(event: FormEvent) {
    event.preventDefault();
    if (!preview) return;
    setBusy(true);
    setMessage({ kind: 'info', text: '復元しています。画面を閉じずにお待ちください…' });
    try {
      const result = preview.isEmptyHere
        ? await restoreBackup(preview, passphrase || null)
        : await mergeBackup(preview);
      if (!result.ok) {
        setMessage({ kind: 'error', text: describeBackupError(result.error) });
        return;
      }
      setPreview(null);
      setPassphrase('');
      setMessage({
        kind: 'success',
        text:
          result.mode === 'replace'
            ? `復元しました（記録 ${result.records}件、添付 ${result.attachments}件）。`
            : `統合しました（記録 ${result.records}件を追加・更新、添付 ${result.attachments}件を追加）。同じ記録が両方で編集されていたものは「競合」として両方を残しています。`,
      });
    } catch (error) {
      setMessage({ kind: 'error', text: describeStorageError(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card restore-section" aria-labelledby="restore-heading">
      <Heading id="restore-heading">復元</Heading>
      <p>
        「バックアップ」で作ったファイル（.sonae-backup.zip、暗号化したものは
        .sonae-backup.zip.age）から、この端末のデータを元に戻します。PC
        を入れ替えたとき、ブラウザーのデータが消えたとき、備えのアドレスが変わったときに使います。
      </p>
      {message ? <Banner kind={message.kind}>{message.text}</Banner> : null}
      <Field label="バックアップファイル">
        <input
          type="file"
          accept=".zip,.age"
          disabled={busy}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </Field>
      {locked ? (
        <PassphrasePrompt
          label={decryptPrompts[locked.for].label}
          hint={decryptPrompts[locked.for].hint}
          error={locked.error}
          onSubmit={(value) =>
            void choose(locked.file, { [decryptPrompts[locked.for].field]: value })
          }
          onCancel={() => setLocked(null)}
        />
      ) : null}
      {preview ? (
        <form className="form" onSubmit={apply} noValidate>
          <BackupPreviewPanel preview={preview} />
          {preview.isEmptyHere && preview.manifest.privateKey ? (
            <Field
              label="署名鍵のパスフレーズ"
              hint="ファイルには署名鍵が含まれています。パスフレーズを入れると鍵も復元します。空欄なら鍵は復元せず、この端末で新しい鍵を作ります。"
            >
              <input
                type="password"
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
                autoComplete="current-password"
              />
            </Field>
          ) : null}
          {preview.isEmptyHere && preview.manifest.privateKey && passphrase ? (
            <Banner kind="info">
              鍵を復元すると、この PC が元の端末と同じ署名をします。元の PC
              ではこの鍵をもう使わないでください（元の PC
              で「すべて消して最初からやり直す」を行うか、新しい鍵を作ってください）。
            </Banner>
          ) : null}
          <div className="actions">
            <button type="submit" disabled={busy}>
              {preview.isEmptyHere ? 'このバックアップで復元' : '統合して復元'}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => setPreview(null)}
            >
              やめる
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
