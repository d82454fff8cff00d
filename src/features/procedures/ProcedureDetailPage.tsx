import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useLiveRecord, useLiveRecords } from '../../db/hooks.ts';
import { procedureFieldLabels } from '../../domain/procedure.ts';
import { todayInTokyo } from '../../domain/procedureRules.ts';
import { Banner } from '../common/Banner.tsx';
import { DeleteRecordButton } from '../common/DeleteRecordButton.tsx';
import { RecordNotFound } from '../common/RecordNotFound.tsx';
import { ReadOnlyNotice, useCanEditMasterData } from '../common/masterDataAccess.tsx';
import { useNow } from '../common/useNow.ts';
import { usePageTitle } from '../common/usePageTitle.ts';
import { ConflictBadge } from '../exchange/ConflictBadge.tsx';
import { outageKitPath } from '../../print/printOptions.ts';
import { ProcedureView } from './ProcedureView.tsx';
import { ResidentGuidance } from './ResidentGuidance.tsx';
import { GuidanceLanguagesPanel } from './GuidanceLanguagesPanel.tsx';
import { ProcedureVersionHistory } from './ProcedureVersionHistory.tsx';
import { ReviewFlag } from './ReviewFlag.tsx';
import { MarkReviewedButton } from './MarkReviewedButton.tsx';
import { RecordFollowUps } from '../followUps/RecordFollowUps.tsx';
import './procedures.css';

type Message = { kind: 'error' | 'success'; text: string };

/** One 代替手順: the view to work through, the resident guidance, and (IT section) its upkeep. */
export function ProcedureDetailPage() {
  const { id } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const procedure = useLiveRecord('procedure', id);
  const systems = useLiveRecords('system');
  const incidents = useLiveRecords('incident');
  const canEdit = useCanEditMasterData();
  const now = useNow();
  const [message, setMessage] = useState<Message | null>(
    (location.state as { saved?: boolean } | null)?.saved
      ? { kind: 'success', text: '保存しました。' }
      : null,
  );
  usePageTitle(procedure ? procedure.title : '代替手順');

  if (procedure === undefined || canEdit === undefined) return <p role="status">読み込み中…</p>;
  if (procedure === null) return <RecordNotFound what="この代替手順" backTo="/procedures" />;

  const today = todayInTokyo(now);
  const systemNames = new Map((systems ?? []).map((s) => [s.id, s.name]));
  const usedBy = (incidents ?? []).filter((i) => i.procedureId === procedure.id).length;
  // The kit is per system: this procedure prints as part of its first system that still exists.
  const kitSystemId = procedure.systemIds.find((systemId) => systemNames.has(systemId));

  return (
    <article className="procedure-detail">
      <p>
        <Link to="/procedures">← 代替手順の一覧</Link>
      </p>
      <div className="page-heading">
        <h1>{procedure.title}</h1>
        <ConflictBadge type="procedure" id={procedure.id} />
        <ReviewFlag procedure={procedure} now={now} />
      </div>
      {message ? <Banner kind={message.kind}>{message.text}</Banner> : null}
      <div className="actions procedure-print-actions">
        <button
          type="button"
          disabled={!kitSystemId}
          onClick={() =>
            kitSystemId && navigate(outageKitPath(kitSystemId, { procedureId: procedure.id }))
          }
        >
          この手順を印刷
        </button>
        {kitSystemId || systems === undefined ? null : (
          <span className="hint">
            対象システムがないため印刷できません（手順はシステムの障害時キットとして印刷します）。
          </span>
        )}
      </div>
      {canEdit === false ? <ReadOnlyNotice what="代替手順" /> : null}
      {canEdit ? (
        <div className="actions procedure-actions">
          <Link className="button primary" to={`/procedures/${procedure.id}/edit`}>
            編集
          </Link>
          <MarkReviewedButton procedure={procedure} today={today} onResult={setMessage} />
          <DeleteRecordButton
            type="procedure"
            id={procedure.id}
            rev={procedure.rev}
            title={procedure.title}
            afterDelete="/procedures"
            consequence={
              usedBy > 0
                ? `この手順を使った障害記録が${usedBy}件あります。記録は残り、手順は「削除された手順」と表示されます。`
                : undefined
            }
          />
        </div>
      ) : null}
      <RecordFollowUps targetType="procedure" targetId={procedure.id} />
      <section className="procedure-systems" aria-labelledby="procedure-systems-heading">
        <h2 id="procedure-systems-heading">{procedureFieldLabels.systemIds}</h2>
        {procedure.systemIds.length === 0 ? (
          <p className="hint">対象システムは指定されていません。</p>
        ) : (
          <ul className="procedure-system-links">
            {procedure.systemIds.map((systemId) => {
              const name = systemNames.get(systemId);
              return (
                <li key={systemId}>
                  {name ? (
                    <>
                      <Link to={`/systems/${systemId}`}>{name}</Link>
                      <Link
                        className="procedure-outage-link"
                        to={`/outage/${systemId}`}
                        aria-label={`${name}の障害発生時の画面`}
                      >
                        障害発生時の画面
                      </Link>
                    </>
                  ) : (
                    <span className="hint">（削除されたか、この端末にないシステム）</span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <div className="procedure-layout">
        <aside className="procedure-guidance" aria-labelledby="procedure-guidance-heading">
          <h2 id="procedure-guidance-heading">{procedureFieldLabels.residentGuidance}</h2>
          <ResidentGuidance text={procedure.residentGuidance} />
          <GuidanceLanguagesPanel procedure={procedure} />
        </aside>
        <div className="procedure-main">
          <ProcedureView procedure={procedure} headingLevel={2} />
          <ProcedureVersionHistory
            procedure={procedure}
            incidentTitles={new Map((incidents ?? []).map((i) => [i.id, i.title]))}
          />
        </div>
      </div>
    </article>
  );
}
