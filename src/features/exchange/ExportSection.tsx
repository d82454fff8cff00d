import { useState, type FormEvent } from 'react';
import { exportBundle } from '../../db/exchangeExport.ts';
import { describeStorageError } from '../../db/errors.ts';
import { recordTypeLabels, recordTypes, type RecordType } from '../../domain/recordTypes.ts';
import type { BundleKind } from '../../exchange/bundleFormat.ts';
import { Banner } from '../common/Banner.tsx';
import { downloadFile } from './download.ts';

/** 書き出す: a signed bundle of the chosen record types, all or only what changed since the last export. */
export function ExportSection() {
  const [kind, setKind] = useState<BundleKind>('delta');
  const [types, setTypes] = useState<RecordType[]>([...recordTypes]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{
    kind: 'error' | 'success' | 'info';
    text: string;
  } | null>(null);

  const toggle = (type: RecordType) =>
    setTypes((current) =>
      current.includes(type) ? current.filter((t) => t !== type) : [...current, type],
    );

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (types.length === 0) {
      setMessage({ kind: 'error', text: '書き出す記録の種類を1つ以上選んでください。' });
      return;
    }
    setBusy(true);
    try {
      const result = await exportBundle({ kind, types });
      if (!result) {
        setMessage({
          kind: 'info',
          text: '前回の書き出しから変更された記録はありません。すべて書き出す場合は「すべて」を選んでください。',
        });
        return;
      }
      downloadFile(result.fileName, result.text, 'application/json');
      setMessage({
        kind: 'success',
        text: `「${result.fileName}」を書き出しました（記録${result.records}件・添付${result.attachments}件）。ダウンロードしたファイルを承認された媒体で相手に渡してください。`,
      });
    } catch (error) {
      setMessage({ kind: 'error', text: describeStorageError(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="export-heading">
      <h2 id="export-heading">書き出す</h2>
      <p className="hint">
        この端末の鍵で署名したファイル（.sonae.json）を作ります。添付ファイルも含まれます。
      </p>
      {message ? <Banner kind={message.kind}>{message.text}</Banner> : null}
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
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? '書き出し中…' : '書き出す'}
          </button>
        </div>
      </form>
    </section>
  );
}
