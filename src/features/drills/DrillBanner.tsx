import { Link } from 'react-router';
import { useActiveDrill } from '../../db/activeDrill.ts';
import './drills.css';

/**
 * 「訓練中」 on every screen while this station runs a drill (issue 15), so nobody takes drill
 * records for a real outage; 「訓練を終了」 asks for the findings.
 */
export function DrillBanner() {
  const drill = useActiveDrill();
  if (!drill) return null;
  return (
    <div className="drill-banner" role="region" aria-label="訓練中">
      <strong className="drill-banner-mark">訓練中</strong>
      <span className="drill-banner-name">
        <Link to={`/drills/${drill.id}`}>{drill.title}</Link>
      </span>
      <span className="drill-banner-hint">
        この間の障害記録・印刷・連絡は訓練として記録されます。
      </span>
      <Link className="button" to={`/drills/${drill.id}/end`}>
        訓練を終了
      </Link>
    </div>
  );
}
