import { useMemo } from 'react';
import { Link } from 'react-router';
import { useLiveRecords } from '../../db/hooks.ts';
import { incidentLevelFieldLabels as labels } from '../../domain/incidentLevelLabels.ts';
import { formatNotifyWithin } from '../../domain/levelSuggestion.ts';
import './levels.css';

/**
 * The level guide: every level with its criteria and whom to notify within how long, read-only.
 * `compact` drops 対応内容 and tightens the table for the outage screen.
 */
export function LevelGuide({ compact = false }: { compact?: boolean }) {
  const levels = useLiveRecords('incidentLevel');
  const sorted = useMemo(() => [...(levels ?? [])].sort((a, b) => a.level - b.level), [levels]);

  if (levels === undefined) return <p role="status">読み込み中…</p>;
  if (sorted.length === 0)
    return (
      <p className="hint">
        障害レベルが登録されていません（<Link to="/levels">障害レベル</Link>で登録します）。
      </p>
    );
  return (
    <div className="table-scroll">
      <table className={`table level-guide${compact ? ' level-guide-compact' : ''}`}>
        <caption className="visually-hidden">障害レベルの目安と連絡の期限</caption>
        <thead>
          <tr>
            <th scope="col">{labels.level}</th>
            <th scope="col">{labels.criteria}</th>
            {compact ? null : <th scope="col">{labels.actions}</th>}
            <th scope="col">連絡先と期限</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((level) => (
            <tr key={level.id}>
              <th scope="row" className="level-guide-name">
                レベル{level.level}
                <br />
                {level.name}
              </th>
              <td>{level.criteria}</td>
              {compact ? null : <td>{level.actions || '—'}</td>}
              <td>
                {level.notify || '—'}
                <br />
                <strong>{formatNotifyWithin(level.notifyWithinMinutes)}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
