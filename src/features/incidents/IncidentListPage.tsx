import { useMemo } from 'react';
import { Link } from 'react-router';
import { useIncidentList, useLiveRecords } from '../../db/hooks.ts';
import { loadIncidentRecords } from '../../db/incidentListQueries.ts';
import {
  emptyIncidentFilter,
  incidentFilterFromParams,
  incidentFilterToParams,
  isIncidentFilterActive,
} from '../../domain/incidentFilter.ts';
import { buildSearchIndex, searchIncidentIndex } from '../../domain/incidentSearchIndex.ts';
import { usePageTitle } from '../common/usePageTitle.ts';
import { IncidentFilters } from './IncidentFilters.tsx';
import { systemNameOf, useSystemNames } from './useSystemNames.ts';
import { useUrlFilterState } from '../common/useUrlFilterState.ts';
import { IncidentRows } from './IncidentRows.tsx';
import { incidentsToCsv } from '../../exchange/incidentCsv.ts';
import { CsvExportButton } from '../contacts/CsvExportButton.tsx';
import { datedFileName } from '../contacts/contactText.ts';

/** Rows read before all the others: more than one screen holds. */
const FIRST_PAGE = 50;

/**
 * 障害記録: the incident log, filterable, virtualised. It shows the newest rows first and searches
 * once every row is read (src/db/incidentListQueries.ts); the filter is the screen's own state,
 * with the URL following it (useUrlFilterState), so no key press is ever lost.
 */
export function IncidentListPage() {
  usePageTitle('障害記録');
  const { newest, index } = useIncidentList(FIRST_PAGE);
  const systems = useLiveRecords('system');
  const levels = useLiveRecords('incidentLevel');
  const systemNames = useSystemNames();
  // The screen owns the filter and the URL follows it, so no key press is ever lost (issue 9).
  const { filter, update, clear } = useUrlFilterState(
    incidentFilterFromParams,
    incidentFilterToParams,
    emptyIncidentFilter,
  );

  // Until every row is read, the newest ones are searched; the count says it is not all yet.
  const searchable = useMemo(
    () => index ?? (newest ? buildSearchIndex(newest) : undefined),
    [index, newest],
  );
  // The result is rendered with the key press that asked for it, not deferred: at 50,000
  // incidents the search takes a few ms and the rows on screen about as much, while a deferred
  // second render let the browser paint in between and time-slice the rest (24.5 ms to the
  // frame for 「印刷」, issue 9). The box stays the screen's own state, so a key is never lost.
  const visible = useMemo(
    () => (searchable ? searchIncidentIndex(searchable, filter, systemNames) : []),
    [searchable, filter, systemNames],
  );
  const sortedSystems = useMemo(
    () => [...(systems ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'ja')),
    [systems],
  );
  const sortedLevels = useMemo(
    () => [...(levels ?? [])].sort((a, b) => a.level - b.level),
    [levels],
  );
  const isFiltered = isIncidentFilterActive(filter);

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
            makeCsv={async () =>
              incidentsToCsv(await loadIncidentRecords(visible.map((row) => row.id)), (incident) =>
                systemNameOf(incident, systemNames),
              )
            }
            count={visible.length}
            disabled={index === undefined || visible.length === 0}
          />
        </div>
      </div>
      <IncidentFilters
        filter={filter}
        onChange={update}
        systems={sortedSystems}
        levels={sortedLevels}
      />
      <p className="result-count" role="status" aria-live="polite">
        {index === undefined
          ? '読み込み中…'
          : isFiltered
            ? `${visible.length}件（全${index.rows.length}件中）`
            : `${visible.length}件`}
        {isFiltered ? (
          <button type="button" className="link-button" onClick={clear}>
            絞り込みを解除
          </button>
        ) : null}
      </p>
      {index !== undefined && visible.length === 0 ? (
        <p className="empty">
          {isFiltered
            ? '条件に合う障害記録はありません。'
            : 'まだ障害記録はありません。「障害を記録する」から作成してください。'}
        </p>
      ) : (
        <IncidentRows rows={visible} systemNames={systemNames} />
      )}
    </section>
  );
}
