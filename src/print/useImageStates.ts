import { useCallback, useState } from 'react';
import type { AttachmentPreview } from './useAttachmentPreviews.ts';

/** Whether an attachment's thumbnail loaded; absent while it is still loading. */
export type ImageState = 'loaded' | 'failed';

/**
 * Tracks which thumbnails have loaded or failed, so a print route prints only once every image
 * is settled: an image still loading when the browser lays out the page prints as an empty box.
 */
export function useImageStates(
  previews: ReadonlyMap<string, AttachmentPreview> | undefined,
  ids: readonly string[],
) {
  const [states, setStates] = useState<ReadonlyMap<string, ImageState>>(new Map());
  const onSettled = useCallback(
    (id: string, state: ImageState) =>
      setStates((current) =>
        current.get(id) === state ? current : new Map(current).set(id, state),
      ),
    [],
  );
  const areSettled =
    previews !== undefined &&
    ids.every((id) => previews.get(id)?.kind !== 'image' || states.has(id));
  return { states, onSettled, areSettled };
}
