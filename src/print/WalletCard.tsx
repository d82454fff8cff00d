import { formatJapaneseDate } from '../domain/japaneseDate.ts';
import { DocumentHeader, type DocumentFact } from './DocumentHeader.tsx';
import type { WalletCardContent, WalletCardEntry } from './walletCardContent.ts';

/** Cards on one A4 sheet: one for each colleague at the counter, cut apart with scissors. */
export const CARDS_PER_SHEET = 4;

function Entry({ entry, showContract }: { entry: WalletCardEntry; showContract: boolean }) {
  return (
    <li className="wallet-entry">
      <span className="wallet-entry-name">
        <strong>{entry.name}</strong>
        {entry.detail ? <span className="wallet-entry-detail">{entry.detail}</span> : null}
      </span>
      <span className="wallet-numbers">
        {entry.numbers.map((n) => (
          <span key={n}>{n}</span>
        ))}
        {entry.afterHours ? <span>時間外 {entry.afterHours}</span> : null}
        {showContract && entry.contractNumber ? (
          <span className="wallet-contract">契約 {entry.contractNumber}</span>
        ) : null}
      </span>
    </li>
  );
}

/**
 * One card, front and back side by side, to fold along the line between them. Its text flows
 * from the front into the back as two columns (the IT section first), so a short list of the
 * IT section leaves its room to the vendor desks.
 */
function Card({
  municipality,
  content,
  madeOn,
}: {
  municipality: string;
  content: WalletCardContent;
  madeOn: string;
}) {
  return (
    <li className="wallet-card" aria-label="携帯用緊急連絡先カード">
      {['tl', 'tr', 'fold-top', 'bl', 'br', 'fold-bottom'].map((corner) => (
        <span key={corner} className={`crop crop-${corner}`} />
      ))}
      <div className="wallet-flow">
        <p className="wallet-title">
          <strong>緊急連絡先</strong>
          <span>{municipality}</span>
        </p>
        <p className="wallet-heading">情報システム担当（まずここへ）</p>
        {content.itSection.length === 0 ? (
          <p className="wallet-empty">情報システム担当の連絡先が登録されていません。</p>
        ) : (
          <ul className="wallet-entries">
            {content.itSection.map((entry) => (
              <Entry key={entry.id} entry={entry} showContract={false} />
            ))}
          </ul>
        )}
        <p className="wallet-heading">システムが止まったとき（ベンダー窓口）</p>
        {content.vendors.length === 0 ? (
          <p className="wallet-empty">ベンダー窓口の連絡先が登録されていません。</p>
        ) : (
          <ul className="wallet-entries">
            {content.vendors.map((entry) => (
              <Entry key={entry.id} entry={entry} showContract />
            ))}
          </ul>
        )}
        {content.omitted > 0 ? (
          <p className="wallet-more">ほか{content.omitted}件は「緊急連絡先一覧」を見てください。</p>
        ) : null}
        <p className="wallet-made">作成日 {madeOn}</p>
      </div>
    </li>
  );
}

/**
 * 携帯用緊急連絡先カード: identical cards on one A4 sheet, each 182 × 55 mm with trim marks, front
 * and back side by side; cut out and folded in two it is a 91 × 55 mm business card. No text
 * smaller than 7 pt. Pure: the content comes in as props.
 */
export function WalletCard({
  municipality,
  content,
  facts,
  printedAt,
}: {
  municipality: string;
  content: WalletCardContent;
  facts: readonly DocumentFact[];
  printedAt: Date;
}) {
  const madeOn = formatJapaneseDate(printedAt);
  return (
    <article className="print-doc print-paper wallet-sheet">
      <DocumentHeader
        municipality={municipality}
        documentName="携帯用緊急連絡先カード"
        facts={facts}
        printedAt={printedAt}
      />
      <p className="kit-note">
        角の印で切り取り、中央の印で山折りにすると名刺の大きさ（91×55mm）になります。
      </p>
      <ul className="wallet-cards">
        {Array.from({ length: CARDS_PER_SHEET }, (_, i) => (
          <Card key={i} municipality={municipality} content={content} madeOn={madeOn} />
        ))}
      </ul>
    </article>
  );
}
