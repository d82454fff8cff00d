import { formatJapaneseDate } from '../domain/japaneseDate.ts';

/**
 * 住民への案内 as a notice to post at the counter: a page of its own, large type, line breaks
 * kept, signed by the department, with the date it went up. No page number or kit header on it.
 */
export function GuidancePoster({
  text,
  from,
  postedOn,
}: {
  text: string;
  /** 「架空市 市民課」. */
  from: string;
  postedOn: Date;
}) {
  return (
    <section className="guidance-poster print-paper" aria-label="住民への案内（掲示用）" lang="ja">
      <p className="poster-title">お知らせ</p>
      <div className="poster-text">{text.trim()}</div>
      <p className="poster-from">
        {formatJapaneseDate(postedOn)}
        <br />
        {from}
      </p>
    </section>
  );
}
