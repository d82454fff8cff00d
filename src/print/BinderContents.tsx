import type { ReactNode } from 'react';
import { continuityPriorityLabels, formatRto } from '../domain/system.ts';
import {
  binderEntries,
  LEVELS_CHAPTER_TITLE,
  procedureHeading,
  type BinderPlan,
  type BinderVariant,
} from './binderPlan.ts';

/**
 * The binder's table of contents: chapters and the procedures printed in them, with the page
 * each starts on when known (`pages`, from the second pass of `npm run print`). The page column
 * is there even when empty, so filling it in moves nothing on paper. In the read-only copy every
 * line is a link instead.
 */
export function BinderContents({
  plan,
  pages,
  variant,
}: {
  plan: BinderPlan;
  pages: readonly number[] | null;
  variant: BinderVariant;
}) {
  const pageOf = new Map(binderEntries(plan).map((entry, i) => [entry.anchor, pages?.[i]]));
  const isPrint = variant === 'print';
  const row = (key: string, chapter: number | null, anchor: string, label: ReactNode) => (
    <tr key={key} className={chapter === null ? 'binder-toc-sub' : 'binder-toc-chapter'}>
      <td className="col-chapter">{chapter}</td>
      <td>{isPrint ? label : <a href={`#${anchor}`}>{label}</a>}</td>
      {isPrint ? <td className="col-page">{pageOf.get(anchor)}</td> : null}
    </tr>
  );
  return (
    <section
      className="binder-toc print-paper"
      id="binder-toc"
      aria-labelledby="binder-toc-heading"
    >
      <h2 id="binder-toc-heading">目次</h2>
      <p className="kit-note">
        各章は新しいページから始まります。章の番号は、各章の最初のページの見出しにあります。
      </p>
      <table className="print-table binder-toc-table">
        <thead>
          <tr>
            <th scope="col" className="col-chapter">
              章
            </th>
            <th scope="col">内容</th>
            {isPrint ? (
              <th scope="col" className="col-page">
                {pages ? 'ページ' : ''}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {plan.chapters.flatMap((chapter) => [
            row(
              chapter.anchor,
              chapter.number,
              chapter.anchor,
              <>
                <strong>{chapter.system.name}</strong>
                <span className="print-sub">
                  {continuityPriorityLabels[chapter.system.continuityPriority]}・目標復旧時間{' '}
                  {formatRto(chapter.system.rtoHours)}
                </span>
              </>,
            ),
            ...chapter.procedures.map((p) =>
              row(p.anchor, null, p.anchor, procedureHeading(p.procedure.title)),
            ),
            ...chapter.printedEarlier.map((earlier) =>
              row(
                `${chapter.anchor}:${earlier.anchor}`,
                null,
                earlier.anchor,
                `${procedureHeading(earlier.title)}（第${earlier.chapter}章）`,
              ),
            ),
          ])}
          {row(
            plan.levels.anchor,
            plan.levels.number,
            plan.levels.anchor,
            <strong>{LEVELS_CHAPTER_TITLE}</strong>,
          )}
        </tbody>
      </table>
      {plan.chapters.length === 0 ? (
        <p className="print-empty">
          代替手順はまだ登録されていません。「代替手順」の画面で作成してから、もう一度作ってください。
        </p>
      ) : null}
      {plan.withoutProcedure.length ? (
        <p className="kit-note">
          代替手順のないシステム（このバインダーには載っていません）:{' '}
          {plan.withoutProcedure.join('、')}
        </p>
      ) : null}
    </section>
  );
}
