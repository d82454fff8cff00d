import type { RecordOf } from '../domain/recordSchemas.ts';
import { incidentFieldLabels as labels, type AttachmentRef } from '../domain/incident.ts';
import { revisionGeneration } from '../domain/revision.ts';
import { formatJapaneseDateTime } from '../domain/japaneseDate.ts';
import { formatBytes } from '../features/common/formatBytes.ts';
import { DocumentHeader } from './DocumentHeader.tsx';
import {
  groupByDay,
  reportEventKindLabels,
  reportFieldGroups,
  reportTimeline,
  type ReportField,
  type ReportFieldGroup,
  type ReportNames,
} from './incidentReportContent.ts';
import type { AttachmentPreview } from './useAttachmentPreviews.ts';
import type { ImageState } from './useImageStates.ts';
import { PrintThumbnail } from './PrintThumbnail.tsx';

export interface IncidentReportProps {
  municipality: string;
  incident: RecordOf<'incident'>;
  names: ReportNames;
  /** By attachment id; undefined while the files are read. */
  previews: ReadonlyMap<string, AttachmentPreview> | undefined;
  imageStates: ReadonlyMap<string, ImageState>;
  /** Called once per thumbnail when it has loaded or failed, so the page prints only then. */
  onImageSettled: (id: string, state: ImageState) => void;
  printedAt: Date;
}

function FieldTable({ fields }: { fields: readonly ReportField[] }) {
  return (
    <table className="print-table report-fields">
      <tbody>
        {fields.map((f) => (
          <tr key={f.key}>
            <th scope="row">{f.label}</th>
            <td className={f.isLong ? 'print-text' : undefined}>{f.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FieldGroup({ group }: { group: ReportFieldGroup }) {
  return (
    <section className="print-section" aria-labelledby={`report-${group.id}-heading`}>
      <h2 id={`report-${group.id}-heading`}>{group.heading}</h2>
      <FieldTable fields={group.fields} />
    </section>
  );
}

function fileLabel(ref: AttachmentRef): string {
  return `${ref.name}（${formatBytes(ref.size)}）`;
}

function Attachments({
  refs,
  previews,
  imageStates,
  onImageSettled,
}: Pick<IncidentReportProps, 'previews' | 'imageStates' | 'onImageSettled'> & {
  refs: readonly AttachmentRef[];
}) {
  const images = refs.filter((r) => previews?.get(r.id)?.kind === 'image');
  const others = refs.filter((r) => !images.includes(r));
  return (
    <section className="print-section" aria-labelledby="report-attachments-heading">
      <h2 id="report-attachments-heading">{labels.attachments}</h2>
      {refs.length === 0 ? <p className="print-empty">添付ファイルはありません。</p> : null}
      {images.length ? (
        <ul className="report-thumbs">
          {images.map((ref) => (
            <PrintThumbnail
              key={ref.id}
              attachment={ref}
              preview={previews?.get(ref.id)}
              state={imageStates.get(ref.id)}
              onSettled={onImageSettled}
              caption={fileLabel(ref)}
            />
          ))}
        </ul>
      ) : null}
      {others.length ? (
        <ul className="report-files">
          {others.map((ref) => (
            <li key={ref.id}>
              {fileLabel(ref)}
              {previews?.get(ref.id)?.kind === 'missing'
                ? ' — この PC にはファイルがありません'
                : previews
                  ? ' — 画像以外のファイル（中身は「備え」の障害記録で確認）'
                  : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/**
 * 障害報告書 of one recorded incident, for the vendor or management: its fields in the incident
 * form's order, the attempts, one timeline of status changes, calls and notes (by day), the
 * follow-up, and the attachments' thumbnails. Pure: the records and files come in as props.
 */
export function IncidentReport({
  municipality,
  incident,
  names,
  previews,
  imageStates,
  onImageSettled,
  printedAt,
}: IncidentReportProps) {
  const { summary, details, followUp } = reportFieldGroups(incident, names);
  const days = groupByDay(reportTimeline(incident));
  return (
    <article className="print-doc print-paper incident-report">
      <DocumentHeader
        municipality={municipality}
        documentName="障害報告書"
        facts={[
          { label: '記録の版', value: `第${revisionGeneration(incident.rev)}版` },
          { label: '最終更新', value: formatJapaneseDateTime(incident.updatedAt) },
        ]}
        printedAt={printedAt}
      />
      <FieldGroup group={summary} />
      <FieldGroup group={details} />
      <section className="print-section" aria-labelledby="report-attempts-heading">
        <h2 id="report-attempts-heading">{labels.attempts}</h2>
        {incident.attempts.length === 0 ? (
          <p className="print-empty">記録はありません。</p>
        ) : (
          <table className="print-table">
            <thead>
              <tr>
                <th scope="col" className="col-order">
                  順
                </th>
                <th scope="col">試したこと</th>
                <th scope="col">結果</th>
              </tr>
            </thead>
            <tbody>
              {incident.attempts.map((a, index) => (
                <tr key={a.id}>
                  <td className="col-order">{index + 1}</td>
                  <td className="print-text">{a.action}</td>
                  <td className="print-text">{a.result.trim() || '（結果未記入）'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="print-section" aria-labelledby="report-timeline-heading">
        <h2 id="report-timeline-heading">
          {labels.timeline}・{labels.contactsMade}
        </h2>
        {days.length === 0 ? (
          <p className="print-empty">記録はありません。</p>
        ) : (
          <table className="print-table report-timeline">
            <thead>
              <tr>
                <th scope="col" className="col-clock">
                  時刻
                </th>
                <th scope="col" className="col-kind">
                  種類
                </th>
                <th scope="col">内容</th>
              </tr>
            </thead>
            {days.map((day) => (
              <tbody key={day.day}>
                <tr className="report-day">
                  <th scope="colgroup" colSpan={3}>
                    {day.day}
                  </th>
                </tr>
                {day.events.map((event) => (
                  <tr key={event.id}>
                    <td className="col-clock">
                      <time dateTime={event.at}>{event.time}</time>
                    </td>
                    <td className="col-kind">{reportEventKindLabels[event.kind]}</td>
                    <td className="print-text">{event.text}</td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        )}
      </section>
      <FieldGroup group={followUp} />
      <Attachments
        refs={incident.attachments}
        previews={previews}
        imageStates={imageStates}
        onImageSettled={onImageSettled}
      />
    </article>
  );
}
