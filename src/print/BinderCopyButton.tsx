import { useState } from 'react';
import { recordDataRelease } from '../db/dataRelease.ts';
import { useLiveRecords, useStation } from '../db/hooks.ts';
import { recordTypeLabels } from '../domain/recordTypes.ts';
import { Banner } from '../features/common/Banner.tsx';
import { ConfirmBox } from '../features/common/ConfirmBox.tsx';
import { downloadFile } from '../features/exchange/download.ts';
import { binderFileName } from './binderToc.ts';
import './binderCopyButton.css';

type Result = { kind: 'success' | 'error'; text: string };

/**
 * 「緊急用の閲覧コピー（HTML）を保存」: says first that the file holds personal data and opens in a
 * browser as it is (PRODUCT.md decision 4), then writes the binder as one self-contained HTML
 * file. The renderer is loaded only now, so it costs the first screen nothing. The saved file
 * goes into the 持ち出し記録 (who, when, how many records, file SHA-256) once it is handed over.
 */
export function BinderCopyButton() {
  const station = useStation();
  const systems = useLiveRecords('system');
  const procedures = useLiveRecords('procedure');
  const contacts = useLiveRecords('contact');
  const levels = useLiveRecords('incidentLevel');
  const [isAsking, setAsking] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const isLoaded = station && systems && procedures && contacts && levels;

  async function save() {
    if (!station || !systems || !procedures || !contacts || !levels) return;
    setAsking(false);
    try {
      const { renderBinderHtml } = await import('./binderHtml.ts');
      const madeAt = new Date();
      const html = renderBinderHtml({
        municipality: station.municipality,
        records: { systems, procedures, contacts, levels },
        madeAt,
      });
      const name = binderFileName(station.municipality, madeAt);
      downloadFile(name, html, 'text/html;charset=utf-8');
      const counts = [
        [recordTypeLabels.system, systems.length],
        [recordTypeLabels.procedure, procedures.length],
        [recordTypeLabels.contact, contacts.length],
        [recordTypeLabels.incidentLevel, levels.length],
      ] as const;
      void recordDataRelease({
        kind: 'binder',
        name,
        what: `緊急時バインダー：${counts.map(([label, n]) => `${label} ${n}件`).join('・')}`,
        count: counts.reduce((sum, [, n]) => sum + n, 0),
        content: html,
      });
      setResult({
        kind: 'success',
        text: `「${name}」を保存しました。USBメモリーや各課のパソコンに置いておけば、備えもサーバーも使えないときに、ブラウザーで開いて読めます。`,
      });
    } catch {
      setResult({
        kind: 'error',
        text: '閲覧コピーを作れませんでした。ページを再読み込みしてから、もう一度お試しください。',
      });
    }
  }

  return (
    <div className="binder-copy-action">
      {isAsking ? (
        <ConfirmBox
          confirmLabel="保存する"
          onConfirm={() => void save()}
          onCancel={() => setAsking(false)}
        >
          緊急時バインダーを、1つのHTMLファイル（閲覧用の写し）に保存します。このファイルには連絡先の氏名・電話番号などの個人情報が含まれます。暗号化されず、ブラウザーでそのまま開ける形で保存されます。保存先と持ち出しは、所属の情報セキュリティのルールに従ってください。
        </ConfirmBox>
      ) : (
        <button
          type="button"
          onClick={() => {
            setResult(null);
            setAsking(true);
          }}
          disabled={!isLoaded}
        >
          緊急用の閲覧コピー（HTML）を保存
        </button>
      )}
      {result ? <Banner kind={result.kind}>{result.text}</Banner> : null}
    </div>
  );
}
