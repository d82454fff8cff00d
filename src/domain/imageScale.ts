import type { ViewableType } from './attachmentTypes.ts';

/**
 * 縮小して保存 (issue 14, item 4): the long side a photo is scaled down to. 1600 px keeps an
 * error dialog's text readable on a photo of a whole screen and a phone photo near 300–600 KB.
 */
export const SCALED_LONG_SIDE = 1600;

/** The types that can be scaled: still images a canvas can encode again as the same type. */
export type ScalableType = 'image/png' | 'image/jpeg' | 'image/webp';

/** JPEG and WebP photos are re-encoded at this quality; PNG (screenshots, text) is lossless. */
export const SCALED_QUALITY = 0.85;

/**
 * The type a scaled copy is written as, or null when the attachment is not scaled at all: a GIF
 * may be animated (a canvas keeps only its first frame) and a PDF is not an image. Screenshots
 * stay PNG so small text stays sharp; photos stay JPEG.
 */
export function scaledTypeOf(type: ViewableType | null): ScalableType | null {
  return type === 'image/png' || type === 'image/jpeg' || type === 'image/webp' ? type : null;
}

/**
 * The size an image of `width` × `height` is scaled to so that its long side is at most
 * `longSide`, keeping its proportions; null when it is already that small (nothing to do).
 */
export function scaledDimensions(
  width: number,
  height: number,
  longSide = SCALED_LONG_SIDE,
): { width: number; height: number } | null {
  const long = Math.max(width, height);
  if (!(long > longSide) || width < 1 || height < 1) return null;
  const factor = longSide / long;
  return {
    width: Math.max(1, Math.round(width * factor)),
    height: Math.max(1, Math.round(height * factor)),
  };
}

/** True when an image this size would be scaled down by 縮小して保存. */
export function isLargeImage(width: number, height: number): boolean {
  return scaledDimensions(width, height) !== null;
}
