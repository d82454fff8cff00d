import { useEffect, useState } from 'react';
import type { ViewableType } from '../../domain/attachmentTypes.ts';
import { loadTypedAttachment, retypeAttachment } from '../incidents/typedAttachment.ts';

/** An attachment's bytes as an object URL, typed by what they are (null: save only). */
export interface AttachmentUrl {
  url: string;
  type: ViewableType | null;
}

/**
 * The object URL of attachment `id`: from `unsaved` (bytes added in this edit, not stored yet)
 * or from this PC's store. undefined while loading, null when this PC has no bytes for it. The
 * URL is revoked when the attachment or the component goes away, so a long edit session does
 * not keep every photo it ever showed in memory.
 */
export function useAttachmentUrl(id: string, unsaved?: Blob): AttachmentUrl | null | undefined {
  const [loaded, setLoaded] = useState<{ key: string; value: AttachmentUrl | null } | null>(null);
  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    const typed = unsaved ? retypeAttachment(unsaved).catch(() => null) : loadTypedAttachment(id);
    void typed.then((result) => {
      if (cancelled) return;
      if (!result) return setLoaded({ key: id, value: null });
      objectUrl = URL.createObjectURL(result.blob);
      setLoaded({ key: id, value: { url: objectUrl, type: result.type } });
    });
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [id, unsaved]);
  // A stale URL of the previous attachment is never shown under the new one's name.
  return loaded?.key === id ? loaded.value : undefined;
}
