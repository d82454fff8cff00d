import { useState, type FormEvent } from 'react';
import { decryptPrivateKeyPem } from '../../exchange/keyBackup.ts';
import { describeKeyError } from '../../exchange/keys.ts';
import { replaceStationKey } from '../../db/keyStore.ts';
import { describeStorageError } from '../../db/errors.ts';
import { Banner } from '../common/Banner.tsx';
import { Field } from '../common/Field.tsx';
import { readFileText } from './download.ts';

/** Puts back this PC's key from a passphrase-protected backup (e.g. after a PC is replaced). */
export function RestoreKeyForm() {
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [state, setState] = useState<{ kind: 'error' | 'success' | 'info'; text: string } | null>(
    null,
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setState({ kind: 'error', text: '鍵のバックアップファイルを選んでください。' });
      return;
    }
    setState({ kind: 'info', text: '復号しています（数秒かかります）…' });
    const result = await decryptPrivateKeyPem(await readFileText(file), passphrase);
    if (!result.ok) {
      setState({ kind: 'error', text: describeKeyError(result.error) });
      return;
    }
    try {
      const key = await replaceStationKey(result.privateKey);
      setState({ kind: 'success', text: `鍵を復元しました（指紋 ${key.fingerprint}）。` });
      setPassphrase('');
    } catch (error) {
      setState({ kind: 'error', text: describeStorageError(error) });
    }
  }

  return (
    <details className="key-restore">
      <summary>バックアップから鍵を復元</summary>
      <form className="form" onSubmit={submit} noValidate>
        {state ? <Banner kind={state.kind}>{state.text}</Banner> : null}
        <p className="hint">
          今の鍵は置き換えられます。相手には復元した鍵の指紋をあらためて確認してもらってください。
        </p>
        <Field label="鍵のバックアップファイル（.pem）">
          <input type="file" accept=".pem" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field>
        <Field label="パスフレーズ">
          <input
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            autoComplete="current-password"
          />
        </Field>
        <div className="actions">
          <button type="submit">鍵を復元する</button>
        </div>
      </form>
    </details>
  );
}
