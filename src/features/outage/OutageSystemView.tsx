import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLiveRecord, useLiveRecords, useOpenIncidents } from '../../db/hooks.ts';
import { continuityPriorityLabels, formatRto } from '../../domain/systemLabels.ts';
import { isOpenStatus } from '../../domain/incidentStatus.ts';
import { formatDateTimeShort } from '../../domain/dateFormat.ts';
import { RecordNotFound } from '../common/RecordNotFound.tsx';
import { usePageTitle } from '../common/usePageTitle.ts';
import { useCanEditMasterData } from '../common/masterDataAccess.tsx';
import { ContactCallList } from '../contacts/ContactCallList.tsx';
import { ProcedureView } from '../procedures/ProcedureView.tsx';
import { KnownProblems } from '../incidents/KnownProblems.tsx';
import { ResidentGuidance } from '../procedures/ResidentGuidance.tsx';
import { LevelGuide } from '../levels/LevelGuide.tsx';
import { StatusBadge } from '../incidents/StatusBadge.tsx';
import { incidentSheetPath, outageKitPath } from '../../print/printOptions.ts';
import { useDrillContactActions, useDrillProcedureOpened } from '../drills/useDrillRecorder.tsx';

// Its languages come from sonae.config.json, whose parser (zod) the first screen does not load.
const GuidanceFullScreen = lazy(async () => ({
  default: (await import('../procedures/GuidanceFullScreen.tsx')).GuidanceFullScreen,
}));

/**
 * One failed system on one screen: start a record, print, what to tell residents, whom to call
 * now, the fallback procedure from 初動, and the level guide. Sections stack in one column at
 * 200% zoom; nothing needs a second window.
 */
export function OutageSystemView({ systemId }: { systemId: string }) {
  const navigate = useNavigate();
  const system = useLiveRecord('system', systemId);
  const procedures = useLiveRecords('procedure');
  const incidents = useOpenIncidents();
  const canEdit = useCanEditMasterData();
  const [chosen, setChosen] = useState<string | null>(null);
  usePageTitle(system ? `障害発生時: ${system.name}` : '障害発生時');

  const own = useMemo(
    () =>
      (procedures ?? [])
        .filter((p) => p.systemIds.includes(systemId))
        .sort((a, b) => a.title.localeCompare(b.title, 'ja')),
    [procedures, systemId],
  );
  const open = useMemo(
    () =>
      (incidents ?? [])
        .filter((i) => i.systemId === systemId && isOpenStatus(i.status))
        .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)),
    [incidents, systemId],
  );
  const procedure = own.find((p) => p.id === chosen) ?? own[0];
  // In a drill: the procedure shown (from 初動) and each contact made go on its timeline.
  useDrillProcedureOpened(system ? procedure : undefined, 'initial');
  const drillContactActions = useDrillContactActions();

  if (system === undefined || canEdit === undefined) return <p role="status">読み込み中…</p>;
  if (system === null) return <RecordNotFound what="このシステム" backTo="/outage" />;

  return (
    <section className="outage-view">
      <p className="back-link no-print">
        <Link to="/outage">← 別のシステムを選ぶ</Link>
      </p>
      <h1>「{system.name}」が止まったとき</h1>
      <p className="outage-facts">
        <span>{continuityPriorityLabels[system.continuityPriority]}</span>
        <span>目標復旧時間: {formatRto(system.rtoHours)}</span>
        {system.department ? <span>所管課: {system.department}</span> : null}
        {system.vendor ? <span>ベンダー: {system.vendor}</span> : null}
      </p>
      <div className="outage-actions no-print">
        <button
          type="button"
          className="primary big"
          onClick={() => navigate(`/incidents/new?system=${encodeURIComponent(system.id)}`)}
        >
          障害を記録する（発生日時は今）
        </button>
        <button
          type="button"
          className="big"
          onClick={() => navigate(outageKitPath(system.id, { procedureId: procedure?.id }))}
        >
          障害時キットを印刷
        </button>
        <button type="button" className="big" onClick={() => navigate(incidentSheetPath())}>
          白紙の障害記録票を印刷
        </button>
      </div>
      {open.length ? (
        <section className="card outage-open" aria-labelledby="outage-open-heading">
          <h2 id="outage-open-heading">このシステムで対応中の障害（{open.length}件）</h2>
          <p className="hint">同じ障害がすでに記録されていないか確かめてください。</p>
          <ul>
            {open.map((incident) => (
              <li key={incident.id}>
                <StatusBadge status={incident.status} />{' '}
                <Link to={`/incidents/${incident.id}`}>{incident.title}</Link>（
                {formatDateTimeShort(incident.occurredAt)}）
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="outage-grid">
        <div className="outage-column">
          <section className="card" aria-labelledby="outage-guidance-heading">
            <h2 id="outage-guidance-heading">住民への案内</h2>
            {procedure?.residentGuidance ? (
              <>
                <ResidentGuidance text={procedure.residentGuidance} />
                <Suspense fallback={null}>
                  <GuidanceFullScreen procedure={procedure} />
                </Suspense>
              </>
            ) : (
              <p>
                案内文は登録されていません。状況と、再開の見込みが分からないことを率直に伝えてください。
              </p>
            )}
          </section>
          <section className="card" aria-labelledby="outage-contacts-heading">
            <h2 id="outage-contacts-heading">いま連絡する先</h2>
            <ContactCallList systemId={system.id} renderActions={drillContactActions} />
          </section>
        </div>
        <div className="outage-column">
          <section className="card" aria-labelledby="outage-procedure-heading">
            <h2 id="outage-procedure-heading">代替手順</h2>
            {own.length > 1 ? (
              <div className="procedure-choice no-print" role="group" aria-label="代替手順を選ぶ">
                {own.map((p) => (
                  <button
                    key={p.id}
                    type="button"
                    aria-pressed={p.id === procedure?.id}
                    onClick={() => setChosen(p.id)}
                  >
                    {p.title}
                  </button>
                ))}
              </div>
            ) : null}
            {procedure ? (
              <ProcedureView procedure={procedure} startPhase="initial" headingLevel={3} />
            ) : (
              <p>
                このシステムの代替手順は登録されていません。
                {canEdit ? <Link to="/procedures/new">代替手順を作成する</Link> : null}
              </p>
            )}
          </section>
        </div>
      </div>
      <KnownProblems systemId={system.id} />
      <section className="card" aria-labelledby="outage-levels-heading">
        <h2 id="outage-levels-heading">障害レベルの目安</h2>
        <LevelGuide compact />
      </section>
    </section>
  );
}
