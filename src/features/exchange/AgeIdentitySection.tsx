import { useEffect, useState, type FormEvent } from 'react';
import {
  ageIdentityBackup,
  loadAgeIdentityInfo,
  removeAgeIdentity,
  saveAgeIdentity,
  type AgeIdentityInfo,
} from '../../db/ageIdentity.ts';
import { ConfirmBox } from '../common/ConfirmBox.tsx';
import { describeStorageError } from '../../db/errors.ts';
import { formatDateTimeShort } from '../../domain/dateTime.ts';
import { generateAgeIdentity } from '../../exchange/age/ageRecipients.ts';
import { Banner } from '../common/Banner.tsx';
import { Field } from '../common/Field.tsx';
import { downloadFile } from './download.ts';
import { NewPassphraseFields } from '../settings/NewPassphraseFields.tsx';
import { checkNewPassphrase } from '../settings/useBackupAction.ts';

/**
 * 設定 → 暗号化ファイルを開く鍵 (IT section): the age identity that opens the bundles
 * departments encrypt to it. Made here or pasted from age-keygen; kept only under a passphrase.
 */
export function AgeIdentitySection() {
  const [info, setInfo] = useState<AgeIdentityInfo | null | undefined>(undefined);
  const [mode, setMode] = useState<'generate' | 'import'>('generate');
  const [identity, setIdentity] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [message, setMessage] = useState<{
    kind: 'error' | 'success' | 'info';
    text: string;
  } | null>(null);

  useEffect(() => {
    let live = true;
    void loadAgeIdentityInfo().then((found) => live && setInfo(found));
    return () => {
      live = false;
    };
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const invalid = checkNewPassphrase(passphrase, again);
    if (invalid) return setMessage({ kind: 'error', text: invalid });
    const text = mode === 'generate' ? generateAgeIdentity().identity : identity;
    setBusy(true);
    setMessage({ kind: 'info', text: 'パスフレーズで鍵を暗号化しています（数秒かかります）…' });
    try {
      const saved = await saveAgeIdentity(
        text,
        passphrase,
        mode === 'generate' ? 'generated' : 'imported',
      );
      if (!saved)
        return setMessage({
          kind: 'error',
          text: 'age の秘密鍵（AGE-SECRET-KEY-1… で始まる1行）を1つだけ貼り付けてください。何も変更していません。',
        });
      setInfo(saved);
      setIdentity('');
      setPassphrase('');
      setAgain('');
      setMessage({
        kind: 'success',
        text: '鍵を保存しました。下の公開鍵（age1…）を sonae.config.json の encryptionRecipients に載せてください。',
      });
    } catch (error) {
      setMessage({ kind: 'error', text: describeStorageError(error) });
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setRemoving(false);
    try {
      await removeAgeIdentity();
      setInfo(null);
      setMessage({
        kind: 'success',
        text: '鍵をこの端末から削除しました。この鍵あての暗号化ファイルは、保管鍵などほかの鍵でしか開けません。',
      });
    } catch (error) {
      setMessage({ kind: 'error', text: describeStorageError(error) });
    }
  }

  async function backup() {
    const sealed = await ageIdentityBackup();
    if (sealed)
      downloadFile(
        'sonae-age-identity.key.age',
        new Blob([sealed as BlobPart]),
        'application/octet-stream',
      );
  }

  return (
    <section className="card" aria-labelledby="age-identity-heading">
      <h2 id="age-identity-heading">暗号化ファイルを開く鍵（age）</h2>
      <p className="hint">
        各課が暗号化して書き出したファイル（.sonae.json.age）は、この鍵でしか開けません。鍵はパスフレーズで暗号化して、この端末に保存します。
      </p>
      {message ? <Banner kind={message.kind}>{message.text}</Banner> : null}
      {info ? (
        <div>
          <p>
            公開鍵（宛先）: <code className="age-recipient">{info.recipient}</code>
          </p>
          <p className="hint">
            {info.source === 'generated' ? 'この端末で作成' : '登録'}:{' '}
            {formatDateTimeShort(info.createdAt)}
          </p>
          <div className="actions">
            <button type="button" onClick={() => void backup()}>
              鍵のバックアップを保存（パスフレーズで暗号化済み）
            </button>
            <button type="button" className="danger" onClick={() => setRemoving(true)}>
              この端末から鍵を削除
            </button>
          </div>
          {removing ? (
            <ConfirmBox
              confirmLabel="鍵を削除する"
              onConfirm={() => void remove()}
              onCancel={() => setRemoving(false)}
            >
              この端末から鍵を削除します。この鍵あての暗号化ファイルは、この端末では開けなくなります（鍵のバックアップや保管鍵があれば開けます）。
            </ConfirmBox>
          ) : null}
        </div>
      ) : info === null ? (
        <p>この端末には、まだ鍵がありません。</p>
      ) : null}
      <details className="age-identity-form" open={info === null}>
        <summary>{info ? '別の鍵に替える' : '鍵を用意する'}</summary>
        <form className="form" onSubmit={submit} noValidate>
          <fieldset>
            <legend>鍵</legend>
            <label>
              <input
                type="radio"
                name="age-identity-mode"
                checked={mode === 'generate'}
                onChange={() => setMode('generate')}
              />
              新しく作る
            </label>{' '}
            <label>
              <input
                type="radio"
                name="age-identity-mode"
                checked={mode === 'import'}
                onChange={() => setMode('import')}
              />
              age-keygen で作った鍵を登録する
            </label>
          </fieldset>
          {mode === 'import' ? (
            <Field label="秘密鍵（AGE-SECRET-KEY-1…）">
              <textarea
                rows={3}
                spellCheck={false}
                value={identity}
                onChange={(e) => setIdentity(e.target.value)}
              />
            </Field>
          ) : null}
          <NewPassphraseFields
            label="鍵を守るパスフレーズ"
            hint="10文字以上。ファイルを開くときに尋ねます。忘れると開けません"
            error={null}
            value={passphrase}
            again={again}
            onChange={setPassphrase}
            onAgainChange={setAgain}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? '保存中…' : '鍵を保存する'}
            </button>
          </div>
        </form>
      </details>
    </section>
  );
}
