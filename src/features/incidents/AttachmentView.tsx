import { useEffect, useState } from 'react';
import type { AttachmentRef } from '../../domain/incident.ts';
import { loadAttachment } from '../../db/records.ts';
import { formatBytes } from '../common/formatBytes.ts';

/** A thumbnail (images) or a download link for one attachment kept on this PC. */
export function AttachmentView({ attachment }: { attachment: AttachmentRef }) {
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    void loadAttachment(attachment.id).then((blob) => {
      if (cancelled) return;
      objectUrl = blob ? URL.createObjectURL(blob) : null;
      setUrl(objectUrl);
    });
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [attachment.id]);

  const label = `${attachment.name}（${formatBytes(attachment.size)}）`;
  if (url === undefined) return <span>{label}</span>;
  if (url === null) return <span>{label} — この PC にはファイルがありません</span>;
  return (
    <a href={url} download={attachment.name}>
      {attachment.mediaType.startsWith('image/') ? <img src={url} alt={attachment.name} /> : null}
      <span>{label}</span>
    </a>
  );
}
