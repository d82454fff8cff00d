import { memo, useRef } from 'react';
import { Link } from 'react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { LiveIncidentRow } from '../../domain/incidentSearch.ts';
import { impactScopeLabels } from '../../domain/incident.ts';
import { formatDateTimeShort } from '../../domain/dateTime.ts';
import { systemNameOf } from './useSystemNames.ts';
import { StatusBadge } from './StatusBadge.tsx';

const ROW_HEIGHT = 68;

/**
 * The rows of the incident log, virtualised so 50,000 incidents stay smooth. Memoised: a key
 * press in the filter and the URL that follows it re-render the screen, not these rows, which
 * change only with the result.
 */
export const IncidentRows = memo(function IncidentRows({
  rows,
  systemNames,
}: {
  rows: readonly LiveIncidentRow[];
  systemNames: ReadonlyMap<string, string>;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  return (
    <div ref={scrollRef} className="virtual-scroll" tabIndex={-1}>
      <ul
        className="incident-rows"
        aria-label="障害記録の一覧"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const incident = rows[item.index]!;
          return (
            <li
              key={incident.id}
              className="incident-row"
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
            >
              <Link to={`/incidents/${incident.id}`} className="incident-row-link">
                <span className="incident-row-title">
                  <StatusBadge status={incident.status} />
                  {incident.level !== null ? (
                    <span className="level-badge">Lv{incident.level}</span>
                  ) : null}
                  {incident.drill ? <span className="drill-badge">訓練</span> : null}
                  <span className="title-text">{incident.title}</span>
                </span>
                <span className="incident-row-meta">
                  <span>{formatDateTimeShort(incident.occurredAt)}</span>
                  <span>{systemNameOf(incident, systemNames)}</span>
                  <span>{impactScopeLabels[incident.scope]}</span>
                  {incident.terminal ? <span>{incident.terminal}</span> : null}
                  {incident.errorMessage ? (
                    <code className="error-code">{incident.errorMessage}</code>
                  ) : null}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
});
