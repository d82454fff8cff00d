import { useCallback, useState } from 'react';
import { useParams } from 'react-router';
import { useLiveRecord, useLiveRecords } from '../db/hooks.ts';
import type { Station } from '../domain/station.ts';
import { RecordNotFound } from '../features/common/RecordNotFound.tsx';
import { systemNameOf } from '../features/incidents/useSystemNames.ts';
import { IncidentReport, type ImageState } from './IncidentReport.tsx';
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
  const [imageStates, setImageStates] = useState<ReadonlyMap<string, ImageState>>(new Map());
  const printedAt = usePrintedAt();
  const onImageSettled = useCallback(
    (id: string, state: ImageState) =>
      setImageStates((states) =>
        states.get(id) === state ? states : new Map(states).set(id, state),
      ),
    [],
  );

  const isLoaded =
    incident !== undefined &&
    systems !== undefined &&
    levels !== undefined &&
    procedures !== undefined;
  const areImagesSettled =
    previews !== undefined &&
    [...previews].every(([id, preview]) => preview.kind !== 'image' || imageStates.has(id));
  const name = incident ? `障害報告書「${incident.title}」` : '障害報告書';

  return (
    <PrintPage
      title={name}
      backTo={`/incidents/${encodeURIComponent(incidentId)}`}
      ready={isLoaded && incident !== null && areImagesSettled}
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
          imageStates={imageStates}
          onImageSettled={onImageSettled}
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
