/**
 * A stored (uncompressed) ZIP, written and read by hand: the framing is small (APPNOTE 6.3.10
 * §4.3) and doing it here keeps fflate a development dependency. Stored, because photos are
 * already compressed and an auditor's `unzip` opens it as it is. No ZIP64: a backup is refused
 * above 4 GiB or 65,535 parts (writer) and such a file is refused as damaged (reader).
 * Names are UTF-8 (general purpose flag bit 11). Pure: no DOM, no Dexie.
 */

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const LOCAL_HEADER_SIZE = 30;
const CENTRAL_HEADER_SIZE = 46;
const END_SIZE = 22;
const VERSION = 20; // 2.0: stored entries, folders
const UTF8_NAMES = 0x0800;
export const MAX_ZIP_BYTES = 0xffff_ffff;
export const MAX_ZIP_ENTRIES = 0xffff;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309) of `bytes`, continuing from `crc` for data read in pieces. */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** MS-DOS date and time of a wall-clock moment (the ZIP's only timestamp, 2-second steps). */
export function dosDateTime(wall: Date): { date: number; time: number } {
  const year = Math.max(1980, wall.getUTCFullYear());
  return {
    date: ((year - 1980) << 9) | ((wall.getUTCMonth() + 1) << 5) | wall.getUTCDate(),
    time: (wall.getUTCHours() << 11) | (wall.getUTCMinutes() << 5) | (wall.getUTCSeconds() >> 1),
  };
}

interface WrittenEntry {
  name: Uint8Array;
  crc: number;
  size: number;
  offset: number;
}

/**
 * Collects entries as Blob parts: the caller hands over each part's bytes (or a Blob it already
 * holds, e.g. an attachment straight from IndexedDB) with its CRC-32 and size, so nothing is
 * copied into one big buffer. `finish()` adds the central directory and returns the file.
 */
export class StoredZipWriter {
  private readonly parts: BlobPart[] = [];
  private readonly entries: WrittenEntry[] = [];
  private offset = 0;
  private readonly stamp: { date: number; time: number };

  constructor(wallClock: Date) {
    this.stamp = dosDateTime(wallClock);
  }

  /** Bytes written so far (the next entry's offset). */
  get size(): number {
    return this.offset;
  }

  add(path: string, data: Uint8Array | Blob, crc: number): void {
    const name = new TextEncoder().encode(path);
    // isView, not instanceof: bytes may come from another realm (jsdom in unit tests).
    const size = ArrayBuffer.isView(data) ? data.byteLength : data.size;
    const header = new DataView(new ArrayBuffer(LOCAL_HEADER_SIZE));
    header.setUint32(0, LOCAL_HEADER, true);
    header.setUint16(4, VERSION, true);
    header.setUint16(6, UTF8_NAMES, true);
    header.setUint16(8, 0, true); // stored
    header.setUint16(10, this.stamp.time, true);
    header.setUint16(12, this.stamp.date, true);
    header.setUint32(14, crc, true);
    header.setUint32(18, size, true);
    header.setUint32(22, size, true);
    header.setUint16(26, name.length, true);
    header.setUint16(28, 0, true);
    const next = this.offset + LOCAL_HEADER_SIZE + name.length + size;
    if (next > MAX_ZIP_BYTES || this.entries.length >= MAX_ZIP_ENTRIES)
      throw new RangeError('backup too large for a ZIP without ZIP64');
    this.entries.push({ name, crc, size, offset: this.offset });
    this.parts.push(header.buffer, name as BlobPart, data as BlobPart);
    this.offset = next;
  }

  /** The file's parts in order: every entry, then the central directory and its end record. */
  finish(): BlobPart[] {
    const start = this.offset;
    let length = 0;
    for (const e of this.entries) length += CENTRAL_HEADER_SIZE + e.name.length;
    const central = new Uint8Array(length + END_SIZE);
    const view = new DataView(central.buffer);
    let at = 0;
    for (const e of this.entries) {
      view.setUint32(at, CENTRAL_HEADER, true);
      view.setUint16(at + 4, VERSION, true);
      view.setUint16(at + 6, VERSION, true);
      view.setUint16(at + 8, UTF8_NAMES, true);
      view.setUint16(at + 10, 0, true);
      view.setUint16(at + 12, this.stamp.time, true);
      view.setUint16(at + 14, this.stamp.date, true);
      view.setUint32(at + 16, e.crc, true);
      view.setUint32(at + 20, e.size, true);
      view.setUint32(at + 24, e.size, true);
      view.setUint16(at + 28, e.name.length, true);
      // extra, comment, disk, internal and external attributes: all zero
      view.setUint32(at + 42, e.offset, true);
      central.set(e.name, at + CENTRAL_HEADER_SIZE);
      at += CENTRAL_HEADER_SIZE + e.name.length;
    }
    if (start + central.length > MAX_ZIP_BYTES)
      throw new RangeError('backup too large for a ZIP without ZIP64');
    view.setUint32(at, END_OF_CENTRAL, true);
    view.setUint16(at + 8, this.entries.length, true);
    view.setUint16(at + 10, this.entries.length, true);
    view.setUint32(at + 12, length, true);
    view.setUint32(at + 16, start, true);
    return [...this.parts, central];
  }
}

/** Random access to a file's bytes (a Blob/File in the browser, a buffer in Node). */
export interface ByteSource {
  size: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

/** One entry as the central directory lists it; `dataStart` is checked when the part is read. */
export interface ZipEntry {
  path: string;
  size: number;
  crc: number;
  headerOffset: number;
  dataStart: number;
}

export type ZipReadResult =
  { ok: true; entries: Map<string, ZipEntry> } | { ok: false; reason: string };

/**
 * Reads the central directory of a stored ZIP written as above (no comment, no ZIP64, no
 * compression, no repeated names, entries inside the file). A truncated file loses its end
 * record, so it fails here.
 */
export async function readStoredZip(source: ByteSource): Promise<ZipReadResult> {
  if (source.size < END_SIZE) return { ok: false, reason: 'ZIP の終端がありません' };
  const end = await source.read(source.size - END_SIZE, source.size);
  const endView = new DataView(end.buffer, end.byteOffset, end.byteLength);
  if (endView.getUint32(0, true) !== END_OF_CENTRAL)
    return { ok: false, reason: 'ZIP の終端がありません（途中で切れている可能性があります）' };
  const count = endView.getUint16(10, true);
  const length = endView.getUint32(12, true);
  const start = endView.getUint32(16, true);
  if (start + length !== source.size - END_SIZE)
    return { ok: false, reason: 'ZIP の目次の位置が正しくありません' };
  const central = await source.read(start, start + length);
  const view = new DataView(central.buffer, central.byteOffset, central.byteLength);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const entries = new Map<string, ZipEntry>();
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_HEADER_SIZE > central.length || view.getUint32(at, true) !== CENTRAL_HEADER)
      return { ok: false, reason: 'ZIP の目次が壊れています' };
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const headerOffset = view.getUint32(at + 42, true);
    if (method !== 0 || compressed !== size)
      return { ok: false, reason: '圧縮されたファイルが含まれています' };
    let path: string;
    try {
      path = decoder.decode(
        central.subarray(at + CENTRAL_HEADER_SIZE, at + CENTRAL_HEADER_SIZE + nameLength),
      );
    } catch {
      return { ok: false, reason: 'ZIP の中のファイル名が読めません' };
    }
    const dataStart = headerOffset + LOCAL_HEADER_SIZE + nameLength;
    if (entries.has(path) || dataStart + size > start)
      return { ok: false, reason: 'ZIP の目次が壊れています' };
    entries.set(path, { path, size, crc: view.getUint32(at + 16, true), headerOffset, dataStart });
    at += CENTRAL_HEADER_SIZE + nameLength + extra;
  }
  if (at !== central.length) return { ok: false, reason: 'ZIP の目次が壊れています' };
  return { ok: true, entries };
}

/**
 * The bytes of one entry, after checking that its local header is where the directory says
 * and names the same file with no extra field (as the writer makes it).
 */
export async function readZipEntry(
  source: ByteSource,
  entry: ZipEntry,
): Promise<Uint8Array | null> {
  const bytes = await source.read(entry.headerOffset, entry.dataStart + entry.size);
  if (bytes.length !== entry.dataStart + entry.size - entry.headerOffset) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nameLength = entry.dataStart - entry.headerOffset - LOCAL_HEADER_SIZE;
  if (view.getUint32(0, true) !== LOCAL_HEADER) return null;
  if (view.getUint16(26, true) !== nameLength || view.getUint16(28, true) !== 0) return null;
  return bytes.subarray(entry.dataStart - entry.headerOffset);
}
