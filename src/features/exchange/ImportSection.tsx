import { useEffect, useRef, useState } from 'react';
import {
  applyImport,
  prepareImport,
  ImportRefusedError,
  type ImportPreview,
} from '../../db/exchangeImport.ts';
import type { ImportProgress } from '../../db/importProgress.ts';
import { describeStorageError } from '../../db/errors.ts';
import type { ImportCounts } from '../../db/exchangeTables.ts';
import { describeBundleError, type BundleError } from '../../exchange/bundleErrors.ts';
import { MAX_BUNDLE_BYTES } from '../../exchange/bundleFormat.ts';
import { escapeControlCharacters as shown } from '../../exchange/safeText.ts';
import {
  checkBundleInWorker,
  warmUpBundleWorker,
} from '../../exchange/worker/checkBundleInWorker.ts';
import { isAgeFile } from '../../exchange/age/age.ts';
import { Banner } from '../common/Banner.tsx';
import { readFileBytes } from './download.ts';
import { loadDeploymentConfig } from './deploymentConfig.ts';
import { openEncryptedBundle, type OpenInput } from './openEncryptedBundle.ts';
import { decryptPrompts, PassphrasePrompt } from './PassphrasePrompt.tsx';
import { ImportPreviewProgress } from './ImportPreviewProgress.tsx';
import { ImportPreviewTable } from './ImportPreviewTable.tsx';
import { TrustKeyForm } from './TrustKeyForm.tsx';

type State =
  | { step: 'idle' }
  | { step: 'checking'; progress: ImportProgress | null }
  | { step: 'refused'; error: BundleError; file: File }
  | { step: 'locked'; file: File; for: 'identity' | 'file'; message: string | null }
  | { step: 'ageRefused'; message: string }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'applying'; preview: ImportPreview; progress: ImportProgress | null }
  | { step: 'done'; fileName: string; counts: ImportCounts }
  | { step: 'failed'; message: string };

export function describeCounts(counts: ImportCounts): string {
  return `新規 ${counts.new}件・更新 ${counts.updated}件・競合 ${counts.conflict}件・変更なし ${counts.unchanged}件・取り込めない記録 ${counts.refused}件・添付 ${counts.attachments}件`;
}

