import type { AttachmentRef } from '../../domain/incident.ts';
import { isViewableImage, safeDownloadName } from '../../domain/attachmentTypes.ts';
import { attachmentLabel } from '../attachments/attachmentLabel.ts';
import { useAttachmentUrl } from '../attachments/useAttachmentUrl.ts';
import { ImageThumbnail } from '../attachments/ImageThumbnail.tsx';

/**
 * One attachment kept on this PC: PNG, JPEG, GIF and WebP show a thumbnail that opens large in
 * the page, PDF opens in the browser's viewer; anything else (SVG, HTML, unknown) is only saved.
 */
export function AttachmentView({ attachment }: { attachment: AttachmentRef }) {
  const loaded = useAttachmentUrl(attachment.id);
  const label = attachmentLabel(attachment);
  if (loaded === undefined) return <span>{label}</span>;
  if (loaded === null) return <span>{label} — この PC にはファイルがありません</span>;
  const { url, type } = loaded;
  const fileName = safeDownloadName(attachment.name, type);
  const save = (
    <a href={url} download={fileName} aria-label={`${attachment.name}を保存`}>
      保存
    </a>
  );
  if (type === null)
    return (
      <span className="attachment-download-only">
        <span>{label}</span> {save}
        <span className="hint">
          （安全のため、この種類のファイルは画面では開かず、保存だけできます）
        </span>
      </span>
    );
  return (
    <span className="attachment-view">
      {isViewableImage(type) ? (
        <ImageThumbnail url={url} name={attachment.name} label={label} saveAs={fileName} />
      ) : null}
      <span>{label}</span> {/* noopener: the new tab must get no handle on this window. */}
      <a
        href={url}
        target="_blank"
        rel="noopener noreferrer"
        aria-label={`${attachment.name}を開く`}
      >
        {isViewableImage(type) ? '新しいタブで開く' : '開く'}
      </a>{' '}
      {save}
    </span>
  );
}
