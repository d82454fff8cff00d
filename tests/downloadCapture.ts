import { vi } from 'vitest';

/** A file the page saved through downloadFile (src/features/exchange/download.ts). */
export interface CapturedDownload {
  fileName: string;
  blob: Blob;
}

/**
 * Catches what the page downloads in jsdom (which has neither object URLs nor navigation): every
 * saved file lands in the returned list. Undo with vi.restoreAllMocks().
 */
export function captureDownloads(): CapturedDownload[] {
  const saved: CapturedDownload[] = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test-${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = blobs.get(this.getAttribute('href') ?? '');
    if (blob && this.download) saved.push({ fileName: this.download, blob });
  });
  return saved;
}
