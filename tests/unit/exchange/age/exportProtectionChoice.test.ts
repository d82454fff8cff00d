import { describe, expect, it } from 'vitest';
import { generateAgeIdentity } from '../../../../src/exchange/age/ageRecipients.ts';
import {
  initialChoice,
  protectionOf,
} from '../../../../src/features/exchange/exportProtectionChoice.ts';

// The export form's encryption choice → what exportBundle is asked to do, or why not yet.
const working = generateAgeIdentity().recipient;
const escrow = generateAgeIdentity().recipient;
const vendor = generateAgeIdentity().recipient;
const known = [
  { label: '情報政策課', recipient: working },
  { label: '情報政策課（保管用）', recipient: escrow },
];

describe('protectionOf', () => {
  it('starts encrypted to every known recipient, or in clear when there are none', () => {
    expect(protectionOf(initialChoice(known), known, true)).toEqual({
      ok: true,
      protection: { kind: 'recipients', recipients: known },
    });
    expect(initialChoice([]).mode).toBe('clear');
    // A backup without recipients starts with a passphrase (PRODUCT.md decision 4).
    expect(initialChoice([], 'passphrase').mode).toBe('passphrase');
    expect(initialChoice(known, 'passphrase').mode).toBe('recipients');
  });

  it('keeps the ticked recipients and adds typed ones; refuses a bad one or none', () => {
    const choice = { ...initialChoice(known), chosen: [working], extra: `\n${vendor}\n` };
    expect(protectionOf(choice, known, true)).toEqual({
      ok: true,
      protection: {
        kind: 'recipients',
        recipients: [known[0], { label: '追加の宛先', recipient: vendor }],
      },
    });
    const bad = protectionOf({ ...choice, extra: 'age1typo' }, known, true);
    expect(!bad.ok && bad.message).toContain('「age1typo」は age の宛先（age1…）ではありません');
    const none = protectionOf({ ...choice, chosen: [], extra: '' }, known, true);
    expect(!none.ok && none.message).toBe('暗号化の宛先を1つ以上選んでください。');
  });

  it('a passphrase must be 8 characters and typed the same twice', () => {
    const base = { ...initialChoice(known), mode: 'passphrase' as const };
    const short = protectionOf({ ...base, passphrase: 'short', confirm: 'short' }, known, true);
    expect(!short.ok && short.message).toContain('8文字以上');
    const differ = protectionOf(
      { ...base, passphrase: 'long-enough-1', confirm: 'long-enough-2' },
      known,
      true,
    );
    expect(!differ.ok && differ.message).toContain('一致しません');
    expect(
      protectionOf({ ...base, passphrase: 'long-enough-1', confirm: 'long-enough-1' }, known, true),
    ).toEqual({
      ok: true,
      protection: { kind: 'passphrase', passphrase: 'long-enough-1' },
    });
  });

  it('in clear: needs a reason once recipients were seen, not before', () => {
    const clear = { ...initialChoice(known), mode: 'clear' as const };
    const refused = protectionOf(clear, known, true);
    expect(!refused.ok && refused.message).toContain('理由を入力してください');
    expect(protectionOf({ ...clear, reason: ' 委託先へ ' }, known, true)).toEqual({
      ok: true,
      protection: { kind: 'clear', reason: '委託先へ' },
    });
    expect(protectionOf(clear, [], false)).toEqual({
      ok: true,
      protection: { kind: 'clear', reason: '' },
    });
  });
});
