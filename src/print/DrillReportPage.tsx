import { useParams } from 'react-router';
import { useLiveRecord, useLiveRecords } from '../db/hooks.ts';
import { useDrillFollowUps } from '../db/followUps.ts';
import type { Station } from '../domain/station.ts';
import { RecordNotFound } from '../features/common/RecordNotFound.tsx';
import { targetName, useFollowUpTargets } from '../features/drills/useFollowUpTargets.ts';
import { DrillReport } from './DrillReport.tsx';
import { PrintPage, usePrintedAt } from './PrintPage.tsx';
import './reports.css';
import './drillReport.css';

/** /print/drill-report/:drillId — the 訓練実施報告書 of one drill, printed once it is loaded. */
export function DrillReportPage({ station }: { station: Station }) {
  const { drillId = '' } = useParams();
  const drill = useLiveRecord('drill', drillId);
  const systems = useLiveRecords('system');
  const levels = useLiveRecords('incidentLevel');
  const followUps = useDrillFollowUps(drillId);
  const targets = useFollowUpTargets(drill?.systemId ?? '');
  const printedAt = usePrintedAt();
  const isLoaded =
    drill !== undefined &&
    systems !== undefined &&
    levels !== undefined &&
    !!followUps &&
    !!targets;
  const name = drill ? `訓練実施報告書「${drill.title}」` : '訓練実施報告書';

  return (
    <PrintPage
      title={name}
      backTo={`/drills/${encodeURIComponent(drillId)}`}
      ready={isLoaded && drill !== null}
      footer={`${station.municipality} 訓練実施報告書`}
      printedAt={printedAt}
    >
      {drill === null ? (
        <div className="print-paper">
          <RecordNotFound what="この訓練" backTo="/drills" />
        </div>
      ) : isLoaded ? (
        <DrillReport
          municipality={station.municipality}
          drill={drill}
          systemName={
            systems.find((s) => s.id === drill.systemId)?.name ?? '（削除されたシステム）'
          }
          levelName={levels.find((l) => l.level === drill.level)?.name ?? null}
          followUps={followUps.map((f) => ({
            ...f,
            targetName: targetName(targets, f.targetType, f.targetId),
          }))}
          printedAt={printedAt}
        />
      ) : (
        <p className="print-loading" role="status">
          読み込み中…
        </p>
      )}
    </PrintPage>
  );
}
