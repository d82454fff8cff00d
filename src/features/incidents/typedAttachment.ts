import {
  DOWNLOAD_ONLY_TYPE,
  SNIFF_BYTES,
  sniffAttachmentType,
  type ViewableType,
} from '../../domain/attachmentTypes.ts';
import { loadAttachment } from '../../db/records.ts';

/** An attachment's bytes, typed by what they are: null for anything that must not be shown. */
export interface TypedAttachment {
  blob: Blob;
  type: ViewableType | null;
}

/**
 * The stored bytes under a type this app chose after reading them: a Blob's own type comes from
 * the sender (a department's file, a browser's guess from the name) and an `image/svg+xml` or
 * `text/html` blob opened in a tab runs its script in the app's origin, next to the trusted
 * keys and every record. Re-wrapping a Blob does not copy its bytes.
 */
export async function retypeAttachment(blob: Blob): Promise<TypedAttachment> {
  const head = new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
  const type = sniffAttachmentType(head);
  return { blob: new Blob([blob], { type: type ?? DOWNLOAD_ONLY_TYPE }), type };
}

/**
 * One attachment kept on this PC, retyped; null when this PC has no bytes for it or they cannot
 * be read (bytes that cannot be read are as good as absent: never shown untyped).
 */
export async function loadTypedAttachment(id: string): Promise<TypedAttachment | null> {
  try {
    const stored = await loadAttachment(id);
    return stored ? await retypeAttachment(stored) : null;
  } catch {
    return null;
  }
}
