import { decodeBase64 } from '../base64.ts';
import { fail } from './ageErrors.ts';

/**
 * age's optional ASCII armor (strict PEM: `-----BEGIN AGE ENCRYPTED FILE-----`, padded
 * Base64 in 64-column lines, the last one shorter or full, then the END line). We read it
 * (people paste such files into mail) but write binary files only. Whitespace around the block
 * and CRLF line ends are allowed; anything else a lax PEM reader would let through is refused.
 */
const BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
const END = '-----END AGE ENCRYPTED FILE-----';
const COLUMNS = 64;
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** True when the bytes, after leading whitespace, start like a PEM block (armored age or not). */
export function looksArmored(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length && i < 1024 && WHITESPACE.has(bytes[i]!)) i++;
  return String.fromCharCode(...bytes.subarray(i, i + 5)) === '-----';
}

function armorFailure(detail: string): never {
  fail({ kind: 'armor', detail });
}

/** Decodes an armored age file to its binary form; throws AgeFailure (armor). */
export function decodeAgeArmor(bytes: Uint8Array): Uint8Array {
  let start = 0;
  let end = bytes.length;
  while (start < end && WHITESPACE.has(bytes[start]!)) start++;
  while (end > start && WHITESPACE.has(bytes[end - 1]!)) end--;
  let text: string;
  try {
    text = new TextDecoder('ascii', { fatal: true }).decode(bytes.subarray(start, end));
  } catch {
    armorFailure('文字が正しくありません');
  }
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  if (lines[0] !== BEGIN) armorFailure('始まりの行が正しくありません');
  if (lines.length < 2 || lines.at(-1) !== END) armorFailure('終わりの行が正しくありません');
  const data = lines.slice(1, -1);
  for (const [i, line] of data.entries()) {
    const isLast = i === data.length - 1;
    if (!/^[A-Za-z0-9+/=]+$/.test(line)) armorFailure('Base64 ではない行があります');
    if (line.length > COLUMNS || (!isLast && line.length !== COLUMNS))
      armorFailure('行の長さが正しくありません');
    if (!isLast && line.includes('=')) armorFailure('パディングの位置が正しくありません');
  }
  const decoded = decodeBase64(data.join(''));
  if (!decoded) armorFailure('Base64 が正しくありません');
  return decoded;
}
