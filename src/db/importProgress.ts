import type { TrustedKey } from '../exchange/bundleTrust.ts';
import type { BundleResult, ParsedBundle } from '../exchange/parseBundle.ts';

/** Options of a long import (src/db/exchangeImport.ts): progress, and where the file is checked. */

/**
 * How far a long import has got, for the progress bar: 'checking' the file (parseBundle; `total`
 * is its record count once known, `done` moves only when the checker reports records),
 * 'comparing' it with the stored records, 'writing' them (`done` of `total` records written).
 */
export interface ImportProgress {
  step: 'checking' | 'comparing' | 'writing';
  done: number;
  total: number;
}

/** parseBundleAsync, or the same checks run elsewhere (a Web Worker: checkBundleInWorker). */
export type BundleParser = (
  bytes: Uint8Array,
  options: {
    trustedKeys: readonly TrustedKey[];
    onProgress?: (done: number, total: number) => void;
  },
  // `fileSha256`: the file's SHA-256, when the parser hashed it off the page (else the import does).
) => Promise<BundleResult<ParsedBundle & { signer: TrustedKey; fileSha256?: string }>>;

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Defaults to parseBundleAsync on this thread. */
  parse?: BundleParser;
  /** The bytes were decrypted from an age file with this SHA-256 (kept in the history). */
  encryptedSha256?: string;
}

/**
 * Records written per batch inside the import's transaction: each batch is its own task, so the
 * page repaints (the progress bar) between batches instead of freezing while 50,000 records are
 * cloned into IndexedDB in one go. Large enough that batching costs nothing measurable.
 */
export const WRITE_BATCH = 1000;
