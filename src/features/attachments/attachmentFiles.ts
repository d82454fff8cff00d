import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { MAX_ATTACHMENT_BYTES, type AttachmentRef } from '../../domain/incident.ts';
import { createId } from '../../domain/ids.ts';
import {
  DOWNLOAD_ONLY_TYPE,
  SNIFF_BYTES,
  sniffAttachmentType,
  type ViewableType,
} from '../../domain/attachmentTypes.ts';
import { formatBytes } from '../common/formatBytes.ts';

/** An attachment added in this edit: its reference in the record and its bytes. */
export interface NewAttachment {
  ref: AttachmentRef;
  blob: Blob;
}

export interface PreparedAttachments {
  added: NewAttachment[];
  /** One plain Japanese sentence per kind of file that was left out. */
  problems: string[];
}

export interface PrepareOptions {
  /**
   * Paste and drop take only what opens in the browser (images and PDF): they are for
   * screenshots and photos, and a page or an SVG dragged in by mistake should not become a
   * record's attachment. 「ファイルを追加」 still stores anything, as a download.
   */
  viewableOnly: boolean;
  /** The name to store for a file whose own name says nothing (a pasted screenshot). */
  rename?: (file: File, type: ViewableType | null, index: number, count: number) => string | null;
}

const list = (names: string[]) => names.map((n) => `「${n}」`).join('、');

/**
 * A new attachment for `bytes`, typed by what they are, never by the browser's guess from the
 * name: a stored `image/svg+xml` Blob opened in a tab would run its script in the app's origin.
 */
export function toNewAttachment(
  bytes: Uint8Array<ArrayBuffer>,
  name: string,
  originalSize?: number,
): NewAttachment {
  const type = sniffAttachmentType(bytes.subarray(0, SNIFF_BYTES));
  const mediaType = type ?? DOWNLOAD_ONLY_TYPE;
  return {
    ref: {
      id: createId(),
      name: name.slice(0, 255) || '添付ファイル',
      mediaType,
      size: bytes.length,
      sha256: bytesToHex(sha256(bytes)),
      ...(originalSize === undefined ? {} : { originalSize }),
    },
    blob: new Blob([bytes], { type: mediaType }),
  };
}

async function readBytes(file: File): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    // A dropped folder, or a file removed or locked since it was chosen.
    return null;
  }
}

/**
 * Reads the files chosen, pasted or dropped into new attachments, leaving out (and naming) the
 * ones too large, unreadable or, for paste and drop, of a type that does not open in the browser.
 */
export async function prepareAttachments(
  files: readonly File[],
  options: PrepareOptions,
): Promise<PreparedAttachments> {
  const tooLarge: string[] = [];
  const unreadable: string[] = [];
  const notAllowed: string[] = [];
  const added: NewAttachment[] = [];
  for (const [index, file] of files.entries()) {
    const shownName = file.name || '名前のないファイル';
    if (file.size > MAX_ATTACHMENT_BYTES) {
      tooLarge.push(shownName);
      continue;
    }
    const bytes = await readBytes(file);
    if (!bytes || bytes.length === 0) {
      unreadable.push(shownName);
      continue;
    }
    const type = sniffAttachmentType(bytes.subarray(0, SNIFF_BYTES));
    if (options.viewableOnly && !type) {
      notAllowed.push(shownName);
      continue;
    }
    added.push(
      toNewAttachment(bytes, options.rename?.(file, type, index, files.length) ?? file.name),
    );
  }
  const problems: string[] = [];
  if (tooLarge.length)
    problems.push(
      `添付ファイルは1つ${formatBytes(MAX_ATTACHMENT_BYTES)}までです。追加できなかったファイル: ${list(tooLarge)}`,
    );
  if (unreadable.length)
    problems.push(
      `読み取れないファイル（空のファイルやフォルダー）は追加できません: ${list(unreadable)}`,
    );
  if (notAllowed.length)
    problems.push(
      `貼り付けやドロップで追加できるのは、画面で開ける PNG・JPEG・GIF・WebP の画像と PDF だけです。追加できなかったファイル: ${list(notAllowed)}。保存だけしておく場合は「ファイルを追加」から選んでください。`,
    );
  return { added, problems };
}
