import { useState, type FormEvent } from 'react';
import { useLastBackupAt } from '../../db/backupState.ts';
import { useCanEditMasterData } from '../common/masterDataAccess.tsx';
import { ExportProtectionFields } from '../exchange/ExportProtectionFields.tsx';
import {
  initialChoice,
  protectionOf,
  type ProtectionChoice,
} from '../exchange/exportProtectionChoice.ts';
import { useKnownRecipients } from '../exchange/useKnownRecipients.ts';
import { formatDateTimeJa } from '../../domain/dateTime.ts';
import { Banner } from '../common/Banner.tsx';
import { NewPassphraseFields } from './NewPassphraseFields.tsx';
import { checkNewPassphrase, useBackupAction } from './useBackupAction.ts';

/** 設定 → バックアップ: the whole station in one file, in one click (docs/backup.md). */
export function BackupSection() {
  const lastBackupAt = useLastBackupAt();
  const { run, busy, message } = useBackupAction();
  const [withKey, setWithKey] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // Encrypted like an export (decision 4): to the IT section's keys, else with a passphrase.
  const [choice, setChoice] = useState<ProtectionChoice>(initialChoice([], 'passphrase'));
  const recipients = useKnownRecipients((known) => setChoice(initialChoice(known, 'passphrase')));
  const canChoose = useCanEditMasterData();
  const [protectionProblem, setProtectionProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!recipients) return;
    const protection = protectionOf(choice, recipients.known, recipients.seen);
    setProtectionProblem(protection.ok ? null : protection.message);
    const invalid = withKey ? checkNewPassphrase(passphrase, again) : null;
    setProblem(invalid);
    if (invalid || !protection.ok) return;
    if (await run(protection.protection, withKey ? passphrase : null)) {
      setPassphrase('');
      setAgain('');
      setChoice(initialChoice(recipients.known, 'passphrase'));
    }
  }

  return (
    <section className="card backup-section" aria-labelledby="backup-heading">
      <h2 id="backup-heading">バックアップ</h2>
      <p>
        この端末のデータ（記録と版の履歴、添付ファイル、操作履歴、取り込み履歴、信頼する鍵、設定、下書き）を1つのファイルにまとめて保存します。PC
        の入れ替え・初期化や、備えのアドレスが変わったときに「復元」で元に戻せます。
      </p>
      <p>
        最後のバックアップ:{' '}
        <strong data-testid="last-backup-at">
          {lastBackupAt === undefined
            ? '確認中…'
            : lastBackupAt
              ? formatDateTimeJa(lastBackupAt)
              : 'まだ作成していません'}
        </strong>
      </p>
      {message ? <Banner kind={message.kind}>{message.text}</Banner> : null}
      <form className="form" onSubmit={submit} noValidate>
        {recipients ? (
          <ExportProtectionFields
            value={choice}
            onChange={setChoice}
            known={recipients.known}
            canChoose={canChoose === true}
            hasSeenRecipients={recipients.seen}
            name="backup-protection"
            encryptedFile="….sonae-backup.zip.age"
          />
        ) : null}
        {protectionProblem ? <Banner kind="error">{protectionProblem}</Banner> : null}
        <label className="choice">
          <input type="checkbox" checked={withKey} onChange={(e) => setWithKey(e.target.checked)} />
          <span>この端末の署名鍵も含める（パスフレーズで保護します）</span>
        </label>
        {withKey ? (
          <>
            <p className="hint">
              新しい PC
              でも同じ鍵で署名を続けるときに含めます。パスフレーズはファイルとは別に保管してください。
            </p>
            <NewPassphraseFields
              label="鍵のパスフレーズ"
              hint="10文字以上。忘れると鍵を復元できません"
              error={problem}
              value={passphrase}
              again={again}
              onChange={setPassphrase}
              onAgainChange={setAgain}
            />
          </>
        ) : null}
        <div className="actions">
          <button type="submit" disabled={busy || !recipients}>
            {busy ? '作成中…' : 'バックアップを作成'}
          </button>
        </div>
      </form>
    </section>
  );
}
