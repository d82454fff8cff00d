import { tokyoDateParts } from '../../domain/holidays.ts';
import { safeDownloadName, type ViewableType } from '../../domain/attachmentTypes.ts';

/**
 * The files a paste or drop carries. `files` is what Chromium fills for a screenshot and for
 * files copied in Explorer; `items` is read too, for browsers that only list them there.
 */
export function filesOf(transfer: DataTransfer | null): File[] {
  if (!transfer) return [];
  const files = [...(transfer.files ?? [])];
  if (files.length) return files;
  return [...(transfer.items ?? [])].flatMap((item) => {
    if (item.kind !== 'file') return [];
    const file = item.getAsFile();
    return file ? [file] : [];
  });
}

/** True when a drag carries files (not text or a link being moved between fields). */
export function isFileDrag(transfer: DataTransfer | null): boolean {
  return [...(transfer?.types ?? [])].includes('Files');
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'file', 'button', 'submit', 'reset', 'image', 'color', 'range'].includes(
      target.type,
    )
  );
}

/**
 * The files a paste adds as attachments; none when the paste is text for a field. Excel and
 * Word put text and a picture of it on the clipboard together: pasted into 症状 or any other
 * text field, that is text, and the browser pastes it as usual.
 */
export function pastedAttachmentFiles(event: ClipboardEvent): File[] {
  const transfer = event.clipboardData;
  const files = filesOf(transfer);
  if (!files.length) return [];
  const hasText = [...(transfer?.types ?? [])].includes('text/plain');
  return hasText && isTextField(event.target) ? [] : files;
}

const pad = (n: number) => String(n).padStart(2, '0');

// What browsers call a picture taken from the clipboard (Chromium: image.png).
const genericName = /^(image|blob|clipboard|画像)?(\.[a-z0-9]{1,5})?$/i;

/**
 * 貼り付け_2026-11-29_10-15-03.png: the Tokyo time of the paste, for a pasted picture whose own
 * name says nothing; `index` (from 1) tells apart several pictures pasted at once. Null keeps the
 * file's own name (a file copied in Explorer).
 */
export function pastedFileName(
  file: File,
  type: ViewableType | null,
  now: Date,
  index = 0,
): string | null {
  if (!genericName.test(file.name)) return null;
  const { ymd, minutes } = tokyoDateParts(now);
  // Seconds are the same on every wall clock: Tokyo is a whole number of hours from UTC.
  const seconds = Math.floor(now.getTime() / 1000) % 60;
  const time = `${pad(Math.floor(minutes / 60))}-${pad(minutes % 60)}-${pad(seconds)}`;
  const suffix = index > 0 ? `_${index}` : '';
  // The extension of what the bytes are (paste and drop take only viewable types).
  return safeDownloadName(`貼り付け_${ymd}_${time}${suffix}`, type);
}
