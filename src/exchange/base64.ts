/**
 * Strict Base64 (RFC 4648 §4, padded) and Base64url (§5, unpadded) codecs in plain JS.
 * Buffer is not in browsers and Uint8Array.fromBase64 is not in every browser we support, so
 * this small table codec is used everywhere. Decoding is strict: only canonical encodings are
 * accepted (no whitespace, right padding, zero trailing bits), so one value has one spelling.
 */
const STANDARD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function lookupTable(alphabet: string): Int16Array {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  return table;
}
const STANDARD_TABLE = lookupTable(STANDARD);
const URL_SAFE_TABLE = lookupTable(URL_SAFE);

function encode(bytes: Uint8Array, alphabet: string, pad: boolean): string {
  const parts: string[] = [];
  let chunk = '';
  const full = bytes.length - (bytes.length % 3);
  for (let i = 0; i < full; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    chunk +=
      alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + alphabet[(n >> 6) & 63]! + alphabet[n & 63]!;
    // Joining bounded chunks keeps string building linear for large attachments.
    if (chunk.length >= 65536) {
      parts.push(chunk);
      chunk = '';
    }
  }
  const rest = bytes.length - full;
  if (rest === 1) {
    const n = bytes[full]! << 16;
    chunk += alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + (pad ? '==' : '');
  } else if (rest === 2) {
    const n = (bytes[full]! << 16) | (bytes[full + 1]! << 8);
    chunk +=
      alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + alphabet[(n >> 6) & 63]! + (pad ? '=' : '');
  }
  parts.push(chunk);
  return parts.join('');
}

function decode(text: string, table: Int16Array, padded: boolean): Uint8Array | null {
  let length = text.length;
  if (padded) {
    if (length % 4 !== 0) return null;
    if (text.endsWith('==')) length -= 2;
    else if (text.endsWith('=')) length -= 1;
  }
  if (length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? table[code]! : -1;
    if (value < 0) return null;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  // Leftover bits must be zero, otherwise two spellings would decode to the same bytes.
  if (bits > 0 && (buffer & ((1 << bits) - 1)) !== 0) return null;
  return out;
}

/** Bytes → padded standard Base64. */
export function encodeBase64(bytes: Uint8Array): string {
  return encode(bytes, STANDARD, true);
}

/** Padded standard Base64 → bytes, or null when not canonical Base64. */
export function decodeBase64(text: string): Uint8Array | null {
  return decode(text, STANDARD_TABLE, true);
}

/** Bytes → unpadded Base64url (as used by JWK and our signatures). */
export function encodeBase64Url(bytes: Uint8Array): string {
  return encode(bytes, URL_SAFE, false);
}

/** Unpadded Base64url → bytes, or null when not canonical Base64url. */
export function decodeBase64Url(text: string): Uint8Array | null {
  return decode(text, URL_SAFE_TABLE, false);
}
