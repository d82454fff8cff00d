import type { ExportProtection, NamedRecipient } from '../../db/exportProtection.ts';
import { parseAgeRecipient } from '../../exchange/age/ageRecipients.ts';
import { passphraseStrength } from '../../exchange/age/passphraseStrength.ts';

/** What the export form holds about encryption, and the rule that turns it into a protection. */
export interface ProtectionChoice {
  mode: 'recipients' | 'passphrase' | 'clear';
  /** The `age1…` of the known recipients ticked. */
  chosen: string[];
  /** More recipients typed by the IT section, one per line. */
  extra: string;
  passphrase: string;
  confirm: string;
  reason: string;
}

/**
 * The form's first state: the known recipients all ticked; without any, `fallback` (an export
 * is in clear; a backup asks for a passphrase, PRODUCT.md decision 4).
 */
export function initialChoice(
  known: readonly NamedRecipient[],
  fallback: 'clear' | 'passphrase' = 'clear',
): ProtectionChoice {
  return {
    mode: known.length > 0 ? 'recipients' : fallback,
    chosen: known.map((r) => r.recipient),
    extra: '',
    passphrase: '',
    confirm: '',
    reason: '',
  };
}

/** The protection to export with, or the Japanese reason the form cannot be sent yet. */
export function protectionOf(
  choice: ProtectionChoice,
  known: readonly NamedRecipient[],
  hasSeenRecipients: boolean,
): { ok: true; protection: ExportProtection } | { ok: false; message: string } {
  if (choice.mode === 'clear') {
    const reason = choice.reason.trim();
    if (hasSeenRecipients && !reason)
      return {
        ok: false,
        message: '暗号化せずに書き出す理由を入力してください（持ち出し記録に残ります）。',
      };
    return { ok: true, protection: { kind: 'clear', reason } };
  }
  if (choice.mode === 'passphrase') {
    if (passphraseStrength(choice.passphrase) === 'tooShort')
      return { ok: false, message: 'パスフレーズは8文字以上にしてください。' };
    if (choice.passphrase !== choice.confirm)
      return { ok: false, message: 'パスフレーズ（確認）が一致しません。' };
    return { ok: true, protection: { kind: 'passphrase', passphrase: choice.passphrase } };
  }
  const recipients = known.filter((r) => choice.chosen.includes(r.recipient));
  for (const line of choice.extra.split('\n')) {
    const text = line.trim();
    if (!text) continue;
    if (!parseAgeRecipient(text))
      return {
        ok: false,
        message: `「${text.slice(0, 70)}」は age の宛先（age1…）ではありません。`,
      };
    if (!recipients.some((r) => r.recipient === text))
      recipients.push({ label: '追加の宛先', recipient: text });
  }
  if (recipients.length === 0)
    return { ok: false, message: '暗号化の宛先を1つ以上選んでください。' };
  return { ok: true, protection: { kind: 'recipients', recipients } };
}
