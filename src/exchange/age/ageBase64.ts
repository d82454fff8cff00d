import { decodeBase64, encodeBase64 } from '../base64.ts';

/** age's Base64: the standard alphabet without padding, canonical only (one spelling per value). */
export function encodeAgeBase64(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/=+$/, '');
}

export function decodeAgeBase64(text: string): Uint8Array | null {
  if (text.includes('=') || text.length % 4 === 1) return null;
  return decodeBase64(text + '='.repeat((4 - (text.length % 4)) % 4));
}
