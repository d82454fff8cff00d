import {
  SCALED_LONG_SIDE,
  SCALED_QUALITY,
  scaledDimensions,
  scaledTypeOf,
  type ScalableType,
} from '../../domain/imageScale.ts';
import { retypeAttachment } from '../incidents/typedAttachment.ts';

export type ScaleError =
  | { kind: 'notScalable' }
  | { kind: 'notDecodable' }
  | { kind: 'alreadySmall'; width: number; height: number }
  | { kind: 'notSmaller' }
  | { kind: 'encodeFailed' };

export type ScaleResult =
  { ok: true; blob: Blob; width: number; height: number } | { ok: false; error: ScaleError };

/** The Japanese message for each reason a photo was left as it was. */
export function describeScaleError(error: ScaleError): string {
  switch (error.kind) {
    case 'notScalable':
      return '縮小できるのは PNG・JPEG・WebP の画像だけです。ファイルはそのまま残しています。';
    case 'notDecodable':
      return '画像を読み取れないため縮小できませんでした。ファイルが壊れている可能性があります。ファイルはそのまま残しています。';
    case 'alreadySmall':
      return `この画像は ${error.width}×${error.height} ピクセルで、長い辺が${SCALED_LONG_SIDE}ピクセル以下のため縮小の必要はありません。`;
    case 'notSmaller':
      return '縮小してもファイルが小さくならないため、元のまま残しています。';
    case 'encodeFailed':
      return 'このブラウザーでは画像を縮小できませんでした。ファイルはそのまま残しています。';
  }
}

async function decode(blob: Blob): Promise<ImageBitmap | null> {
  try {
    return await createImageBitmap(blob);
  } catch {
    return null;
  }
}

/**
 * Draws `bitmap` at the given size and encodes it. OffscreenCanvas and createImageBitmap need no
 * secure context, so this works on a plain-HTTP intranet server too.
 */
async function encode(
  bitmap: ImageBitmap,
  width: number,
  height: number,
  type: ScalableType,
): Promise<Blob | null> {
  const quality = type === 'image/png' ? undefined : SCALED_QUALITY;
  try {
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d');
      if (!context) return null;
      context.imageSmoothingQuality = 'high';
      context.drawImage(bitmap, 0, 0, width, height);
      return await canvas.convertToBlob({ type, quality });
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, width, height);
    return await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, quality));
  } catch {
    return null;
  }
}

/**
 * A copy of the image whose long side is SCALED_LONG_SIDE, in the type it was (PNG stays PNG,
 * JPEG stays JPEG), typed by its bytes like every stored attachment; a reason when the image is
 * left as it was. Never changes `blob`.
 */
export async function scaleImage(blob: Blob): Promise<ScaleResult> {
  const { blob: typed, type } = await retypeAttachment(blob);
  const outputType = scaledTypeOf(type);
  if (!outputType) return { ok: false, error: { kind: 'notScalable' } };
  const bitmap = await decode(typed);
  if (!bitmap) return { ok: false, error: { kind: 'notDecodable' } };
  try {
    const size = scaledDimensions(bitmap.width, bitmap.height);
    if (!size)
      return {
        ok: false,
        error: { kind: 'alreadySmall', width: bitmap.width, height: bitmap.height },
      };
    const encoded = await encode(bitmap, size.width, size.height, outputType);
    if (!encoded) return { ok: false, error: { kind: 'encodeFailed' } };
    if (encoded.size >= blob.size) return { ok: false, error: { kind: 'notSmaller' } };
    const scaled = await retypeAttachment(encoded);
    if (!scaledTypeOf(scaled.type)) return { ok: false, error: { kind: 'encodeFailed' } };
    return { ok: true, blob: scaled.blob, ...size };
  } finally {
    bitmap.close();
  }
}
