import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { exportBundle } from '../../db/exchangeExport.ts';
import { prepareExportWorkers, releaseExportWorkers } from '../../db/exportRecords.ts';
import { describeStorageError } from '../../db/errors.ts';
import { ClearExportRefusedError, findExportRelease } from '../../db/exportProtection.ts';
import { useStation } from '../../db/hooks.ts';
import type { AuditEntry } from '../../domain/audit.ts';
import { recordTypeLabels, recordTypes, type RecordType } from '../../domain/recordTypes.ts';
import type { BundleKind } from '../../exchange/bundleFormat.ts';
import { Banner } from '../common/Banner.tsx';
import { DataReleaseFacts } from './DataReleaseFacts.tsx';
import { dataReleasePrintPath } from './DataReleasePrintPage.tsx';
import { downloadFile } from './download.ts';
import { ExportProtectionFields } from './ExportProtectionFields.tsx';
import { initialChoice, protectionOf, type ProtectionChoice } from './exportProtectionChoice.ts';
import { useKnownRecipients } from './useKnownRecipients.ts';

/** 書き出す: a signed bundle of the chosen record types, encrypted with age when recipients are set. */
export function ExportSection() {
  const station = useStation();
  const [kind, setKind] = useState<BundleKind>('delta');
  const [types, setTypes] = useState<RecordType[]>([...recordTypes]);
  const [choice, setChoice] = useState<ProtectionChoice>(initialChoice([]));
  const recipients = useKnownRecipients((known) => setChoice(initialChoice(known)));
  const [busy, setBusy] = useState(false);
  const [release, setRelease] = useState<AuditEntry | null>(null);
  const [message, setMessage] = useState<{
    kind: 'error' | 'success' | 'info';
    text: string;
  } | null>(null);

  // The workers that serialise the records start with the screen, not with the click (loading
  // their script and opening the database added about 0.1 s to a cold export), and end with it.
  const open = useRef(false);
  useEffect(() => {
    open.current = true;
    prepareExportWorkers();
    return () => {
      open.current = false;
      releaseExportWorkers();
    };
  }, []);

  const toggle = (type: RecordType) =>
    setTypes((current) =>
      current.includes(type) ? current.filter((t) => t !== type) : [...current, type],
    );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setRelease(null);
    if (types.length === 0) {
      setMessage({ kind: 'error', text: '書き出す記録の種類を1つ以上選んでください。' });
      return;
    }
    if (!recipients) return;
    const protection = protectionOf(choice, recipients.known, recipients.seen);
    if (!protection.ok) {
      setMessage({ kind: 'error', text: protection.message });
      return;
    }
    setBusy(true);
    try {
      const result = await exportBundle({ kind, types, protection: protection.protection });
      if (!result) {
        setMessage({
          kind: 'info',
          text: '前回の書き出しから変更された記録はありません。すべて書き出す場合は「すべて」を選んでください。',
        });
        return;
      }
      const { parts, mediaType } = result.file;
      downloadFile(
        result.fileName,
        typeof parts === 'string' ? parts : new Blob(parts as BlobPart[]),
        mediaType,
      );
      const encrypted = result.file.inner !== null;
      setMessage({
        kind: 'success',
        text: `「${result.fileName}」を${encrypted ? '暗号化して' : ''}書き出しました（記録${result.records}件・添付${result.attachments}件）。ダウンロードしたファイルを承認された媒体で相手に渡してください。`,
      });
      if (await result.released) setRelease(await findExportRelease(result.fileName));
    } catch (error) {
      setMessage({
        kind: 'error',
        text:
          error instanceof ClearExportRefusedError ? error.message : describeStorageError(error),
      });
    } finally {
      setBusy(false);
      // Each export uses its workers up: start the next export's now (unless the screen closed).
      if (open.current) prepareExportWorkers();
    }
  }

  return (
    <section className="card" aria-labelledby="export-heading">
      <h2 id="export-heading">書き出す</h2>
      <p className="hint">
        この端末の鍵で署名したファイル（.sonae.json）を作ります。添付ファイルも含まれます。暗号化すると、署名したファイルをさらに
        age で暗号化した「.sonae.json.age」になります。
      </p>
      {message ? <Banner kind={message.kind}>{message.text}</Banner> : null}
      {release?.seq ? (
        <section className="card data-release" aria-labelledby="release-heading">
          <h3 id="release-heading">持ち出し記録</h3>
          <DataReleaseFacts entry={release} />
          <Link to={dataReleasePrintPath(release.seq)}>持ち出し記録を印刷</Link>
        </section>
      ) : null}
      <form onSubmit={submit} className="form" noValidate>
        <fieldset>
          <legend>範囲</legend>
          <label>
            <input
              type="radio"
              name="export-kind"
              checked={kind === 'delta'}
              onChange={() => setKind('delta')}
            />
            前回の書き出しからの変更分
          </label>{' '}
          <label>
            <input
              type="radio"
              name="export-kind"
              checked={kind === 'full'}
              onChange={() => setKind('full')}
            />
            すべて
          </label>
        </fieldset>
        <fieldset>
          <legend>記録の種類</legend>
          {recordTypes.map((type) => (
            <label key={type}>
              <input type="checkbox" checked={types.includes(type)} onChange={() => toggle(type)} />
              {recordTypeLabels[type]}
            </label>
          ))}
        </fieldset>
        {recipients ? (
          <ExportProtectionFields
            value={choice}
            onChange={setChoice}
            known={recipients.known}
            canChoose={station?.role === 'it-section'}
            hasSeenRecipients={recipients.seen}
          />
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !recipients}>
            {busy ? '書き出し中…' : '書き出す'}
          </button>
        </div>
      </form>
    </section>
  );
}
