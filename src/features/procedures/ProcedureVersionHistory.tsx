import { Link } from 'react-router';
import { formatJapaneseCalendarDate } from '../../domain/japaneseDate.ts';
import { procedureFieldLabels } from '../../domain/procedure.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';

/** 改訂の記録: each version with its date, what changed and the incident it came from. */
export function ProcedureVersionHistory({
  procedure,
  incidentTitles,
}: {
  procedure: RecordOf<'procedure'>;
  /** id → title of the incidents on this PC. */
  incidentTitles: ReadonlyMap<string, string>;
}) {
  const history = [...(procedure.versionHistory ?? [])].sort((a, b) => (a.on < b.on ? 1 : -1));
  if (history.length === 0) return null;
  return (
    <section className="procedure-history" aria-labelledby="procedure-history-heading">
      <h2 id="procedure-history-heading">{procedureFieldLabels.versionHistory}</h2>
      <ul>
        {history.map((r) => (
          <li key={r.id}>
            <strong>{r.version || '（版の記載なし）'}</strong> {formatJapaneseCalendarDate(r.on)}
            {r.note ? ` ${r.note}` : ''}
            {r.incidentId ? (
              <>
                {' '}
                （障害記録:{' '}
                <Link to={`/incidents/${r.incidentId}`}>
                  {incidentTitles.get(r.incidentId) ?? 'この端末にない記録'}
                </Link>
                ）
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
