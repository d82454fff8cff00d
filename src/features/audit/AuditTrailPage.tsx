import { useEffect, useMemo, useState } from 'react';
import {
  AUDIT_PAGE_SIZE,
  prepareAuditSearch,
  queryAuditEntries,
  useAuditPage,
} from '../../db/auditQueries.ts';
import {
  auditFilterFromParams,
  auditFilterProblem,
  auditFilterToParams,
  emptyAuditFilter,
  isAuditFilterActive,
} from '../../domain/auditFilter.ts';
import { auditEntriesToCsv } from '../../exchange/auditCsv.ts';
import { Banner } from '../common/Banner.tsx';
import { usePageTitle } from '../common/usePageTitle.ts';
import { useUrlFilterState } from '../common/useUrlFilterState.ts';
import { CsvExportButton } from '../contacts/CsvExportButton.tsx';
import { datedFileName } from '../contacts/contactText.ts';
import { AuditFilters } from './AuditFilters.tsx';
import { AuditTable } from './AuditTable.tsx';
import { useSettledValue } from './useSettledValue.ts';

/** How long typing must pause before the trail is searched again. */
const SETTLE_MS = 250;

/**
 * 操作履歴 (issue 13, item 4): the whole audit trail for an auditor — filtered by period, kind of
 * change, record and who; newest first, a page of 50 at a time over the indexes, so 50,000 entries
 * stay quick; each row opens its record while it exists; the filtered rows as CSV, itself
 * recorded as a 書き出し. The filter lives in the URL, but the controls own their text.
 */
export function AuditTrailPage() {
  usePageTitle('操作履歴');
  // Words are searched in memory: read the trail once now, while the newest page shows.
  useEffect(prepareAuditSearch, []);
  const { filter, shown, update, clear } = useUrlFilterState(
    auditFilterFromParams,
    auditFilterToParams,
    emptyAuditFilter,
  );
  // Typed words are looked up once typing pauses; a choice from a list or a date at once.
  const text = useSettledValue(shown.text, SETTLE_MS);
  const who = useSettledValue(shown.who, SETTLE_MS);
  const query = useMemo(() => ({ ...shown, text, who }), [shown, text, who]);
  const queryKey = auditFilterToParams(query).toString();
  // The `before` keys of the newer pages passed, per query: a new query starts at the newest.
  const [paging, setPaging] = useState<{ key: string; stack: number[] }>({ key: '', stack: [] });
  const stack = paging.key === queryKey ? paging.stack : [];
  const page = useAuditPage(query, stack.at(-1));
  const count = page?.count;
  const problem = auditFilterProblem(filter);
  const isFiltered = isAuditFilterActive(filter);
  const first = stack.length * AUDIT_PAGE_SIZE + 1;

  return (
    <section className="audit-page">
      <div className="page-heading">
        <h1>操作履歴</h1>
        <div className="actions heading-actions">
          <CsvExportButton
            what={`${isAuditFilterActive(query) ? '絞り込んだ操作履歴' : '操作履歴'} ${count ?? 0}件`}
            personalData="担当者の氏名・記録の名前"
            fileName={() => datedFileName('操作履歴', new Date())}
            makeCsv={async () => auditEntriesToCsv(await queryAuditEntries(query))}
            count={count}
            disabled={!count}
          />
        </div>
      </div>
      <p className="hint">
        この端末で行った作成・更新・削除、ファイルの取り込み、設定の変更と、データの持ち出し（CSV・ファイルの書き出し、個人情報を含む書類の印刷）の記録です。記録は消したり書き換えたりできません。
      </p>
      <AuditFilters filter={filter} onChange={update} />
      {problem ? <Banner kind="error">{problem}</Banner> : null}
      <p className="result-count" role="status" aria-live="polite">
        {count === undefined ? '数えています…' : `該当 ${count.toLocaleString('ja-JP')}件`}
        {page && page.entries.length > 0
          ? `（新しい順に ${first.toLocaleString('ja-JP')}〜${(first + page.entries.length - 1).toLocaleString('ja-JP')}件目）`
          : null}
        {isFiltered ? (
          <button type="button" className="link-button" onClick={clear}>
            絞り込みを解除
          </button>
        ) : null}
      </p>
      {page === undefined ? (
        <p role="status">読み込み中…</p>
      ) : page.entries.length === 0 ? (
        <p className="empty">
          {isAuditFilterActive(query)
            ? '条件に合う操作履歴はありません。'
            : 'まだ操作履歴はありません。'}
        </p>
      ) : (
        <AuditTable entries={page.entries} openable={page.openable} />
      )}
      <nav className="audit-paging actions" aria-label="操作履歴のページ">
        <button
          type="button"
          disabled={stack.length === 0}
          onClick={() => setPaging({ key: queryKey, stack: stack.slice(0, -1) })}
        >
          ← 新しい{AUDIT_PAGE_SIZE}件
        </button>
        <button
          type="button"
          disabled={page?.olderThan == null}
          onClick={() =>
            page?.olderThan != null &&
            setPaging({ key: queryKey, stack: [...stack, page.olderThan] })
          }
        >
          古い{AUDIT_PAGE_SIZE}件 →
        </button>
      </nav>
    </section>
  );
}
