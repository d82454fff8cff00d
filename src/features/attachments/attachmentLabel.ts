import type { AttachmentRef } from '../../domain/incident.ts';
import { formatBytes } from '../common/formatBytes.ts';

/** 「画面.png（412KB・縮小前 5.8MB）」: a scaled-down photo says how large it was. */
export function attachmentLabel(attachment: AttachmentRef): string {
  const original =
    attachment.originalSize === undefined ? '' : `・縮小前 ${formatBytes(attachment.originalSize)}`;
  return `${attachment.name}（${formatBytes(attachment.size)}${original}）`;
}
