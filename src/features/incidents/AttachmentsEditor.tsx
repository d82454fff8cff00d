import { useState } from 'react';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { MAX_ATTACHMENT_BYTES } from '../../domain/incident.ts';
import { createId } from '../../domain/ids.ts';
import type { FieldErrors } from '../common/fieldErrors.ts';
import type { IncidentFormProps } from './IncidentForm.tsx';
import { formatBytes } from '../common/formatBytes.ts';
import {
  DOWNLOAD_ONLY_TYPE,
  SNIFF_BYTES,
  sniffAttachmentType,
} from '../../domain/attachmentTypes.ts';

/** Screenshots and photos of the screen; the bytes stay on this PC in IndexedDB. */
export function AttachmentsEditor({
  values,
  setValues,
}: IncidentFormProps & { errors: FieldErrors }) {
  const [problem, setProblem] = useState<string | null>(null);
  const refs = values.data.attachments;

  async function addFiles(files: FileList | null) {
    if (!files) return;
    const tooLarge = [...files].filter((f) => f.size > MAX_ATTACHMENT_BYTES).map((f) => f.name);
    setProblem(
      tooLarge.length
        ? `添付ファイルは1つ${formatBytes(MAX_ATTACHMENT_BYTES)}までです。追加できなかったファイル: ${tooLarge.join('、')}`
        : null,
    );
    const accepted = [...files].filter((f) => f.size <= MAX_ATTACHMENT_BYTES);
    const added = await Promise.all(
      accepted.map(async (file) => {
        const bytes = new Uint8Array(await file.arrayBuffer());
        // The type is what the bytes are, never the browser's guess from the name: a stored
        // `image/svg+xml` Blob opened in a tab would run its script in the app's origin.
        const mediaType = sniffAttachmentType(bytes.subarray(0, SNIFF_BYTES)) ?? DOWNLOAD_ONLY_TYPE;
        return {
          ref: {
            id: createId(),
            name: file.name.slice(0, 255) || '添付ファイル',
            mediaType,
            size: file.size,
            sha256: bytesToHex(sha256(bytes)),
          },
          blob: file.slice(0, file.size, mediaType),
        };
      }),
    );
    setValues((v) => ({
      ...v,
      data: { ...v.data, attachments: [...v.data.attachments, ...added.map((a) => a.ref)] },
      newBlobs: { ...v.newBlobs, ...Object.fromEntries(added.map((a) => [a.ref.id, a.blob])) },
    }));
  }

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

  return (
    <fieldset>
      <legend>添付（画面の写真・スクリーンショット）</legend>
      <label className="file-label">
        ファイルを追加
        <input
          type="file"
          multiple
          accept="image/*,application/pdf,text/plain"
          onChange={(e) => void addFiles(e.target.files)}
        />
      </label>
      <p className="hint">
        エラー画面全体を撮影した写真は、ベンダーへの報告に役立ちます。1つ
        {formatBytes(MAX_ATTACHMENT_BYTES)}まで。画面で開けるのは PNG・JPEG・GIF・WebP の画像と PDF
        で、ほかの種類は保存だけできます。
      </p>
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
      {refs.length ? (
        <ul className="attachment-list">
          {refs.map((ref) => (
            <li key={ref.id}>
              {ref.name}（{formatBytes(ref.size)}）
              <button
                type="button"
                className="link-button danger"
                onClick={() => remove(ref.id)}
                aria-label={`${ref.name}を削除`}
              >
                削除
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
