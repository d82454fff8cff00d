import { useState, type FormEvent } from 'react';
import { Field } from '../common/Field.tsx';

/** What the passphrase prompt asks for an encrypted file, and which passphrase it is. */
export const decryptPrompts = {
  identity: {
    label: 'この端末の暗号化の鍵のパスフレーズ',
    hint: '暗号化されたファイルです。この端末の鍵（age）を開くパスフレーズを入力してください。ページを開いている間は、もう一度は尋ねません。',
    field: 'identityPassphrase',
  },
  file: {
    label: 'このファイルのパスフレーズ',
    hint: 'パスフレーズで暗号化されたファイルです。送り主から別の経路で聞いたパスフレーズを入力してください。',
    field: 'filePassphrase',
  },
} as const;

/** Asks for one passphrase (never stored), with the reason the last one failed. */
export function PassphrasePrompt({
  label,
  hint,
  error,
  onSubmit,
  onCancel,
}: {
  label: string;
  hint: string;
  error: string | null;
  onSubmit: (passphrase: string) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    if (value) onSubmit(value);
  }
  return (
    <form className="form passphrase-prompt" onSubmit={submit} noValidate>
      <Field label={label} hint={hint} error={error ?? undefined}>
        <input
          type="password"
          autoComplete="off"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={!value}>
          開く
        </button>
        <button type="button" onClick={onCancel}>
          やめる
        </button>
      </div>
    </form>
  );
}
