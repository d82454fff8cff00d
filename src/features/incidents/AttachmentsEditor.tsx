import { useState } from 'react';
import { MAX_ATTACHMENT_BYTES, type AttachmentRef } from '../../domain/incident.ts';
import { SCALED_LONG_SIDE } from '../../domain/imageScale.ts';
import type { FieldErrors } from '../common/fieldErrors.ts';
import type { IncidentFormProps } from './IncidentForm.tsx';
import { formatBytes } from '../common/formatBytes.ts';
import { Banner } from '../common/Banner.tsx';
import {
  prepareAttachments,
  toNewAttachment,
  type NewAttachment,
} from '../attachments/attachmentFiles.ts';
import { pastedFileName } from '../attachments/transferFiles.ts';
import { useFileTransfer } from '../attachments/useFileTransfer.ts';
import { describeScaleError, scaleImage } from '../attachments/scaleImage.ts';
import { EditorAttachmentItem } from '../attachments/EditorAttachmentItem.tsx';
import { loadTypedAttachment } from './typedAttachment.ts';
import '../attachments/attachments.css';

type Notice = { kind: 'error' | 'success'; lines: string[] } | null;

/**
 * Screenshots and photos of the screen: chosen, pasted with Ctrl+V or dropped on the page; the
 * bytes stay on this PC in IndexedDB.
 */
export function AttachmentsEditor({
  values,
  setValues,
}: IncidentFormProps & { errors: FieldErrors }) {
  const [notice, setNotice] = useState<Notice>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const refs = values.data.attachments;

  function append(added: NewAttachment[]) {
    setValues((v) => ({
      ...v,
      data: { ...v.data, attachments: [...v.data.attachments, ...added.map((a) => a.ref)] },
      newBlobs: { ...v.newBlobs, ...Object.fromEntries(added.map((a) => [a.ref.id, a.blob])) },
    }));
  }

  async function addFiles(files: File[], how: 'pick' | 'paste' | 'drop') {
    if (!files.length) return;
    const now = new Date();
    const { added, problems } = await prepareAttachments(files, {
      viewableOnly: how !== 'pick',
      rename:
        how === 'paste'
          ? (file, type, index, count) => pastedFileName(file, type, now, count > 1 ? index + 1 : 0)
          : undefined,
    });
    setNotice(problems.length ? { kind: 'error', lines: problems } : null);
    if (added.length) append(added);
  }
  const { isDragging } = useFileTransfer((files, how) => void addFiles(files, how));

  function remove(id: string) {
    setValues((v) => {
      const newBlobs = { ...v.newBlobs };
      delete newBlobs[id];
      return {
        ...v,
        data: { ...v.data, attachments: v.data.attachments.filter((a) => a.id !== id) },
        newBlobs,
      };
    });
  }

  /**
   * Replaces a photo by a smaller copy under a new id (an attachment id names one content, which
   * other stations check on import); the original's bytes go when the record is saved.
   */
  async function scale(ref: AttachmentRef) {
    setBusyId(ref.id);
    try {
      const blob = values.newBlobs[ref.id] ?? (await loadTypedAttachment(ref.id))?.blob;
      if (!blob) return setNotice({ kind: 'error', lines: ['この PC にはファイルがありません。'] });
      const result = await scaleImage(blob);
      if (!result.ok)
        return setNotice({ kind: 'error', lines: [describeScaleError(result.error)] });
      const bytes = new Uint8Array(await result.blob.arrayBuffer());
      const scaled = toNewAttachment(bytes, ref.name, ref.originalSize ?? ref.size);
      setValues((v) => {
        const newBlobs = { ...v.newBlobs, [scaled.ref.id]: scaled.blob };
        delete newBlobs[ref.id];
        const attachments = v.data.attachments.map((a) => (a.id === ref.id ? scaled.ref : a));
        return { ...v, data: { ...v.data, attachments }, newBlobs };
      });
      setNotice({
        kind: 'success',
        lines: [
          `「${ref.name}」を ${result.width}×${result.height} ピクセルに縮小しました（${formatBytes(ref.size)} → ${formatBytes(scaled.ref.size)}）。記録を保存すると、縮小した画像に置き換わります。`,
        ],
      });
    } finally {
      setBusyId(null);
    }
  }

  return (
    <fieldset className={isDragging ? 'attachments-editor is-dragging' : 'attachments-editor'}>
      <legend>添付（画面の写真・スクリーンショット）</legend>
      <label className="file-label">
        ファイルを追加
        <input
          type="file"
          multiple
          accept="image/*,application/pdf,text/plain"
          onChange={(e) => {
            void addFiles([...(e.target.files ?? [])], 'pick');
            // The same file can be chosen again after it was removed.
            e.target.value = '';
          }}
        />
      </label>
      <p className="hint">
        スクリーンショットは Ctrl+V
        で貼り付けられます。写真や画像のファイルはこの画面にドラッグ＆ドロップしても追加できます（複数可）。1つ
        {formatBytes(MAX_ATTACHMENT_BYTES)}まで。画面で開けるのは PNG・JPEG・GIF・WebP の画像と PDF
        で、ほかの種類は保存だけできます。大きな写真は「縮小して保存」で長い辺を
        {SCALED_LONG_SIDE}ピクセルにできます。
      </p>
      {isDragging ? <p className="attachments-drop-hint">ここで離すと添付します</p> : null}
      {notice ? (
        <Banner kind={notice.kind}>
          {notice.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </Banner>
      ) : null}
      {refs.length ? (
        <ul className="attachment-list attachment-editor-list">
          {refs.map((ref) => (
            <EditorAttachmentItem
              key={ref.id}
              attachment={ref}
              unsaved={values.newBlobs[ref.id]}
              isBusy={busyId !== null}
              isScaling={busyId === ref.id}
              onRemove={() => remove(ref.id)}
              onScale={() => void scale(ref)}
            />
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
