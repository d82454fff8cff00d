import { useEffect, useState } from 'react';
import type { AttachmentRef } from '../../domain/incident.ts';
import {
  isViewableImage,
  safeDownloadName,
  type ViewableType,
} from '../../domain/attachmentTypes.ts';
import { loadTypedAttachment } from './typedAttachment.ts';
import { formatBytes } from '../common/formatBytes.ts';

type Loaded = { url: string; type: ViewableType | null } | null;

/**
 * One attachment kept on this PC: PNG, JPEG, GIF and WebP show a thumbnail and open in a new
 * tab, PDF opens in the browser's viewer; anything else (SVG, HTML, unknown) is only saved.
 */
export function AttachmentView({ attachment }: { attachment: AttachmentRef }) {
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    void loadTypedAttachment(attachment.id).then((typed) => {
      if (cancelled) return;
      if (!typed) return setLoaded(null);
      objectUrl = URL.createObjectURL(typed.blob);
      setLoaded({ url: objectUrl, type: typed.type });
    });
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
