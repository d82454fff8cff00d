import { useCallback, useMemo, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveRecords } from '../../db/hooks.ts';
import type { IncidentRecord } from '../../domain/incident.ts';
import {
  emptyIncidentFilter,
  filterIncidents,
  incidentSearchText,
  incidentSorts,
  type IncidentFilter,
} from '../../domain/incidentFilter.ts';
import { incidentStatuses } from '../../domain/incidentStatus.ts';
import { impactScopeLabels } from '../../domain/incident.ts';
import { formatDateTimeShort } from '../../domain/dateTime.ts';
import { usePageTitle } from '../common/usePageTitle.ts';
import { IncidentFilters } from './IncidentFilters.tsx';
import { systemNameOf, useSystemNames } from './useSystemNames.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { incidentsToCsv } from '../../exchange/incidentCsv.ts';
import { CsvExportButton } from '../contacts/CsvExportButton.tsx';
import { datedFileName } from '../contacts/contactText.ts';

const ROW_HEIGHT = 68;

/** Reads the filter from the URL, so Back, reload and a bookmark keep it. */
function readFilter(params: URLSearchParams): IncidentFilter {
  const status = params.get('status') ?? '';
  const sort = params.get('sort') ?? '';
  return {
    status:
      status === 'open' || (incidentStatuses as readonly string[]).includes(status)
        ? (status as IncidentFilter['status'])
        : '',
    systemId: params.get('system') ?? '',
    level: params.get('level') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    text: params.get('q') ?? '',
    sort: sort in incidentSorts ? (sort as IncidentFilter['sort']) : emptyIncidentFilter.sort,
  };
}

const paramNames: Record<keyof IncidentFilter, string> = {
  status: 'status',
  systemId: 'system',
  level: 'level',
  from: 'from',
  to: 'to',
  text: 'q',
  sort: 'sort',
};

/** 障害記録: the incident log, filterable, virtualised so 10,000 records stay smooth. */
export function IncidentListPage() {
  usePageTitle('障害記録');
  const incidents = useLiveRecords('incident');
  const systems = useLiveRecords('system');
  const levels = useLiveRecords('incidentLevel');
  const systemNames = useSystemNames();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => readFilter(params), [params]);

  const updateFilter = useCallback(
    (patch: Partial<IncidentFilter>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            const name = paramNames[key as keyof IncidentFilter];
            if (value) next.set(name, String(value));
            else next.delete(name);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  // Folding 10,000 records' text once per data change keeps each keystroke to a plain scan.
  const searchTexts = useMemo(() => {
    const cache = new WeakMap<IncidentRecord, string>();
    return (incident: IncidentRecord) => {
      let text = cache.get(incident);
      if (text === undefined) {
        text = incidentSearchText(incident, systemNameOf(incident, systemNames));
        cache.set(incident, text);
      }
      return text;
    };
  }, [systemNames]);

  const visible = useMemo(
    () => (incidents ? filterIncidents(incidents, filter, searchTexts) : []),
    [incidents, filter, searchTexts],
  );
  const sortedSystems = useMemo(
    () => [...(systems ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'ja')),
    [systems],
  );
  const sortedLevels = useMemo(
    () => [...(levels ?? [])].sort((a, b) => a.level - b.level),
    [levels],
  );
  const isFiltered = incidentFilterIsActive(filter);

  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  return (
    <section className="incident-list-page">
      <div className="page-heading">
        <h1>障害記録</h1>
        <div className="actions heading-actions">
          <Link className="button primary" to="/incidents/new">
            障害を記録する
          </Link>
          {/* Exports what the filter shows, in the order shown. */}
          <CsvExportButton
            what={
              isFiltered ? `絞り込んだ障害記録 ${visible.length}件` : `障害記録 ${visible.length}件`
            }
            personalData="報告者の氏名"
            fileName={() => datedFileName('障害記録', new Date())}
            makeCsv={() =>
              incidentsToCsv(visible, (incident) => systemNameOf(incident, systemNames))
            }
            disabled={visible.length === 0}
          />
        </div>
      </div>
      <IncidentFilters
        filter={filter}
        onChange={updateFilter}
        systems={sortedSystems}
        levels={sortedLevels}
      />
      <p className="result-count" role="status" aria-live="polite">
        {incidents === undefined
          ? '読み込み中…'
          : isFiltered
            ? `${visible.length}件（全${incidents.length}件中）`
            : `${visible.length}件`}
        {isFiltered ? (
          <button
            type="button"
            className="link-button"
            onClick={() => setParams(new URLSearchParams(), { replace: true })}
          >
            絞り込みを解除
          </button>
        ) : null}
      </p>
      {incidents !== undefined && visible.length === 0 ? (
        <p className="empty">
          {isFiltered
            ? '条件に合う障害記録はありません。'
            : 'まだ障害記録はありません。「障害を記録する」から作成してください。'}
        </p>
      ) : (
        <div ref={scrollRef} className="virtual-scroll" tabIndex={-1}>
          <ul
            className="incident-rows"
            aria-label="障害記録の一覧"
            style={{ height: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const incident = visible[item.index]!;
              return (
                <li
                  key={incident.id}
                  className="incident-row"
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  aria-setsize={visible.length}
                  aria-posinset={item.index + 1}
                >
                  <Link to={`/incidents/${incident.id}`} className="incident-row-link">
                    <span className="incident-row-title">
                      <StatusBadge status={incident.status} />
                      {incident.level !== null ? (
                        <span className="level-badge">Lv{incident.level}</span>
                      ) : null}
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
      )}
    </section>
  );
}

function incidentFilterIsActive(filter: IncidentFilter): boolean {
  return Boolean(
    filter.status ||
    filter.systemId ||
    filter.level ||
    filter.from ||
    filter.to ||
    filter.text.trim(),
  );
}
