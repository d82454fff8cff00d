import type { AttachmentRef } from '../domain/incident.ts';
import { contactFieldLabels } from '../domain/contact.ts';
import type { ReportMemo as Memo } from '../domain/reportMemo.ts';
import { ReportMemoFacts } from '../features/incidents/ReportMemoFacts.tsx';
import { DocumentHeader } from './DocumentHeader.tsx';
import { PrintThumbnail } from './PrintThumbnail.tsx';
import type { AttachmentPreview } from './useAttachmentPreviews.ts';
import type { ImageState } from './useImageStates.ts';

/** Thumbnails that still leave the memo on one A4 page; more are counted, not shown. */
export const MEMO_THUMBNAILS = 4;

export interface ReportMemoProps {
  municipality: string;
  memo: Memo;
  attachments: readonly AttachmentRef[];
  previews: ReadonlyMap<string, AttachmentPreview> | undefined;
  imageStates: ReadonlyMap<string, ImageState>;
  onImageSettled: (id: string, state: ImageState) => void;
  printedAt: Date;
}

/**
 * 報告メモ on one A4 page: the desk to call with the number to quote, the six facts in the seed's
 * order with a box to tick as each is said, and up to four photos. Pure: data comes as props.
 */
export function ReportMemo({
  municipality,
  memo,
  attachments,
  previews,
  imageStates,
  onImageSettled,
  printedAt,
}: ReportMemoProps) {
  const images = attachments.filter((a) => previews?.get(a.id)?.kind === 'image');
  const shown = images.slice(0, MEMO_THUMBNAILS);
  return (
    <article className="print-doc print-paper report-memo" lang="ja">
      <DocumentHeader
        municipality={municipality}
        documentName="報告メモ"
        subject={memo.system}
        facts={[
          { label: '障害レベル', value: memo.level },
          { label: '報告者', value: memo.reporter },
        ]}
        printedAt={printedAt}
      />
      <table className="print-table memo-desk-table">
        <tbody>
          <tr>
            <th scope="row">件名</th>
            <td>{memo.title}</td>
          </tr>
          <tr>
            <th scope="row">連絡先</th>
            <td>
              {memo.desk
                ? `${memo.desk.name}${memo.desk.phone ? `（${memo.desk.phone}）` : ''}`
                : '連絡先は登録されていません'}
            </td>
          </tr>
          {memo.desk ? (
            <tr>
              <th scope="row">{contactFieldLabels.contractNumber}</th>
              <td className="memo-quote">{memo.desk.contractNumber}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <ReportMemoFacts memo={memo} />
      {attachments.length ? (
        <section className="memo-photos" aria-label="写真・画面の記録">
          <h2>写真・画面の記録（{attachments.length}件）</h2>
          {shown.length ? (
            <ul className="report-thumbs memo-thumbs">
              {shown.map((ref) => (
                <PrintThumbnail
                  key={ref.id}
                  attachment={ref}
                  preview={previews?.get(ref.id)}
                  state={imageStates.get(ref.id)}
                  onSettled={onImageSettled}
                  caption={ref.name}
                />
              ))}
            </ul>
          ) : null}
          {attachments.length > shown.length ? (
            <p className="print-empty">
              ほかに{attachments.length - shown.length}件あります（障害報告書に載っています）。
            </p>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}
