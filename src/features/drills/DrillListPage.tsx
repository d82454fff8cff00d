import { useMemo } from 'react';
import { Link } from 'react-router';
import { useLiveRecords } from '../../db/hooks.ts';
import { drillStatuses, drillStatusLabels, type DrillStatus } from '../../domain/drill.ts';
import { formatDateJa } from '../../domain/dateTime.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { usePageTitle } from '../common/usePageTitle.ts';
import { ReadinessTabs } from './ReadinessTabs.tsx';

const headings: Record<DrillStatus, string> = {
  running: '実施中の訓練',
  planned: '計画中の訓練',
  done: '終了した訓練',
};

/** /drills — 訓練: drills running, planned (soonest first) and done (latest first). */
export function DrillListPage() {
  usePageTitle('訓練');
  const drills = useLiveRecords('drill');
  const systems = useLiveRecords('system');
  const groups = useMemo(() => {
    const byStatus = new Map<DrillStatus, RecordOf<'drill'>[]>(drillStatuses.map((s) => [s, []]));
    for (const drill of drills ?? []) byStatus.get(drill.status)!.push(drill);
    for (const [status, list] of byStatus)
      list.sort((a, b) =>
        status === 'done'
          ? b.plannedOn.localeCompare(a.plannedOn)
          : a.plannedOn.localeCompare(b.plannedOn),
      );
    return byStatus;
  }, [drills]);
  const names = new Map((systems ?? []).map((s) => [s.id, s.name]));

  return (
    <section>
      <ReadinessTabs />
      <div className="page-heading">
        <h1>訓練</h1>
        <Link className="button primary" to="/drills/new">
          訓練を計画する
        </Link>
      </div>
      <p className="lead">
        止まったときの手順は、一度やってみないと動きません。訓練を計画し、「訓練を開始」すると実際の「障害発生時」の画面で練習でき、経過と時間が記録されます。
      </p>
      {drills === undefined ? (
        <p role="status">読み込み中…</p>
      ) : drills.length === 0 ? (
        <p className="notice">まだ訓練はありません。「訓練を計画する」から始めてください。</p>
      ) : (
        (['running', 'planned', 'done'] as const).map((status) =>
          groups.get(status)!.length ? (
            <section key={status} aria-labelledby={`drills-${status}`}>
              <h2 id={`drills-${status}`}>{headings[status]}</h2>
              <ul className="drill-list">
                {groups.get(status)!.map((drill) => (
                  <li key={drill.id}>
                    <span className={`drill-status drill-status-${drill.status}`}>
                      {drillStatusLabels[drill.status]}
                    </span>
                    <Link to={`/drills/${drill.id}`}>{drill.title}</Link>
                    <span>{formatDateJa(drill.plannedOn)}</span>
                    <span className="hint">
                      {names.get(drill.systemId) ?? '（削除されたシステム）'}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null,
        )
      )}
    </section>
  );
}
