import { useState } from 'react';
import { recordDataRelease } from '../../db/dataRelease.ts';
import { csvBytes } from '../../exchange/csv.ts';
import { downloadFile } from '../exchange/download.ts';
import { Banner } from '../common/Banner.tsx';
import { ConfirmBox } from '../common/ConfirmBox.tsx';
import './contacts.css';

/**
 * 「CSVで書き出す」: says first that the file holds personal data and opens in Excel as it is
 * (PRODUCT.md, decision 4), then writes UTF-8 with BOM and CRLF. The CSV is built only on
 * confirmation, so a long list costs nothing until then. Each file written goes into the
 * 持ち出し記録 (after the download, and never in its way). Used by 連絡先, 障害記録 and 操作履歴.
 */
export function CsvExportButton({
  what,
  personalData,
  fileName,
  makeCsv,
  count,
  disabled = false,
}: {
  /** What is written, with its count: 「連絡先 12件」. */
  what: string;
  /** Which personal data the file holds: 「氏名・電話番号」. */
  personalData: string;
  fileName: () => string;
  /** The CSV text; a promise when its rows must be read first (the whole incident records). */
  makeCsv: () => string | Promise<string>;
  /** How many records the file holds, for the 持ち出し記録. */
  count?: number;
  disabled?: boolean;
}) {
  const [isAsking, setAsking] = useState(false);
  const [result, setResult] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  function save(text: string) {
    const name = fileName();
    const bytes = csvBytes(text);
    downloadFile(name, bytes as BlobPart, 'text/csv;charset=utf-8');
    setResult({ kind: 'success', text: `「${name}」を書き出しました。` });
    void recordDataRelease({ kind: 'csv', name, what, count: count ?? null, content: bytes });
  }

  function write() {
    setAsking(false);
    const failed = () =>
      setResult({
        kind: 'error',
        text: 'CSVファイルを作れませんでした。ページを再読み込みしてから、もう一度お試しください。',
      });
    try {
      const csv = makeCsv();
      // A string is written at once, within the click (no await before the download).
      if (typeof csv === 'string') save(csv);
      else csv.then(save, failed);
    } catch {
      failed();
    }
  }

  // display: contents (contacts.css): the button sits in its parent's row, the notice under it.
  return (
    <div className="csv-export">
      {isAsking ? (
        <ConfirmBox confirmLabel="書き出す" onConfirm={write} onCancel={() => setAsking(false)}>
          {`${what}をCSVファイルに書き出します。このファイルには${personalData}などの個人情報が含まれます。` +
            '暗号化されず、Excel などでそのまま開ける形で保存されます。保存先と持ち出しは、所属の情報セキュリティのルールに従ってください。'}
        </ConfirmBox>
      ) : (
        <button
          type="button"
          onClick={() => {
            setResult(null);
            setAsking(true);
          }}
          disabled={disabled}
        >
          CSVで書き出す
        </button>
      )}
      {result ? <Banner kind={result.kind}>{result.text}</Banner> : null}
    </div>
  );
}
