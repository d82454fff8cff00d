import { randomBytes } from '@noble/hashes/utils.js';

/**
 * A rough strength hint for a passphrase that protects a file handed to someone outside (age's
 * scrypt recipient). It estimates guessing work from length and character classes, discounted
 * for repeats; it is a hint for the person typing, not a policy.
 */
export type PassphraseStrength = 'tooShort' | 'weak' | 'fair' | 'strong';

export const MIN_PASSPHRASE_LENGTH = 8;

export const passphraseStrengthLabels: Record<PassphraseStrength, string> = {
  tooShort: `短すぎます（${MIN_PASSPHRASE_LENGTH}文字以上）`,
  weak: '弱い（推測されやすい）',
  fair: 'ふつう（もう少し長くすると安全です）',
  strong: '強い',
};

/** Estimated bits of guessing work. */
export function passphraseBits(passphrase: string): number {
  const chars = [...passphrase];
  let pool = 0;
  if (chars.some((c) => /[a-z]/.test(c))) pool += 26;
  if (chars.some((c) => /[A-Z]/.test(c))) pool += 26;
  if (chars.some((c) => /[0-9]/.test(c))) pool += 10;
  if (chars.some((c) => /[!-/:-@[-`{-~ ]/.test(c))) pool += 33;
  // Kana and kanji: a large alphabet, but people pick common words, so count it modestly.
  if (chars.some((c) => c.charCodeAt(0) > 0x7f)) pool += 300;
  const distinct = new Set(chars).size;
  // Repeated characters ("aaaa1111") add little: count each distinct one fully, repeats at a quarter.
  const effective = distinct + (chars.length - distinct) / 4;
  return pool === 0 ? 0 : effective * Math.log2(pool);
}

export function passphraseStrength(passphrase: string): PassphraseStrength {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) return 'tooShort';
  const bits = passphraseBits(passphrase);
  return bits < 50 ? 'weak' : bits < 75 ? 'fair' : 'strong';
}

// No 0/O, 1/l/I: it is read aloud or copied by hand.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A random passphrase of 6 groups of 4 (about 120 bits), easy to read out over the phone. */
export function randomPassphrase(): string {
  const bytes = randomBytes(24);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]!);
  return Array.from({ length: 6 }, (_, i) => chars.slice(i * 4, i * 4 + 4).join('')).join('-');
}
