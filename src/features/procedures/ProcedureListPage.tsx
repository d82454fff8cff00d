import { useMemo } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useUrlFilterState } from '../common/useUrlFilterState.ts';
import { useLiveRecords } from '../../db/hooks.ts';
import { formatDateJa } from '../../domain/dateTime.ts';
import { procedureFieldLabels } from '../../domain/procedure.ts';
import { isOverdueForReview } from '../../domain/procedureRules.ts';
import { matchesAllTerms, normalizeForSearch } from '../../domain/text.ts';
import { Banner } from '../common/Banner.tsx';
import { ReadOnlyNotice, useCanEditMasterData } from '../common/masterDataAccess.tsx';
import { useNow } from '../common/useNow.ts';
import { usePageTitle } from '../common/usePageTitle.ts';
import { BinderCopyButton } from '../../print/BinderCopyButton.tsx';
import { binderPath } from '../../print/binderToc.ts';
import { useProcedureReferences } from './useProcedureReferences.ts';
import { ReviewFlag, useProcedureReviewMonths } from './ReviewFlag.tsx';
import './procedures.css';

const labels = procedureFieldLabels;

/** 代替手順: every fallback procedure, searchable by title and system, review flags in view. */
interface ListFilter {
  q: string;
  onlyOverdue: boolean;
}
const NO_FILTER: ListFilter = { q: '', onlyOverdue: false };
const listParamsFrom = (params: URLSearchParams): ListFilter => ({
  q: params.get('q') ?? '',
  onlyOverdue: params.get('review') === 'due',
});
function listParamsTo(filter: ListFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.onlyOverdue) params.set('review', 'due');
  return params;
}

export function ProcedureListPage() {
  usePageTitle('代替手順');
  const procedures = useLiveRecords('procedure');
  const references = useProcedureReferences();
  const canEdit = useCanEditMasterData();
  const now = useNow();
  const reviewMonths = useProcedureReviewMonths();
  const location = useLocation();
  const navigate = useNavigate();
  const deleted = (location.state as { deleted?: string } | null)?.deleted;
  // In the URL, so Back from a procedure returns to the same search; the controls own their
  // state so no key press is lost while the URL catches up (issue 9).
  const {
    filter,
    shown,
    update: patch,
  } = useUrlFilterState(listParamsFrom, listParamsTo, NO_FILTER);
  const query = shown.q;
  const onlyOverdue = shown.onlyOverdue;

  const systemNamesOf = useMemo(
    () => (systemIds: readonly string[]) =>
      systemIds.map((id) => references?.systemNames.get(id) ?? '（削除されたシステム）'),
    [references],
  );
  const rows = useMemo(
    () =>
      [...(procedures ?? [])]
        .sort((a, b) => a.title.localeCompare(b.title, 'ja'))
        .map((procedure) => {
          const systems = systemNamesOf(procedure.systemIds);
          const text = normalizeForSearch(`${procedure.title}\n${systems.join('\n')}`);
          return { procedure, systems, text };
        }),
    [procedures, systemNamesOf],
  );
  const visible = rows.filter(
    (row) =>
      matchesAllTerms(row.text, query) &&
      (!onlyOverdue || isOverdueForReview(row.procedure, now, reviewMonths)),
  );
  const dueCount = rows.filter((row) =>
    isOverdueForReview(row.procedure, now, reviewMonths),
  ).length;

  return (
    <section>
      <div className="page-heading">
        <h1>代替手順</h1>
        {canEdit ? (
          <Link className="button primary" to="/procedures/new">
            新規作成
          </Link>
        ) : null}
      </div>
      {procedures?.length ? (
        <div className="actions procedure-print-actions">
          <button type="button" onClick={() => navigate(binderPath())}>
            緊急時バインダーを印刷
          </button>
          <BinderCopyButton />
        </div>
      ) : null}
      {deleted ? <Banner kind="success">{deleted}</Banner> : null}
      {canEdit === false ? <ReadOnlyNotice what="代替手順" /> : null}
      {procedures === undefined || references === undefined ? (
        <p role="status">読み込み中…</p>
      ) : rows.length === 0 ? (
        <div className="empty">
          <p>まだ代替手順がありません。</p>
          <p>
            代替手順は、業務システムが止まったときに窓口で何をするかを「初動・代替・復旧」の3段階で書いておくものです（総務省
            ICT-BCP
            ガイドラインの様式10「緊急時における行動計画（初動・代替・復旧）」に当たります）。手順ごとの担当、住民への案内、使う紙の様式、ベンダーとの合意事項も一緒に残せます。
          </p>
          <p>
            {canEdit
              ? '「新規作成」から追加してください。'
              : '代替手順は情報システム担当が作成し、データ交換で配布します。'}
          </p>
        </div>
      ) : (
        <>
          <div className="filters" role="search">
            <label className="filter-text">
              手順名・システム名で探す
              <input
                type="search"
                value={filter.q}
                onChange={(e) => patch({ q: e.target.value })}
              />
            </label>
            <label className="procedure-due-filter">
              <input
                type="checkbox"
                checked={filter.onlyOverdue}
                onChange={(e) => patch({ onlyOverdue: e.target.checked })}
              />
              見直しが必要なものだけ（{dueCount}件）
            </label>
          </div>
          <p className="result-count" role="status">
            {visible.length === rows.length
              ? `${rows.length}件`
              : `${visible.length}件（全${rows.length}件中）`}
          </p>
          {visible.length === 0 ? (
            <p className="empty">条件に合う代替手順はありません。</p>
          ) : (
            <div className="table-scroll">
              <table className="table procedure-table">
                <caption className="visually-hidden">代替手順の一覧</caption>
                <thead>
                  <tr>
                    <th scope="col">{labels.title}</th>
                    <th scope="col">{labels.systemIds}</th>
                    <th scope="col">{labels.levels}</th>
                    <th scope="col">{labels.owner}</th>
                    <th scope="col">{labels.version}</th>
                    <th scope="col">{labels.lastReviewedOn}</th>
                  </tr>
                </thead>
                <tbody>
                  {visible.map(({ procedure, systems }) => (
                    <tr key={procedure.id}>
                      <th scope="row">
                        <Link to={`/procedures/${procedure.id}`}>{procedure.title}</Link>
                      </th>
                      <td>{systems.join('、') || '—'}</td>
                      <td>
                        {procedure.levels.length
                          ? [...procedure.levels]
                              .sort((a, b) => a - b)
                              .map((l) => `レベル${l}`)
                              .join('・')
                          : '—'}
                      </td>
                      <td>{procedure.owner || '—'}</td>
                      <td>{procedure.version || '—'}</td>
                      <td>
                        {procedure.lastReviewedOn ? formatDateJa(procedure.lastReviewedOn) : '—'}
                        <ReviewFlag procedure={procedure} now={now} months={reviewMonths} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
