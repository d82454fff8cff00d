import { useParams, useSearchParams } from 'react-router';
import type { Station } from '../domain/station.ts';
import { RecordNotFound } from '../features/common/RecordNotFound.tsx';
import { useReportMemo } from '../features/incidents/useReportMemo.ts';
import { PrintPage, usePrintedAt } from './PrintPage.tsx';
import { ReportMemo } from './ReportMemo.tsx';
import { useAttachmentPreviews } from './useAttachmentPreviews.ts';
import { useImageStates } from './useImageStates.ts';
import './reports.css';
import './reportMemo.css';

/**
 * /print/report-memo/:incidentId[?desk=<contact id>] — the 報告メモ on one A4 page, printed by
 * itself once the records and every thumbnail are loaded.
 */
export function ReportMemoPrintPage({ station }: { station: Station }) {
  const { incidentId = '' } = useParams();
  const [search] = useSearchParams();
  const printedAt = usePrintedAt();
  const state = useReportMemo(incidentId, search.get('desk'), printedAt);
  const attachments = state?.incident.attachments;
  const previews = useAttachmentPreviews(attachments);
  const images = useImageStates(
    previews,
    (attachments ?? []).map((a) => a.id),
  );
  const title = state ? `報告メモ「${state.incident.title}」` : '報告メモ';

  return (
    <PrintPage
      title={title}
      backTo={`/incidents/${encodeURIComponent(incidentId)}/memo`}
      ready={Boolean(state) && images.areSettled}
      footer={`${station.municipality} 報告メモ`}
      printedAt={printedAt}
    >
      {state === null ? (
        <div className="print-paper">
          <RecordNotFound what="この障害記録" backTo="/incidents" />
        </div>
      ) : state ? (
        <ReportMemo
          municipality={station.municipality}
          memo={state.memo}
          attachments={state.incident.attachments}
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
