import { useRef, useState, type DragEvent } from 'react';
import { Link } from 'react-router';
import { describeStorageError } from '../../db/errors.ts';
import { MAX_BUNDLE_BYTES } from '../../exchange/bundleFormat.ts';
import {
  isSignerKey,
  NOT_THE_SIGNER_MESSAGE,
  publicKeyFileSizeError,
  readChosenPublicKey,
} from '../../exchange/verifyFile.ts';
import { Banner } from '../common/Banner.tsx';
import { usePageTitle } from '../common/usePageTitle.ts';
import { readFileBytes } from './download.ts';
import { describeBundleError } from '../../exchange/bundleErrors.ts';
import {
  loadKeysTrustedHere,
  verifyBundleBytes,
  type ChosenKey,
  type VerifyResult,
} from './verifyBundleFile.ts';
import { VerifyVerdict } from './VerifyVerdict.tsx';
import { isAgeFile } from '../../exchange/age/age.ts';
import { openEncryptedBundle, type OpenInput } from './openEncryptedBundle.ts';
import { decryptPrompts, PassphrasePrompt } from './PassphrasePrompt.tsx';

type UnlockInput = OpenInput;

import './exchange.css';
import './verify.css';

type State =
  | { step: 'idle' }
  | { step: 'checking' }
  /** An encrypted file waiting for a passphrase (the station key's, or the file's). */
  | { step: 'locked'; file: File; for: 'identity' | 'file'; message: string | null }
  | { step: 'done'; result: VerifyResult; bytes: Uint8Array; keyError?: string }
  | { step: 'failed'; message: string };

/**
 * 「ファイルの検証」: check a .sonae.json file — signature, signer, counts, SHA-256 — without
 * importing it. Nothing is written to this PC's data, whatever the file holds.
 */
export function VerifyBundlePage() {
  usePageTitle('ファイルの検証');
  const [state, setState] = useState<State>({ step: 'idle' });
  const [isDragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function check(file: File | undefined, unlock: UnlockInput = {}) {
    if (!file) return;
    if (input.current) input.current.value = '';
    // From the metadata, before reading: a huge file is refused at once (as the import does).
    if (file.size > MAX_BUNDLE_BYTES) {
      const reason = describeBundleError({
        kind: 'tooLarge',
        size: file.size,
        limit: MAX_BUNDLE_BYTES,
      });
      setState({ step: 'failed', message: `検証できません: ${reason}` });
      return;
    }
    setState({ step: 'checking' });
    try {
      let bytes = await readFileBytes(file);
      let encryptedSha256: string | undefined;
      // An encrypted file is opened in memory (as the import does), then its bundle checked.
      if (isAgeFile(bytes)) {
        const outcome = await openEncryptedBundle(bytes, unlock);
        if (outcome.status === 'needPassphrase') {
          setState({ step: 'locked', file, for: outcome.for, message: outcome.message });
          return;
        }
        if (outcome.status === 'refused') {
          setState({ step: 'failed', message: `検証できません: ${outcome.message}` });
          return;
        }
        bytes = outcome.bytes;
        encryptedSha256 = outcome.outerSha256;
      }
      const verified = await verifyBundleBytes(file.name, bytes, await loadKeysTrustedHere());
      const result = encryptedSha256 ? { ...verified, encryptedSha256 } : verified;
      setState({ step: 'done', result, bytes });
    } catch (error) {
      setState({ step: 'failed', message: describeStorageError(error) });
    }
  }

  async function checkWithKey(file: File | undefined) {
    if (!file || state.step !== 'done' || state.result.verdict.kind !== 'unverified') return;
    const { result, bytes } = state;
    const keyError = (message: string) => setState({ ...state, keyError: message });
    const tooLarge = publicKeyFileSizeError(file.size);
    if (tooLarge) return keyError(tooLarge);
    const read = readChosenPublicKey(file.name, await readFileBytes(file));
    if (!read.ok) return keyError(read.message);
    if (!isSignerKey(result.verdict.summary, read.key)) return keyError(NOT_THE_SIGNER_MESSAGE);
    const chosen: ChosenKey = { fileName: file.name, key: read.key };
    const rows = await loadKeysTrustedHere();
    setState({
      step: 'done',
      result: {
        ...(await verifyBundleBytes(result.fileName, bytes, rows, chosen)),
        ...(result.encryptedSha256 ? { encryptedSha256: result.encryptedSha256 } : {}),
      },
      bytes,
    });
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    void check(event.dataTransfer.files[0]);
  }

  return (
    <section className="verify-page">
      <h1>ファイルの検証</h1>
      <p>
        データ交換のファイル（.sonae.json、暗号化したものは
        .sonae.json.age）の署名と内容を確かめます。
        <strong>取り込みはしません。この PC のデータは何も変わりません。</strong>
        受け取ったファイルを取り込む前の確認や、監査のための確認に使えます。
      </p>
      <div
        className={`verify-drop${isDragging ? ' is-dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        data-testid="verify-drop"
      >
        <label className="file-picker">
          検証するファイルを選ぶ
          <input
            ref={input}
            type="file"
            accept=".json,.age,application/json"
            onChange={(e) => void check(e.target.files?.[0])}
          />
        </label>
        <p className="hint">ここにファイルをドラッグ＆ドロップしても検証できます。</p>
      </div>
      {state.step === 'checking' ? <p role="status">ファイルを確認しています…</p> : null}
      {state.step === 'locked' ? (
        <PassphrasePrompt
          label={decryptPrompts[state.for].label}
          hint={decryptPrompts[state.for].hint}
          error={state.message}
          onSubmit={(value) => void check(state.file, { [decryptPrompts[state.for].field]: value })}
          onCancel={() => setState({ step: 'idle' })}
        />
      ) : null}
      {state.step === 'failed' ? <Banner kind="error">{state.message}</Banner> : null}
      {state.step === 'done' ? (
        <>
          <VerifyVerdict result={state.result} />
          {state.result.verdict.kind === 'unverified' ? (
            <section className="card" aria-labelledby="verify-key-heading">
              <h2 id="verify-key-heading">送り主の公開鍵で確かめる</h2>
              <p>
                送り主から受け取った公開鍵ファイル（.pem）を選ぶと、この PC
                に登録せずに、その鍵で署名を確かめます。上の指紋を、送り主に電話などで読み上げてもらった指紋と比べてください。
              </p>
              <label className="file-picker">
                公開鍵ファイルを選ぶ
                <input
                  type="file"
                  accept=".pem,application/x-pem-file,text/plain"
                  onChange={(e) => void checkWithKey(e.target.files?.[0])}
                />
              </label>
              {state.keyError ? <Banner kind="error">{state.keyError}</Banner> : null}
            </section>
          ) : null}
        </>
      ) : null}
      <p>
        <Link to="/exchange">データ交換へ戻る</Link>
        {' ・ '}
        <Link to="/help/bundle-format">検証の手順（手引き）</Link>
      </p>
    </section>
  );
}
