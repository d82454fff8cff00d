import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLiveRecords, useOpenIncidents } from '../../db/hooks.ts';
import { continuityPriorityLabels } from '../../domain/systemLabels.ts';
import { compareSystemsByPriority } from '../../domain/systemRules.ts';
import { isOpenStatus } from '../../domain/incidentStatus.ts';
import { matchesAllTerms, normalizeForSearch } from '../../domain/textSearch.ts';
import { useCanEditMasterData } from '../common/masterDataAccess.tsx';
import { usePageTitle } from '../common/usePageTitle.ts';

/** Big buttons, 非常時優先業務 first, filtered as the clerk types; Enter opens a single match. */
export function SystemPicker() {
  usePageTitle('障害発生時');
  const navigate = useNavigate();
  const systems = useLiveRecords('system');
  const incidents = useOpenIncidents();
  const canEdit = useCanEditMasterData();
  const [query, setQuery] = useState('');

  const openCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const incident of incidents ?? [])
      if (isOpenStatus(incident.status))
        counts.set(incident.systemId, (counts.get(incident.systemId) ?? 0) + 1);
    return counts;
  }, [incidents]);
  const shown = useMemo(
    () =>
      [...(systems ?? [])]
        .filter((s) =>
          matchesAllTerms(
            normalizeForSearch([s.name, s.department, s.vendor, s.priorityServices].join(' ')),
            query,
          ),
        )
        .sort(compareSystemsByPriority),
    [systems, query],
  );

  function openSingle(event: FormEvent) {
    event.preventDefault();
    if (shown.length === 1) navigate(`/outage/${shown[0]!.id}`);
  }

  return (
    <section className="outage-picker">
      <h1>障害発生時</h1>
      <p className="lead">止まっている（おかしい）システムを選んでください。</p>
      <form role="search" onSubmit={openSingle} className="outage-search">
        <label htmlFor="outage-query">システムを探す</label>
        <input
          id="outage-query"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="例: 住民記録、税、福祉"
          autoComplete="off"
        />
      </form>
      {systems === undefined || canEdit === undefined ? (
        <p role="status">読み込み中…</p>
      ) : systems.length === 0 ? (
        <div className="notice">
          <p>まだシステムが登録されていません。</p>
          {canEdit ? (
            <p>
              <Link to="/systems/new">システムを登録</Link>
              すると、ここからそのシステムの代替手順と連絡先をすぐに開けます。
            </p>
          ) : (
            <p>
              情報システム担当が配布するファイルを<Link to="/exchange">データ交換</Link>
              で取り込むと、ここにシステムが並びます。
            </p>
          )}
          <p>
            記録だけ先に残す場合は<Link to="/incidents/new">障害を記録する</Link>から入力できます。
          </p>
        </div>
      ) : shown.length === 0 ? (
        <p role="status">「{query}」に当てはまるシステムはありません。</p>
      ) : (
        <ul className="outage-systems" aria-label="システム">
          {shown.map((system) => {
            const open = openCounts.get(system.id) ?? 0;
            return (
              <li key={system.id}>
                <Link to={`/outage/${system.id}`} className="outage-system">
                  <span className="outage-system-name">{system.name}</span>
                  <span className="outage-system-meta">
                    {system.continuityPriority === 'highest' ? (
                      <span className="badge badge-strong">非常時優先</span>
                    ) : null}
                    {system.department ? <span>{system.department}</span> : null}
                    {open ? <span className="badge badge-alert">対応中の障害 {open}件</span> : null}
                  </span>
                  <span className="visually-hidden">
                    （{continuityPriorityLabels[system.continuityPriority]}）
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
