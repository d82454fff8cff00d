/**
 * The few DER (ASN.1) pieces the key files need: enough to write and read PKCS#8 and
 * EncryptedPrivateKeyInfo, not a general ASN.1 library. Readers return null on anything
 * unexpected so callers can turn that into one clear error.
 */
export const TAG = {
  integer: 0x02,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  sequence: 0x30,
} as const;

/** One DER element: its tag, its contents, and where the next element starts. */
export interface DerElement {
  tag: number;
  contents: Uint8Array;
  end: number;
}

function encodeLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

/** Encodes one element from its tag and contents. */
export function derElement(tag: number, ...contents: Uint8Array[]): Uint8Array {
  const size = contents.reduce((sum, part) => sum + part.length, 0);
  const header = [tag, ...encodeLength(size)];
  const out = new Uint8Array(header.length + size);
  out.set(header, 0);
  let offset = header.length;
  for (const part of contents) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A non-negative INTEGER (small values only: iteration counts, versions). */
export function derInteger(value: number): Uint8Array {
  const bytes: number[] = [];
  for (let n = value; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  if (bytes.length === 0 || bytes[0]! >= 0x80) bytes.unshift(0);
  return derElement(TAG.integer, Uint8Array.from(bytes));
}

/** An OBJECT IDENTIFIER from its dotted form, e.g. "1.2.840.113549.1.5.13". */
export function derOid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  const bytes: number[] = [arcs[0]! * 40 + arcs[1]!];
  for (const arc of arcs.slice(2)) {
    const base128: number[] = [arc & 0x7f];
    for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128))
      base128.unshift(0x80 | (n & 0x7f));
    bytes.push(...base128);
  }
  return derElement(TAG.oid, Uint8Array.from(bytes));
}

/** Reads the element at `offset`, or null when the bytes are not well-formed DER. */
export function readDer(bytes: Uint8Array, offset = 0): DerElement | null {
  if (offset + 2 > bytes.length) return null;
  const tag = bytes[offset]!;
  let length = bytes[offset + 1]!;
  let start = offset + 2;
  if (length >= 0x80) {
    const count = length & 0x7f;
    // Four length bytes are far more than any key file needs; refuse indefinite lengths.
    if (count === 0 || count > 4 || start + count > bytes.length) return null;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[start + i]!;
    start += count;
    if (length < 0x80) return null;
  }
  const end = start + length;
  if (end > bytes.length) return null;
  return { tag, contents: bytes.subarray(start, end), end };
}

/** Reads all elements inside a constructed element's contents, or null when malformed. */
export function readDerChildren(contents: Uint8Array): DerElement[] | null {
  const children: DerElement[] = [];
  for (let offset = 0; offset < contents.length;) {
    const child = readDer(contents, offset);
    if (!child) return null;
    children.push(child);
    offset = child.end;
  }
  return children;
}

/** A small non-negative INTEGER's value, or null when negative, too large or badly encoded. */
export function readDerInteger(element: DerElement | undefined): number | null {
  if (!element || element.tag !== TAG.integer || element.contents.length === 0) return null;
  const { contents } = element;
  if (contents[0]! >= 0x80 || contents.length > 6) return null;
  let value = 0;
  for (const byte of contents) value = value * 256 + byte;
  return value;
}

/** True when `element` is exactly the encoded `expected` element (OIDs, fixed headers). */
export function isDerEqual(element: DerElement | undefined, expected: Uint8Array): boolean {
  if (!element) return false;
  const encoded = derElement(element.tag, element.contents);
  return encoded.length === expected.length && encoded.every((byte, i) => byte === expected[i]);
}
