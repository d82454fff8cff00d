import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  SCALED_LONG_SIDE,
  isLargeImage,
  scaledDimensions,
  scaledTypeOf,
} from '../../../src/domain/imageScale.ts';

describe('scaledDimensions', () => {
  it.each([
    [4032, 3024, { width: 1600, height: 1200 }], // a phone photo, landscape
    [3024, 4032, { width: 1200, height: 1600 }], // portrait
    [1920, 1080, { width: 1600, height: 900 }], // a full-HD screenshot
    [20000, 10, { width: 1600, height: 1 }], // a sliver keeps at least one pixel
  ])('%i×%i → %o', (width, height, expected) => {
    expect(scaledDimensions(width, height)).toEqual(expected);
  });

  it.each([
    [1600, 1200],
    [800, 600],
    [0, 0],
    [Number.NaN, 5000],
  ])('leaves %i×%i as it is', (width, height) => {
    expect(scaledDimensions(width, height)).toBeNull();
    expect(isLargeImage(width, height)).toBe(false);
  });

  it('always fits the long side and keeps the proportions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30000 }),
        fc.integer({ min: 1, max: 30000 }),
        (w, h) => {
          const size = scaledDimensions(w, h);
          if (Math.max(w, h) <= SCALED_LONG_SIDE) return size === null;
          const factor = SCALED_LONG_SIDE / Math.max(w, h);
          // Each side is the exact scaled side, rounded (and never below one pixel).
          return (
            size !== null &&
            Math.max(size.width, size.height) === SCALED_LONG_SIDE &&
            Math.abs(size.width - Math.max(1, w * factor)) <= 0.5 &&
            Math.abs(size.height - Math.max(1, h * factor)) <= 0.5
          );
        },
      ),
    );
  });
});

describe('scaledTypeOf', () => {
  it('keeps PNG as PNG and JPEG as JPEG, and leaves GIF and PDF alone', () => {
    expect(scaledTypeOf('image/png')).toBe('image/png');
    expect(scaledTypeOf('image/jpeg')).toBe('image/jpeg');
    expect(scaledTypeOf('image/webp')).toBe('image/webp');
    expect(scaledTypeOf('image/gif')).toBeNull();
    expect(scaledTypeOf('application/pdf')).toBeNull();
    expect(scaledTypeOf(null)).toBeNull();
  });
});
