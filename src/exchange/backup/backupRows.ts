/**
 * Table rows as newline-delimited JSON (one row per line), with every Blob (an attachment's
 * bytes) and byte array replaced by a reference to a part of its own:
 * `{"$sonaeBlob":"blobs/000001","type":"image/png"}` (`"bytes":true` for a Uint8Array).
 * Generic over tables, so tables added later travel without this code knowing them. Pure.
 */

export const BLOB_MARKER = '$sonaeBlob';

/** A binary value found in the rows, to be written as the part `path`. */
export interface BinaryValue {
  path: string;
  value: Blob | Uint8Array;
}

function isBlob(value: unknown): value is Blob {
  if (typeof Blob !== 'undefined' && value instanceof Blob) return true;
  // A Blob of another realm (jsdom's, in unit tests).
  const tag = Object.prototype.toString.call(value);
  return tag === '[object Blob]' || tag === '[object File]';
}

/**
 * One part's text: each row (or `{"key","value"}` for a table whose keys are outside its rows)
 * on its own line. `nextPath` names the part each binary value found goes to.
 */
export function encodeRows(
  rows: readonly unknown[],
  keys: readonly unknown[] | null,
  nextPath: () => string,
  found: BinaryValue[],
): string {
  const replacer = (_key: string, value: unknown) => {
    if (isBlob(value)) {
      const path = nextPath();
      found.push({ path, value });
      return { [BLOB_MARKER]: path, type: value.type };
    }
    if (
      value instanceof Uint8Array ||
      (ArrayBuffer.isView(value) && !(value instanceof DataView))
    ) {
      const path = nextPath();
      const view = value as ArrayBufferView;
      found.push({ path, value: new Uint8Array(view.buffer, view.byteOffset, view.byteLength) });
      return { [BLOB_MARKER]: path, bytes: true };
    }
    return value;
  };
  let text = '';
  rows.forEach((row, i) => {
    const line = keys ? { key: keys[i], value: row } : row;
    text += JSON.stringify(line, replacer) + '\n';
  });
  return text;
}

/** A byte array found in the rows: set `holder[key]` to the part's bytes once they are read. */
export interface PendingBytes {
  holder: Record<string, unknown>;
  key: string;
  path: string;
}

/**
 * The rows of one part. `blobOf` gives a Blob for a referenced part (a slice of the backup
 * file); byte arrays are listed in `pending` for the caller to read. Throws on a line that is
 * not JSON: the caller reports the file as damaged.
 */
export function decodeRows(
  text: string,
  outboundKeys: boolean,
  blobOf: (path: string, type: string) => Blob,
): { rows: unknown[]; keys: unknown[] | null; pending: PendingBytes[] } {
  const pending: PendingBytes[] = [];
  function reviver(this: Record<string, unknown>, key: string, value: unknown) {
    if (value && typeof value === 'object' && BLOB_MARKER in value) {
      const ref = value as { [BLOB_MARKER]: unknown; type?: unknown; bytes?: unknown };
      const path = ref[BLOB_MARKER];
      if (typeof path !== 'string') throw new Error('bad binary reference');
      if (ref.bytes === true) {
        pending.push({ holder: this, key, path });
        return null;
      }
      return blobOf(path, typeof ref.type === 'string' ? ref.type : '');
    }
    return value;
  }
  const rows: unknown[] = [];
  const keys: unknown[] | null = outboundKeys ? [] : null;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const parsed = JSON.parse(line, reviver) as unknown;
    if (keys) {
      const pair = parsed as { key?: unknown; value?: unknown };
      if (!pair || typeof pair !== 'object' || !('key' in pair)) throw new Error('bad key row');
      keys.push(pair.key);
      rows.push(pair.value);
    } else rows.push(parsed);
  }
  return { rows, keys, pending };
}
