import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useIncidentList, useLiveRecord } from '../../db/hooks.ts';
import { formatDateTimeShort } from '../../domain/dateTime.ts';
import { isOpenStatus } from '../../domain/incidentStatus.ts';
import { incidentLessons } from '../../domain/incidentLessons.ts';
import { IncidentLessonList } from './IncidentLessonList.tsx';
import type { IncidentListRow } from '../../domain/incidentSearch.ts';
import {
  createSimilarIncidentFinder,
  similarReasonLabels,
  type SimilarIncident,
  type SimilarIncidentFinder,
} from '../../domain/similarIncidents.ts';
import { systemNameOf, useSystemNames } from './useSystemNames.ts';
import './similarIncidents.css';

export interface SimilarIncidentsProps {
  errorMessage: string;
  systemId: string;
  /** Title and symptoms as typed. */
  text: string;
  /** The incident being edited (never suggested to itself). */
  excludeId?: string | undefined;
}

/**
 * 過去の事例 beside the incident form. The ranking reads deferred copies of the typed values,
 * so React renders each keystroke in the form first and the suggestions when it has time.
 */
export function SimilarIncidents({
  errorMessage,
  systemId,
  text,
  excludeId,
}: SimilarIncidentsProps) {
  const list = useIncidentList();
  const names = useSystemNames();
  const [finder] = useState(createSimilarIncidentFinder);
  const deferredMessage = useDeferredValue(errorMessage);
  const deferredText = useDeferredValue(text);
  const rows = useIndexedRows(finder, list.index?.rows ?? list.newest);
  const found = useMemo(
    () =>
      rows
        ? finder.find(
            { errorMessage: deferredMessage, systemId, text: deferredText, excludeId },
            rows,
          )
        : [],
    [finder, rows, deferredMessage, systemId, deferredText, excludeId],
  );
  const typed = deferredMessage.trim() !== '' || deferredText.trim() !== '';

  return (
    <aside className="similar-incidents" aria-labelledby="similar-incidents-heading">
      <h2 id="similar-incidents-heading">過去の事例</h2>
      {!typed ? (
        <p className="hint">
          件名・症状・エラーメッセージを入力すると、似た障害の記録をここに表示します。
        </p>
      ) : !rows ? (
        <p role="status">過去の記録を読み込み中…</p>
      ) : found.length === 0 ? (
        <p className="hint">似た障害の記録は見つかりません。</p>
      ) : (
        <ol>
          {found.map((item) => (
            <SimilarEntry key={item.row.id} item={item} names={names} />
          ))}
        </ol>
      )}
    </aside>
  );
}

/**
 * The rows once the finder has indexed them, a chunk per task so that opening the form at
 * 50,000 incidents never freezes typing; until a new list is indexed the previous one serves.
 */
function useIndexedRows(
  finder: SimilarIncidentFinder,
  rows: readonly IncidentListRow[] | undefined,
): readonly IncidentListRow[] | undefined {
  const [ready, setReady] = useState<readonly IncidentListRow[]>();
  useEffect(() => {
    if (!rows) return;
    const step = finder.prepare(rows);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      if (step()) setReady(rows);
      else timer = setTimeout(run, 0);
    };
    run();
    return () => clearTimeout(timer);
  }, [finder, rows]);
  return ready;
}

/** One suggestion; the full record is read only for the few shown, for its cause and fix. */
function SimilarEntry({
  item,
  names,
}: {
  item: SimilarIncident;
  names: ReadonlyMap<string, string>;
}) {
  const { row, reasons } = item;
  const resolved = !isOpenStatus(row.status);
  const record = useLiveRecord('incident', resolved ? row.id : undefined);
  const details = record ? incidentLessons(record) : [];
  return (
    <li>
      <Link to={`/incidents/${row.id}`}>{row.title || '（件名なし）'}</Link>
      <p className="similar-meta">
        {formatDateTimeShort(row.occurredAt)}・{systemNameOf(row, names)}
      </p>
      <p className="similar-reason">{reasons.map((r) => similarReasonLabels[r]).join('・')}</p>
      <IncidentLessonList lessons={details} />
    </li>
  );
}
