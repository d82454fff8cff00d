/**
 * Why an age file could not be read. The kinds follow the C2SP age test vectors' outcomes
 * (`header failure`, `no match`, `HMAC failure`, `payload failure`, `armor failure`), split a
 * little finer where the person at the screen needs a different sentence.
 */
export type AgeError =
  /** Neither a binary age file nor an armored one. */
  | { kind: 'notAge' }
  /** `age-encryption.org/<other>`: a future version of the format. */
  | { kind: 'unsupportedVersion'; version: string }
  | { kind: 'armor'; detail: string }
  /** The header is malformed, or a stanza meant for our identity is (a damaged file). */
  | { kind: 'header'; detail: string }
  /** A passphrase file asks for more scrypt work than a browser can give. */
  | { kind: 'workFactor'; logN: number }
  /** No stanza opens with the identities given (another recipient, a wrong passphrase). */
  | { kind: 'noMatch'; stanzaTypes: string[] }
  /** The file key opened but the header was changed afterwards. */
  | { kind: 'hmac' }
  /** The payload stops early, has trailing bytes or a chunk fails to authenticate. */
  | { kind: 'payload'; detail: string };

export type AgeResult<T> = { ok: true; value: T } | { ok: false; error: AgeError };

/** Thrown inside the age modules and turned into an AgeResult at their public edge. */
export class AgeFailure extends Error {
  constructor(readonly error: AgeError) {
    super(`age: ${error.kind}${'detail' in error ? `: ${error.detail}` : ''}`);
    this.name = 'AgeFailure';
  }
}

export function fail(error: AgeError): never {
  throw new AgeFailure(error);
}

export function headerFailure(detail: string): never {
  throw new AgeFailure({ kind: 'header', detail });
}
