// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { openAge } from '../../../../src/exchange/age/age.ts';
import { decodeAgeArmor } from '../../../../src/exchange/age/ageArmor.ts';
import { AgeFailure, type AgeError } from '../../../../src/exchange/age/ageErrors.ts';
import { joinBytes } from '../../../../src/exchange/age/ageStream.ts';
import {
  parseAgeIdentity,
  scryptIdentity,
  x25519Identity,
  type AgeIdentity,
} from '../../../../src/exchange/age/ageRecipients.ts';

// The C2SP/CCTV age vectors (tests/fixtures/age/README.md): every file must end exactly as its
// `expect` says, and the plaintext released before a payload failure must match its hash.
const DIR = new URL('../../../fixtures/age/', import.meta.url);
const names = readdirSync(DIR).filter((name) => name !== 'README.md');

interface Vector {
  expect: string;
  payload: string;
  identities: AgeIdentity[];
  armored: boolean;
  file: Uint8Array;
}

function readVector(name: string): Vector {
  const raw = readFileSync(new URL(name, DIR));
  const split = raw.indexOf('\n\n');
  const fields = raw.subarray(0, split).toString('utf8').split('\n');
  const values = (key: string) =>
    fields.filter((f) => f.startsWith(`${key}: `)).map((f) => f.slice(key.length + 2));
  const body = new Uint8Array(raw.subarray(split + 2));
  return {
    expect: values('expect')[0]!,
    payload: values('payload')[0] ?? '',
    identities: [
      ...values('identity').map((text) => x25519Identity(parseAgeIdentity(text)!)),
      ...values('passphrase').map((text) => scryptIdentity(text)),
    ],
    armored: values('armored')[0] === 'yes',
    file: values('compressed')[0] === 'zlib' ? new Uint8Array(inflateSync(body)) : body,
  };
}

/** The vector's outcome name for one of our errors. */
function outcomeOf(error: AgeError): string {
  switch (error.kind) {
    case 'notAge':
    case 'unsupportedVersion':
    case 'header':
    case 'workFactor':
      return 'header failure';
    case 'noMatch':
      return 'no match';
    case 'hmac':
      return 'HMAC failure';
    case 'payload':
      return 'payload failure';
    case 'armor':
      return 'armor failure';
  }
}

async function run(vector: Vector): Promise<{ outcome: string; released: Uint8Array }> {
  const released: Uint8Array[] = [];
  const result = (outcome: string) => ({ outcome, released: joinBytes(released) });
  let file = vector.file;
  if (vector.armored) {
    try {
      file = decodeAgeArmor(file);
    } catch (error) {
      if (error instanceof AgeFailure) return result(outcomeOf(error.error));
      throw error;
    }
  }
  const opened = await openAge(file, vector.identities);
  if (!opened.ok) return result(outcomeOf(opened.error));
  const { sealed, decryptor } = opened.value;
  try {
    // Fed in uneven pieces, so chunk boundaries never line up with the pushes.
    const emit = (plain: Uint8Array) => released.push(plain);
    for (let i = 0; i < sealed.length; i += 40_000)
      decryptor.push(sealed.subarray(i, i + 40_000), emit);
    decryptor.finish(emit);
  } catch (error) {
    if (error instanceof AgeFailure) return result(outcomeOf(error.error));
    throw error;
  }
  return result('success');
}

describe('C2SP age test vectors', () => {
  it('has the vectors the brief asks for', () => {
    for (const name of ['x25519', 'x25519_no_match', 'scrypt', 'scrypt_work_factor_23', 'hmac_bad'])
      expect(names).toContain(name);
    expect(names.length).toBeGreaterThan(120);
  });

  it.each(names)('%s', async (name) => {
    const vector = readVector(name);
    const { outcome, released } = await run(vector);
    expect(outcome).toBe(vector.expect);
    if (vector.expect === 'success' || vector.expect === 'payload failure')
      expect(bytesToHex(sha256(released))).toBe(vector.payload);
  });
});
