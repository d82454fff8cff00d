import { useState } from 'react';
import type { AttachmentRef } from '../../domain/incident.ts';
import { isViewableImage, safeDownloadName } from '../../domain/attachmentTypes.ts';
import { isLargeImage, scaledTypeOf } from '../../domain/imageScale.ts';
import { attachmentLabel } from './attachmentLabel.ts';
import { ImageThumbnail } from './ImageThumbnail.tsx';
import { useAttachmentUrl } from './useAttachmentUrl.ts';

/**
 * One attachment in the edit form: its thumbnail (from the bytes added in this edit or those on
 * this PC), 削除, and 縮小して保存 for a photo larger than the app scales to.
 */
export function EditorAttachmentItem({
  attachment,
  unsaved,
  isBusy,
  isScaling,
  onRemove,
  onScale,
}: {
  attachment: AttachmentRef;
  /** Bytes added in this edit (not stored yet). */
  unsaved: Blob | undefined;
  /** Some picture of the form is being scaled (one at a time). */
  isBusy: boolean;
  isScaling: boolean;
  onRemove: () => void;
  onScale: () => void;
}) {
  const loaded = useAttachmentUrl(attachment.id, unsaved);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const label = attachmentLabel(attachment);
  const type = loaded?.type ?? null;
  const canScale =
    size !== null && scaledTypeOf(type) !== null && isLargeImage(size.width, size.height);
  return (
    <li>
      {loaded && isViewableImage(type) ? (
        <ImageThumbnail
          url={loaded.url}
          name={attachment.name}
          label={label}
          saveAs={safeDownloadName(attachment.name, type)}
          onSize={(width, height) => setSize({ width, height })}
        />
      ) : null}
      <span className="attachment-name">
        <span>{label}</span>
        {size ? (
          <span className="hint">
            {' '}
            {size.width}×{size.height}
          </span>
        ) : null}
        {loaded === null ? <span className="hint"> — この PC にはファイルがありません</span> : null}
      </span>
      <span className="attachment-actions">
        {canScale ? (
          <button
            type="button"
            className="link-button"
            disabled={isBusy}
            onClick={onScale}
            aria-label={`${attachment.name}を縮小して保存`}
          >
            {isScaling ? '縮小しています…' : '縮小して保存'}
          </button>
        ) : null}
        <button
          type="button"
          className="link-button danger"
          onClick={onRemove}
          aria-label={`${attachment.name}を削除`}
        >
          削除
        </button>
      </span>
    </li>
  );
}
