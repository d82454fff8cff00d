import { Link } from 'react-router';
import { useLiveRecords } from '../../db/hooks.ts';
import { isAwaitingManualUpdate } from '../../domain/incidentFilter.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { useCanEditMasterData } from '../common/masterDataAccess.tsx';
import './manualPrompt.css';

/**
 * Shown on a resolved incident with a cause and a countermeasure whose manual is not updated yet
 * (seed 000: マニュアル・手順書の更新): asks whether the procedure, the contacts or the level
 * guide need a change, and opens the procedure editor with the incident linked, so the new
 * version is recorded against it.
 */
export function IncidentManualPrompt({ incident }: { incident: RecordOf<'incident'> }) {
  const procedures = useLiveRecords('procedure');
  const canEdit = useCanEditMasterData();
  if (!isAwaitingManualUpdate(incident) || !procedures || canEdit === undefined) return null;
  const linked = procedures.filter((p) =>
    incident.procedureId ? p.id === incident.procedureId : p.systemIds.includes(incident.systemId),
  );
  const from = `fromIncident=${encodeURIComponent(incident.id)}`;
  return (
    <section className="card manual-prompt" aria-labelledby="manual-prompt-heading">
      <h2 id="manual-prompt-heading">マニュアル・手順書の更新</h2>
      <p>
        原因と対策が分かりました。次に同じことが起きたときのために、手順書・連絡先・障害レベルの目安を直す必要がないか確認してください。
      </p>
      {canEdit ? (
        <ul className="manual-prompt-links">
          {linked.map((p) => (
            <li key={p.id}>
              <Link className="button primary" to={`/procedures/${p.id}/edit?${from}`}>
                代替手順「{p.title}」を更新する
              </Link>
            </li>
          ))}
          {linked.length === 0 ? (
            <li>
              <Link
                className="button"
                to={`/procedures/new?system=${encodeURIComponent(incident.systemId)}&${from}`}
              >
                代替手順を作成する
              </Link>
            </li>
          ) : null}
          <li>
            <Link to={`/systems/${incident.systemId}`}>連絡先を見直す（システムのページ）</Link>
          </li>
          <li>
            <Link to="/levels">障害レベルの目安を見直す</Link>
          </li>
        </ul>
      ) : (
        <p>手順書や連絡先の更新は情報システム担当が行います。必要なら更新を依頼してください。</p>
      )}
      <p className="hint">
        手順書を更新して保存すると、この記録の「マニュアル更新」が済みになります。直す必要がなければ「編集」で「マニュアル更新」に理由を書いてください。
      </p>
    </section>
  );
}
