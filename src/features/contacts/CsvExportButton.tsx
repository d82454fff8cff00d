import { useState } from 'react';
import { csvBytes } from '../../exchange/csv.ts';
import { downloadFile } from '../exchange/download.ts';
import { Banner } from '../common/Banner.tsx';
import { ConfirmBox } from '../common/ConfirmBox.tsx';
import './contacts.css';

/**
 * 「CSVで書き出す」: says first that the file holds personal data and opens in Excel as it is
 * (PRODUCT.md, decision 4), then writes UTF-8 with BOM and CRLF. The CSV is built only on
 * confirmation, so a long list costs nothing until then. Used by 連絡先 and 障害記録.
 */
export function CsvExportButton({
  what,
  personalData,
  fileName,
  makeCsv,
  disabled = false,
}: {
  /** What is written, with its count: 「連絡先 12件」. */
  what: string;
  /** Which personal data the file holds: 「氏名・電話番号」. */
  personalData: string;
  fileName: () => string;
  makeCsv: () => string;
  disabled?: boolean;
}) {
  const [isAsking, setAsking] = useState(false);
  const [written, setWritten] = useState<string | null>(null);

  function write() {
    const name = fileName();
    downloadFile(name, csvBytes(makeCsv()) as BlobPart, 'text/csv;charset=utf-8');
    setAsking(false);
    setWritten(name);
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
            setWritten(null);
            setAsking(true);
          }}
          disabled={disabled}
        >
          CSVで書き出す
        </button>
      )}
      {written ? <Banner kind="success">「{written}」を書き出しました。</Banner> : null}
    </div>
  );
}
