import { useEffect, useState } from 'react';
import type { AttachmentRef } from '../../domain/incident.ts';
import {
  DOWNLOAD_ONLY_TYPE,
  SNIFF_BYTES,
  isViewableImage,
  safeDownloadName,
  sniffAttachmentType,
  type ViewableType,
} from '../../domain/attachmentTypes.ts';
import { loadAttachment } from '../../db/records.ts';
import { formatBytes } from '../common/formatBytes.ts';

type Loaded = { url: string; type: ViewableType | null } | null;

/**
 * The stored bytes under a type this app chose after reading them: a Blob's own type comes from
 * the sender (a department's file, a browser's guess from the name) and an `image/svg+xml` or
 * `text/html` blob opened in a tab runs its script in the app's origin, next to the trusted
 * keys and every record. Re-wrapping a Blob does not copy its bytes.
 */
async function retypeAttachment(blob: Blob): Promise<{ blob: Blob; type: ViewableType | null }> {
  const head = new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
  const type = sniffAttachmentType(head);
  return { blob: new Blob([blob], { type: type ?? DOWNLOAD_ONLY_TYPE }), type };
}

/**
 * One attachment kept on this PC: PNG, JPEG, GIF and WebP show a thumbnail and open in a new
 * tab, PDF opens in the browser's viewer; anything else (SVG, HTML, unknown) is only saved.
 */
export function AttachmentView({ attachment }: { attachment: AttachmentRef }) {
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    void loadAttachment(attachment.id)
      .then((stored) => (stored ? retypeAttachment(stored) : null))
      .then(
        (typed) => {
          if (cancelled) return;
          if (!typed) return setLoaded(null);
          objectUrl = URL.createObjectURL(typed.blob);
          setLoaded({ url: objectUrl, type: typed.type });
        },
        // Bytes that cannot be read are as good as absent: never show them untyped.
        () => {
          if (!cancelled) setLoaded(null);
        },
      );
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [attachment.id]);

  const label = `${attachment.name}（${formatBytes(attachment.size)}）`;
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
    <span>
      {/* noopener: the new tab must get no handle on this window. */}
      <a
        href={url}
        target="_blank"
        rel="noopener noreferrer"
        aria-label={`${attachment.name}を開く`}
      >
        {isViewableImage(type) ? <img src={url} alt={attachment.name} /> : null}
        <span>{label}</span>
      </a>{' '}
      {save}
    </span>
  );
}
