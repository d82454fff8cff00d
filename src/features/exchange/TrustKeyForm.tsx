import { useState, type FormEvent } from 'react';
import {
  computeKeyId,
  decodePublicKeyPem,
  describeKeyError,
  formatKeyFingerprint,
} from '../../exchange/keys.ts';
import { escapeControlCharacters as shown } from '../../exchange/safeText.ts';
import { signerRoleLabels, signerRoles, type SignerRole } from '../../exchange/signerRoles.ts';
import { describeTrustKeyError, trustKey } from '../../db/keyStore.ts';
import { describeStorageError } from '../../db/errors.ts';
import { Banner } from '../common/Banner.tsx';
import { Field } from '../common/Field.tsx';
import { readFileText } from './download.ts';

interface Props {
  /** When set (a refused bundle's key), the chosen file must hold exactly this key. */
  expectedKeyId?: string;
  defaultLabel?: string;
  defaultRole?: SignerRole;
  onTrusted?: (label: string) => void;
}

/**
 * Adds a trusted key from a PEM public key file. The person must type the fingerprint the key's
 * owner read out (by phone or in person); only a match is accepted, so a swapped file is caught.
 */
export function TrustKeyForm({
  expectedKeyId,
  defaultLabel = '',
  defaultRole = 'department',
  onTrusted,
}: Props) {
  const [pem, setPem] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  // The default comes from a file (the refused bundle's issuer label): its control characters and
  // bidi overrides are offered as visible \uXXXX, so they are neither hidden nor stored raw.
  const [label, setLabel] = useState(() => shown(defaultLabel));
  const [role, setRole] = useState<SignerRole>(defaultRole);
  const [typed, setTyped] = useState('');
  const [result, setResult] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const decoded = pem === null ? null : decodePublicKeyPem(pem);
  const keyId = decoded?.ok ? computeKeyId(decoded.publicKey) : null;

  async function choose(file: File | undefined) {
    setResult(null);
    setPem(null);
    setFileError(null);
    if (!file) return;
    if (file.size > 10_000) {
      setFileError('公開鍵ファイルとしては大きすぎます。「…_公開鍵.pem」を指定してください。');
      return;
    }
    const text = await readFileText(file);
    const parsed = decodePublicKeyPem(text);
    if (!parsed.ok) setFileError(describeKeyError(parsed.error));
    else if (expectedKeyId && computeKeyId(parsed.publicKey) !== expectedKeyId)
      setFileError(
        'この公開鍵は、取り込もうとしたファイルに署名した鍵ではありません。発行元の公開鍵ファイルを指定してください。',
      );
    else setPem(text);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!pem) {
      setResult({ kind: 'error', text: '公開鍵ファイル（.pem）を選んでください。' });
      return;
    }
    try {
      const outcome = await trustKey({
        publicKeyPem: pem,
        label,
        role,
        confirmedFingerprint: typed,
      });
      if (!outcome.ok) {
        setResult({ kind: 'error', text: describeTrustKeyError(outcome.error) });
        return;
      }
      setResult({
        kind: 'success',
        text: `「${shown(outcome.key.label)}」の鍵を信頼する鍵に登録しました。`,
      });
      setPem(null);
      setTyped('');
      onTrusted?.(outcome.key.label);
    } catch (error) {
      setResult({ kind: 'error', text: describeStorageError(error) });
    }
  }

  return (
    <form
      className="form trust-key-form"
      onSubmit={submit}
      noValidate
      aria-label="信頼する鍵を追加"
    >
      {result ? <Banner kind={result.kind}>{result.text}</Banner> : null}
      <Field
        label="公開鍵ファイル"
        hint="相手の「設定」で書き出した「…_公開鍵.pem」"
        error={fileError ?? undefined}
      >
        <input
          type="file"
          accept=".pem,.txt,application/x-pem-file"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </Field>
      {keyId ? (
        <p className="fingerprint-line">
          このファイルの鍵の指紋:{' '}
          <strong className="fingerprint">{formatKeyFingerprint(keyId)}</strong>
        </p>
      ) : null}
      <Field label="名前" hint="例: 情報政策課、市民課 窓口PC-01">
        <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={100} />
      </Field>
      <Field label="役割" hint="部署の鍵から受け取れるのは障害記録だけです">
        <select value={role} onChange={(e) => setRole(e.target.value as SignerRole)}>
          {signerRoles.map((r) => (
            <option key={r} value={r}>
              {signerRoleLabels[r]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label="確認した指紋"
        required
        hint="鍵の持ち主に電話などで指紋（20桁の数字）を読み上げてもらい、聞き取った数字を入力してください"
      >
        <input
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          inputMode="numeric"
          autoComplete="off"
        />
      </Field>
      <div className="actions">
        <button type="submit" className="primary">
          指紋を確認して信頼する
        </button>
      </div>
    </form>
  );
}
