import { useEffect, useState } from 'react';
import type { AttachmentRef } from '../domain/incident.ts';
import { isViewableImage } from '../domain/attachmentTypes.ts';
import { loadTypedAttachment } from '../features/incidents/typedAttachment.ts';

/** What paper can show of one attachment. */
export type AttachmentPreview =
  /** A PNG, JPEG, GIF or WebP (by its bytes), shown as a thumbnail from an object URL. */
  | { kind: 'image'; url: string }
  /** Anything else (PDF, or a type never shown): listed by name and size. */
  | { kind: 'file' }
  /** No bytes on this PC (an import without them, or unreadable): listed, and said so. */
  | { kind: 'missing' };

/**
 * The previews of an incident's attachments, by attachment id; undefined while loading. Object
 * URLs live as long as the page (revoked on unmount or when the attachments change). Only bytes
 * that sniff as an image become a URL, so nothing a sender typed as an image but is not (an SVG
 * with script) is ever put in an <img>.
 */
export function useAttachmentPreviews(
  refs: readonly AttachmentRef[] | undefined,
): ReadonlyMap<string, AttachmentPreview> | undefined {
  // The live record is a new object on every change; load again only when the files change.
  const ids = refs?.map((r) => r.id).join(',');
  const [previews, setPreviews] = useState<{
    ids: string;
    map: ReadonlyMap<string, AttachmentPreview>;
  }>();

  useEffect(() => {
    if (ids === undefined) return;
    let cancelled = false;
    const urls: string[] = [];
    const list = ids ? ids.split(',') : [];
    void Promise.all(
      list.map(async (id): Promise<[string, AttachmentPreview]> => {
        const typed = await loadTypedAttachment(id);
        if (!typed) return [id, { kind: 'missing' }];
        if (!isViewableImage(typed.type) || cancelled) return [id, { kind: 'file' }];
        const url = URL.createObjectURL(typed.blob);
        urls.push(url);
        return [id, { kind: 'image', url }];
      }),
    ).then((entries) => {
      if (!cancelled) setPreviews({ ids, map: new Map(entries) });
    });
    return () => {
      cancelled = true;
      for (const url of urls) URL.revokeObjectURL(url);
    };
  }, [ids]);

  return previews && previews.ids === ids ? previews.map : undefined;
}
