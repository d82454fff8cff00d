import { Link } from 'react-router';
import { useKnownProblems } from '../../db/hooks.ts';
import { formatDateTimeShort } from '../../domain/dateFormat.ts';
import { incidentLessons } from '../../domain/incidentLessons.ts';
import { IncidentLessonList } from './IncidentLessonList.tsx';

/**
 * 既知の問題と回避策 of one system, drawn from its resolved incidents: what happened before,
 * why, and what got the counter going again.
 */
export function KnownProblems({
  systemId,
  headingLevel = 2,
}: {
  systemId: string;
  headingLevel?: 2 | 3;
}) {
  const problems = useKnownProblems(systemId);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="card known-problems" aria-labelledby={`known-problems-${systemId}`}>
      <Heading id={`known-problems-${systemId}`}>既知の問題と回避策（過去の事例）</Heading>
      {problems === undefined ? (
        <p role="status">読み込み中…</p>
      ) : problems.length === 0 ? (
        <p className="hint">
          このシステムで解決した障害の記録（原因・対策の書かれたもの）はまだありません。
        </p>
      ) : (
        <ol>
          {problems.map((incident) => (
            <li key={incident.id}>
              <Link to={`/incidents/${incident.id}`}>{incident.title || '（件名なし）'}</Link>{' '}
              <span className="hint">{formatDateTimeShort(incident.occurredAt)}</span>
              <IncidentLessonList lessons={incidentLessons(incident)} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
