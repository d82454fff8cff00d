import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { equalBytes } from '@noble/ciphers/utils.js';
import { decodeAgeBase64, encodeAgeBase64 } from './ageBase64.ts';
import { fail, headerFailure } from './ageErrors.ts';

/**
 * The age v1 header (C2SP age specification, "age-encryption.org/v1"): the version line, one stanza per
 * recipient (`-> type args…`, then the body in Base64 lines of 64 columns ending with a
 * shorter one) and the MAC line (`--- ` + HMAC-SHA256 over everything up to `---`).
 */
export const AGE_VERSION_LINE = 'age-encryption.org/v1';
const VERSION_PREFIX = 'age-encryption.org/';
const BODY_COLUMNS = 64;
// A header is a few hundred bytes; these bounds stop a hostile file from making us scan megabytes.
const MAX_LINE = 16 * 1024;
const MAX_STANZAS = 256;
const HEADER_INFO = new TextEncoder().encode('header');

export interface AgeStanza {
  type: string;
  args: string[];
  body: Uint8Array;
}

export interface AgeHeader {
  stanzas: AgeStanza[];
  mac: Uint8Array;
  /** The bytes the MAC covers: from the start through `---`. */
  macInput: Uint8Array;
  /** Where the payload (its 16-byte nonce, then the STREAM chunks) begins. */
  payloadOffset: number;
}

function isArgument(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x21 || code > 0x7e) return false;
  }
  return true;
}

/** Parses the header at the start of `bytes`; throws AgeFailure (header/notAge/version). */
export function parseAgeHeader(bytes: Uint8Array): AgeHeader {
  let pos = 0;
  const readLine = (): string => {
    const end = bytes.subarray(pos, pos + MAX_LINE).indexOf(0x0a);
    if (end < 0)
      headerFailure(pos + MAX_LINE <= bytes.length ? '行が長すぎます' : '途中で切れています');
    const line = String.fromCharCode(...bytes.subarray(pos, pos + end));
    pos += end + 1;
    return line;
  };
  const first = String.fromCharCode(...bytes.subarray(0, VERSION_PREFIX.length));
  if (first !== VERSION_PREFIX) fail({ kind: 'notAge' });
  const version = readLine();
  if (version !== AGE_VERSION_LINE)
    fail({ kind: 'unsupportedVersion', version: version.slice(VERSION_PREFIX.length, 40) });
  const stanzas: AgeStanza[] = [];
  for (;;) {
    const lineStart = pos;
    const line = readLine();
    if (line.startsWith('--- ')) {
      const mac = decodeAgeBase64(line.slice(4));
      if (!mac || mac.length !== 32) headerFailure('MAC の行が正しくありません');
      if (stanzas.length === 0) headerFailure('受信者がありません');
      return { stanzas, mac, macInput: bytes.subarray(0, lineStart + 3), payloadOffset: pos };
    }
    if (!line.startsWith('-> ')) headerFailure('ヘッダーの行が正しくありません');
    if (stanzas.length >= MAX_STANZAS) headerFailure('受信者が多すぎます');
    const [type, ...args] = line.slice(3).split(' ');
    if (!isArgument(type!) || !args.every(isArgument))
      headerFailure('受信者の行が正しくありません');
    const parts: Uint8Array[] = [];
    for (;;) {
      const bodyLine = readLine();
      const part = bodyLine.length <= BODY_COLUMNS ? decodeAgeBase64(bodyLine) : null;
      if (!part) headerFailure('受信者の本文が正しくありません');
      parts.push(part);
      if (bodyLine.length < BODY_COLUMNS) break;
    }
    const body = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((offset, p) => (body.set(p, offset), offset + p.length), 0);
    stanzas.push({ type: type!, args, body });
  }
}

/** HMAC-SHA256 key of the header, derived from the file key. */
function headerMac(fileKey: Uint8Array, macInput: Uint8Array): Uint8Array {
  const key = hkdf(sha256, fileKey, new Uint8Array(0), HEADER_INFO, 32);
  return hmac(sha256, key, macInput);
}

export function isHeaderMacValid(header: AgeHeader, fileKey: Uint8Array): boolean {
  return equalBytes(headerMac(fileKey, header.macInput), header.mac);
}

function encodeStanza(stanza: AgeStanza): string {
  const body = encodeAgeBase64(stanza.body);
  const lines: string[] = [];
  for (let i = 0; i <= body.length; i += BODY_COLUMNS) lines.push(body.slice(i, i + BODY_COLUMNS));
  // A body whose length is a multiple of 64 columns still ends with a short (empty) line.
  return `-> ${[stanza.type, ...stanza.args].join(' ')}\n${lines.join('\n')}\n`;
}

/** Writes the header, MAC included, for the stanzas wrapping `fileKey`. */
export function encodeAgeHeader(stanzas: readonly AgeStanza[], fileKey: Uint8Array): Uint8Array {
  const text = `${AGE_VERSION_LINE}\n${stanzas.map(encodeStanza).join('')}---`;
  const macInput = new TextEncoder().encode(text);
  const mac = encodeAgeBase64(headerMac(fileKey, macInput));
  return new TextEncoder().encode(`${text} ${mac}\n`);
}
