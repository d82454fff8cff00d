import { useParams } from 'react-router';
import { useLiveRecord, useLiveRecords } from '../db/hooks.ts';
import type { Station } from '../domain/station.ts';
import { RecordNotFound } from '../features/common/RecordNotFound.tsx';
import { systemNameOf } from '../features/incidents/useSystemNames.ts';
import { IncidentReport } from './IncidentReport.tsx';
import { useImageStates } from './useImageStates.ts';
import { PrintPage, usePrintedAt } from './PrintPage.tsx';
import { useAttachmentPreviews } from './useAttachmentPreviews.ts';
import './reports.css';

/**
 * /print/incident-report/:incidentId — the 障害報告書 of one incident, printed by itself once its
 * records are loaded and every thumbnail has loaded (or failed): an image still loading when the
 * browser lays out the page would print as an empty box.
 */
export function IncidentReportPage({ station }: { station: Station }) {
  const { incidentId = '' } = useParams();
  const incident = useLiveRecord('incident', incidentId);
  const systems = useLiveRecords('system');
  const levels = useLiveRecords('incidentLevel');
  const procedures = useLiveRecords('procedure');
  const previews = useAttachmentPreviews(incident?.attachments);
  const images = useImageStates(previews, incident?.attachments.map((a) => a.id) ?? []);
  const printedAt = usePrintedAt();

  const isLoaded =
    incident !== undefined &&
    systems !== undefined &&
    levels !== undefined &&
    procedures !== undefined;
  const name = incident ? `障害報告書「${incident.title}」` : '障害報告書';

  return (
    <PrintPage
      title={name}
      backTo={`/incidents/${encodeURIComponent(incidentId)}`}
      ready={isLoaded && incident !== null && images.areSettled}
      footer={`${station.municipality} 障害報告書`}
      printedAt={printedAt}
    >
      {incident === null ? (
        <div className="print-paper">
          <RecordNotFound what="この障害記録" backTo="/incidents" />
        </div>
      ) : isLoaded ? (
        <IncidentReport
          municipality={station.municipality}
          incident={incident}
          names={{
            system: systemNameOf(incident, new Map(systems.map((s) => [s.id, s.name]))),
            levelName: levels.find((l) => l.level === incident.level)?.name ?? null,
            procedureTitle: incident.procedureId
              ? (procedures.find((p) => p.id === incident.procedureId)?.title ??
                '（削除された手順）')
              : null,
          }}
          previews={previews}
          imageStates={images.states}
          onImageSettled={images.onSettled}
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
