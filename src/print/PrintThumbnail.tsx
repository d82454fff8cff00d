import type { AttachmentRef } from '../domain/incident.ts';
import type { AttachmentPreview } from './useAttachmentPreviews.ts';
import type { ImageState } from './useImageStates.ts';

/**
 * One attached photo on paper: the thumbnail (reporting when it has loaded or failed, so the page
 * prints only then), or a box saying it cannot be shown, with its caption under it.
 */
export function PrintThumbnail({
  attachment,
  preview,
  state,
  onSettled,
  caption,
}: {
  attachment: AttachmentRef;
  preview: AttachmentPreview | undefined;
  state: ImageState | undefined;
  onSettled: (id: string, state: ImageState) => void;
  caption: string;
}) {
  return (
    <li className="report-thumb">
      {preview?.kind === 'image' && state !== 'failed' ? (
        <img
          src={preview.url}
          alt={attachment.name}
          decoding="sync"
          onLoad={() => onSettled(attachment.id, 'loaded')}
          onError={() => onSettled(attachment.id, 'failed')}
        />
      ) : (
        <span className="report-thumb-missing">画像を表示できませんでした</span>
      )}
      <span className="report-thumb-name">{caption}</span>
    </li>
  );
}
