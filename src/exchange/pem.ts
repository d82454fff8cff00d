import { decodeBase64, encodeBase64 } from './base64.ts';

/** PEM labels of the key files Sonae reads and writes (RFC 7468). */
export type PemLabel = 'PRIVATE KEY' | 'PUBLIC KEY' | 'ENCRYPTED PRIVATE KEY';

/** DER bytes → PEM text with 64-character lines and a trailing newline, as OpenSSL writes it. */
export function encodePem(label: PemLabel, der: Uint8Array): string {
  const body = encodeBase64(der)
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/**
 * The first PEM block in `text`: its label and DER bytes, or null when there is none or its
 * body is not Base64. Text around the block is ignored, as OpenSSL does (explanatory lines).
 */
export function decodePem(text: string): { label: string; der: Uint8Array } | null {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(text);
  if (!match) return null;
  const der = decodeBase64(match[2]!.replace(/\s+/g, ''));
  if (!der || der.length === 0) return null;
  return { label: match[1]!, der };
}
