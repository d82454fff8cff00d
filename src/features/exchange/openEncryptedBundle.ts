import { decryptAge, openAge } from '../../exchange/age/age.ts';
import { decryptBlob } from '../../exchange/age/ageBlob.ts';
import { readBlobBytes } from '../../db/blobBytes.ts';
import { digestHex } from '../../db/importChecks.ts';
import { describeAgeError } from '../../exchange/age/ageFiles.ts';
import { scryptIdentity, type AgeIdentity } from '../../exchange/age/ageRecipients.ts';
import {
  loadAgeIdentityInfo,
  unlockAgeIdentity,
  unlockedAgeIdentity,
} from '../../db/ageIdentity.ts';
import { loadSeenRecipients, type NamedRecipient } from '../../db/exportProtection.ts';
import { deploymentSettingsOf, loadDeploymentConfig } from './deploymentConfig.ts';

/**
 * Opens an age-encrypted bundle chosen for import, in memory: with this station's identity (its
 * passphrase asked once per page) or, for a passphrase file, the file's passphrase. Each refusal
 * has its own sentence and nothing is written anywhere.
 *
 * age hides whom a file is for (an X25519 stanza holds only an ephemeral share), so a station
 * without the key cannot tell which recipient a file names; the labels it gives are those of
 * the recipients the deployment config lists, to which every department's export is encrypted.
 */
export type OpenOutcome =
  | { status: 'opened'; bytes: Uint8Array; outerSha256: string; innerSha256: string }
  /** Ask for a passphrase (the station key's, or the file's) and try again. */
  | { status: 'needPassphrase'; for: 'identity' | 'file'; message: string | null }
  | { status: 'refused'; message: string };

export interface OpenInput {
  identityPassphrase?: string;
  filePassphrase?: string;
  /**
   * The recipients of the deployment config (or those this station last saw), named in the
   * refusals; looked up (recipientsForMessages) when the caller has not already.
   */
  configuredRecipients?: readonly NamedRecipient[];
}

/** The recipients a refusal names: the deployment config's, else those this station last saw. */
export async function recipientsForMessages(): Promise<NamedRecipient[]> {
  const configured = deploymentSettingsOf(await loadDeploymentConfig()).encryptionRecipients;
  return configured.length ? configured : ((await loadSeenRecipients())?.recipients ?? []);
}

function labelsOf(recipients: readonly NamedRecipient[]): string {
  return recipients.map((r) => r.label).join('・');
}

/** The identity to open a file with, or why there is none yet. */
type IdentityChoice =
  | {
      status: 'identity';
      identity: AgeIdentity;
      /** Said when the identity does not open the file. */
      noMatch: OpenOutcome & { status: 'refused' | 'needPassphrase' };
    }
  | Extract<OpenOutcome, { status: 'refused' | 'needPassphrase' }>;

/**
 * Which identity opens an age file whose header names `stanzaTypes`: the file's passphrase, or
 * this station's key (its passphrase asked once per page). Shared by bundles and backups.
 */
export async function chooseAgeIdentity(
  stanzaTypes: readonly string[],
  input: OpenInput,
): Promise<IdentityChoice> {
  if (stanzaTypes.includes('scrypt')) {
    if (!input.filePassphrase) return { status: 'needPassphrase', for: 'file', message: null };
    return {
      status: 'identity',
      identity: scryptIdentity(input.filePassphrase),
      noMatch: { status: 'needPassphrase', for: 'file', message: 'パスフレーズが違います。' },
    };
  }
  const info = await loadAgeIdentityInfo();
  if (!info) {
    const labels = labelsOf(input.configuredRecipients ?? (await recipientsForMessages()));
    return {
      status: 'refused',
      message: labels
        ? `このファイルは${labels}あての暗号化ファイルです。この端末には、開くための鍵（age の秘密鍵）が登録されていません。`
        : 'このファイルは暗号化されています（age）。この端末には、開くための鍵（age の秘密鍵）が登録されていません。',
    };
  }
  let identity = unlockedAgeIdentity();
  if (!identity) {
    if (!input.identityPassphrase)
      return { status: 'needPassphrase', for: 'identity', message: null };
    const unlocked = await unlockAgeIdentity(input.identityPassphrase);
    if (!unlocked.ok)
      return { status: 'needPassphrase', for: 'identity', message: unlocked.message };
    identity = unlocked.identity;
  }
  const recipients = input.configuredRecipients ?? (await recipientsForMessages());
  const own = recipients.find((r) => r.recipient === info.recipient);
  return {
    status: 'identity',
    identity,
    noMatch: {
      status: 'refused',
      message: `このファイルは別の宛先あての暗号化ファイルです。この端末の鍵（${own ? `${own.label}・` : ''}${info.recipient.slice(0, 12)}…）では開けません。`,
    },
  };
}

/** The stanza types of an age file's header, or the refusal of a file that is not readable. */
export async function probeAgeFile(
  bytes: Uint8Array,
): Promise<
  | { ok: true; stanzaTypes: string[] }
  | { ok: false; outcome: { status: 'refused'; message: string } }
> {
  // With no identity at all, the header is still read: a damaged file says so first.
  const probe = await openAge(bytes, []);
  if (probe.ok || probe.error.kind !== 'noMatch')
    return {
      ok: false,
      outcome: {
        status: 'refused',
        message: probe.ok ? '暗号化ファイルを読めません。' : describeAgeError(probe.error),
      },
    };
  return { ok: true, stanzaTypes: probe.error.stanzaTypes };
}

export async function openEncryptedBundle(
  bytes: Uint8Array,
  input: OpenInput,
): Promise<OpenOutcome> {
  const probe = await probeAgeFile(bytes);
  if (!probe.ok) return probe.outcome;
  const choice = await chooseAgeIdentity(probe.stanzaTypes, input);
  if (choice.status !== 'identity') return choice;
  const decrypted = await decryptAge(bytes, [choice.identity]);
  if (!decrypted.ok && decrypted.error.kind === 'noMatch') return choice.noMatch;
  return outcomeOf(bytes, decrypted);
}

async function outcomeOf(
  bytes: Uint8Array,
  decrypted: Awaited<ReturnType<typeof decryptAge>>,
): Promise<OpenOutcome> {
  if (!decrypted.ok) return { status: 'refused', message: describeAgeError(decrypted.error) };
  return {
    status: 'opened',
    bytes: decrypted.value,
    outerSha256: await digestHex(bytes),
    innerSha256: await digestHex(decrypted.value),
  };
}

export type BlobOpenOutcome =
  { status: 'opened'; blob: Blob } | Extract<OpenOutcome, { status: 'refused' | 'needPassphrase' }>;

/**
 * openEncryptedBundle for a file too large to hold twice in memory (a whole-station backup):
 * decrypted slice by slice into a Blob, handed back only once all of it has authenticated.
 */
export async function openEncryptedBlob(
  file: Blob,
  input: OpenInput,
  type = '',
): Promise<BlobOpenOutcome> {
  const probe = await probeAgeFile(
    await readBlobBytes(file.slice(0, Math.min(file.size, 1024 * 1024))),
  );
  if (!probe.ok) return probe.outcome;
  const choice = await chooseAgeIdentity(probe.stanzaTypes, input);
  if (choice.status !== 'identity') return choice;
  const decrypted = await decryptBlob(file, [choice.identity], readBlobBytes, type);
  if (decrypted.ok) return { status: 'opened', blob: decrypted.value };
  if (decrypted.error.kind === 'noMatch') return choice.noMatch;
  return { status: 'refused', message: describeAgeError(decrypted.error) };
}