/** 取り込む: choose a file → checks and preview → 「取り込む」 → result. Nothing is written before the confirm. */
export function ImportSection() {
  const [state, setState] = useState<State>({ step: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  // The checking worker loads while the person picks a file, and again after each file it checked.
  const canPickFile = state.step !== 'checking';
  useEffect(() => (canPickFile ? warmUpBundleWorker() : undefined), [canPickFile]);

  // The inner bundle's hash of an encrypted file, shown with the preview (the history keeps it).
  const [opened, setOpened] = useState<{ outer: string; inner: string } | null>(null);

  async function check(file: File | undefined, unlock: OpenInput = {}) {
    if (!file) return;
    // The File is kept; clearing the input lets the same file be chosen again later.
    if (input.current) input.current.value = '';
    // Size first, from the file's metadata: a 2.5 GB file must be refused at once, never read
    // (reading it fails with NotReadableError, or takes seconds before parseBundle's own check).
    if (file.size > MAX_BUNDLE_BYTES) {
      const error: BundleError = { kind: 'tooLarge', size: file.size, limit: MAX_BUNDLE_BYTES };
      setState({ step: 'refused', error, file });
      return;
    }
    setState({ step: 'checking', progress: null });
    try {
      const config = await loadDeploymentConfig();
      let bytes = await readFileBytes(file);
      setOpened(null);
      let decrypted: { outer: string; inner: string } | null = null;
      if (isAgeFile(bytes)) {
        const outcome = await openEncryptedBundle(bytes, unlock);
        if (outcome.status === 'needPassphrase') {
          setState({ step: 'locked', file, for: outcome.for, message: outcome.message });
          return;
        }
        if (outcome.status === 'refused') {
          setState({ step: 'ageRefused', message: outcome.message });
          return;
        }
        bytes = outcome.bytes;
        decrypted = { outer: outcome.outerSha256, inner: outcome.innerSha256 };
        setOpened(decrypted);
      }
      const prepared = await prepareImport(
        file.name,
        bytes,
        config.status === 'ok' ? config.keys : [],
        {
          // The checks run in Web Workers, so the page repaints while a large file is read; they
          // read the chosen file themselves unless it was decrypted here.
          parse: (fileBytes, options) =>
            checkBundleInWorker(fileBytes, decrypted ? options : { ...options, file }),
          ...(decrypted ? { encryptedSha256: decrypted.outer } : {}),
          onProgress: (progress) =>
            setState((now) => (now.step === 'checking' ? { step: 'checking', progress } : now)),
        },
      );
      setState(
        prepared.ok
          ? { step: 'preview', preview: prepared.preview }
          : { step: 'refused', error: prepared.error, file },
      );
    } catch (error) {
      setState({ step: 'failed', message: describeStorageError(error) });
    }
  }

  async function confirm(preview: ImportPreview) {
    setState({ step: 'applying', preview, progress: null });
    try {
      const { counts } = await applyImport(preview, {
        onProgress: (progress) =>
          setState((now) => (now.step === 'applying' ? { ...now, progress } : now)),
      });
      setState({ step: 'done', fileName: preview.fileName, counts });
    } catch (error) {
      if (error instanceof ImportRefusedError)
        setState({ step: 'failed', message: `${error.message} データは変更していません。` });
      else
        setState({
          step: 'failed',
          message: `${describeStorageError(error)} データは変更していません。`,
        });
    }
  }

  function reset() {
    setState({ step: 'idle' });
    if (input.current) input.current.value = '';
  }

  return (
    <section className="card" aria-labelledby="import-heading">
      <h2 id="import-heading">取り込む</h2>
      <p className="hint">
        受け取ったファイル（.sonae.json、暗号化されたものは
        .sonae.json.age）を選ぶと、署名と内容を確認して、取り込んだ場合の変化を表示します。「取り込む」を押すまでデータは変わりません。
      </p>
      <label className="file-picker">
        取り込むファイルを選ぶ
        <input
          ref={input}
          type="file"
          accept=".json,.age,application/json"
          onChange={(e) => void check(e.target.files?.[0])}
        />
      </label>
      {state.step === 'checking' ? <ImportPreviewProgress progress={state.progress} /> : null}
      {state.step === 'failed' ? <Banner kind="error">{state.message}</Banner> : null}
      {state.step === 'ageRefused' ? (
        <Banner kind="error">取り込めません: {state.message} データは変更していません。</Banner>
      ) : null}
      {state.step === 'locked' ? (
        <PassphrasePrompt
          key={`${state.for}-${state.message ?? ''}`}
          label={decryptPrompts[state.for].label}
          hint={decryptPrompts[state.for].hint}
          error={state.message}
          onSubmit={(passphrase) =>
            void check(state.file, { [decryptPrompts[state.for].field]: passphrase })
          }
          onCancel={reset}
        />
      ) : null}
      {state.step === 'refused' ? (
        <>
          <Banner kind="error">
            取り込めません: {describeBundleError(state.error)} データは変更していません。
          </Banner>
          {state.error.kind === 'untrustedKey' ? (
            <div className="card untrusted-key">
              <h3>この鍵を信頼する</h3>
              <p>
                発行元「{shown(state.error.issuerLabel)}」の鍵の指紋:{' '}
                <strong className="fingerprint">{state.error.fingerprint}</strong>
              </p>
              <p>
                発行元に電話などで指紋を読み上げてもらい、一致を確かめてから、発行元の公開鍵ファイルを選んで登録してください。登録後にもう一度確認します。
              </p>
              <TrustKeyForm
                expectedKeyId={state.error.keyId}
                defaultLabel={state.error.issuerLabel}
                onTrusted={() => void check(state.file)}
              />
            </div>
          ) : null}
        </>
      ) : null}
      {state.step === 'preview' || state.step === 'applying' ? (
        <div className="import-preview">
          <h3>取り込みの確認: {shown(state.preview.fileName)}</h3>
          {opened ? (
            <p className="hint">
              暗号化ファイル（age）を復号しました。中身（署名付きバンドル）の SHA-256:{' '}
              <code className="sha256">{opened.inner}</code>
            </p>
          ) : null}
          <p>
            発行元: {shown(state.preview.bundle.issuer.label)}（署名:{' '}
            {shown(state.preview.signer.label)}）・通し番号 {state.preview.bundle.sequence}・
            {state.preview.bundle.kind === 'full' ? 'すべて' : '変更分'}
          </p>
          <p>
            <strong>
              {describeCounts({
                ...state.preview.counts,
                attachments: state.preview.attachmentBytes.size,
              })}
            </strong>
          </p>
          {state.preview.rows.some((row) => row.warning) ? (
            <Banner kind="info">
              部署の鍵で、ほかの署名者の版を置き換える記録が
              {state.preview.rows.filter((row) => row.warning).length}
              件あります。表の「注意」を確かめてから取り込んでください。
            </Banner>
          ) : null}
          <ImportPreviewTable rows={state.preview.rows} />
          <p className="hint">
            取り込む直前の状態は自動で保存され、「取り込み履歴」から「取り込み前に戻す」で戻せます。
          </p>
          {state.step === 'applying' ? <ImportPreviewProgress progress={state.progress} /> : null}
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={state.step === 'applying'}
              onClick={() => void confirm(state.preview)}
            >
              {state.step === 'applying' ? '取り込み中…' : '取り込む'}
            </button>
            {/* Once writing has begun it finishes (one transaction): there is nothing to stop. */}
            <button type="button" onClick={reset} disabled={state.step === 'applying'}>
              やめる
            </button>
          </div>
        </div>
      ) : null}
      {state.step === 'done' ? (
        <Banner kind="success">
          「{shown(state.fileName)}」を取り込みました: {describeCounts(state.counts)}
          {state.counts.conflict > 0
            ? ' 競合した記録は下の「競合している記録」で確認してください。'
            : ''}
        </Banner>
      ) : null}
    </section>
  );
}
