import type { NamedRecipient } from '../../db/exportProtection.ts';
import {
  passphraseStrength,
  passphraseStrengthLabels,
  randomPassphrase,
} from '../../exchange/age/passphraseStrength.ts';
import { escapeControlCharacters as shown } from '../../exchange/safeText.ts';
import { Banner } from '../common/Banner.tsx';
import { Field } from '../common/Field.tsx';
import type { ProtectionChoice } from './exportProtectionChoice.ts';

/**
 * 暗号化 in the export form: to the IT section's keys (a department cannot drop one), to a
 * passphrase for an ad hoc transfer, or — the audited exception — not at all.
 */
export function ExportProtectionFields({
  value,
  onChange,
  known,
  canChoose,
  hasSeenRecipients,
  name = 'export-protection',
  encryptedFile = '….sonae.json.age',
}: {
  value: ProtectionChoice;
  onChange: (next: ProtectionChoice) => void;
  known: readonly NamedRecipient[];
  /** The IT section picks recipients per export and may add others. */
  canChoose: boolean;
  hasSeenRecipients: boolean;
  /** The radio group's name (unique on the page). */
  name?: string;
  /** How an encrypted file is named, for the hint. */
  encryptedFile?: string;
}) {
  const set = (patch: Partial<ProtectionChoice>) => onChange({ ...value, ...patch });
  const mode = (m: ProtectionChoice['mode'], label: string) => (
    <label>
      <input
        type="radio"
        name={name}
        checked={value.mode === m}
        onChange={() => set({ mode: m })}
      />
      {label}
    </label>
  );
  const toggle = (recipient: string) =>
    set({
      chosen: value.chosen.includes(recipient)
        ? value.chosen.filter((r) => r !== recipient)
        : [...value.chosen, recipient],
    });
  const strength = passphraseStrength(value.passphrase);
  return (
    <fieldset>
      <legend>暗号化</legend>
      {known.length > 0 || canChoose
        ? mode('recipients', '宛先の鍵で暗号化する（age）')
        : null}{' '}
      {canChoose || known.length === 0 ? mode('passphrase', 'パスフレーズで暗号化する') : null}{' '}
      {mode('clear', '暗号化しない')}
      {value.mode === 'recipients' ? (
        <div className="export-recipients">
          {known.map((r) => (
            <label key={r.recipient}>
              <input
                type="checkbox"
                checked={value.chosen.includes(r.recipient)}
                disabled={!canChoose}
                onChange={() => toggle(r.recipient)}
              />
              {shown(r.label)} <code>{r.recipient.slice(0, 16)}…</code>
            </label>
          ))}
          {canChoose ? (
            <Field label="ほかの宛先（age1…、1行に1つ）">
              <textarea
                rows={2}
                value={value.extra}
                onChange={(e) => set({ extra: e.target.value })}
              />
            </Field>
          ) : null}
          <p className="hint">
            ファイルは「{encryptedFile}」になり、宛先の秘密鍵を持つ端末（または age
            コマンド）でしか読めません。
          </p>
        </div>
      ) : null}
      {value.mode === 'passphrase' ? (
        <div className="export-passphrase">
          <Banner kind="info">
            パスフレーズは、ファイルとは別の経路（電話・別のメールなど）で相手に伝えてください。ファイルと一緒に送ると暗号化の意味がありません。
          </Banner>
          <Field label="パスフレーズ" hint={`強さ: ${passphraseStrengthLabels[strength]}`}>
            <input
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={value.passphrase}
              onChange={(e) => set({ passphrase: e.target.value })}
            />
          </Field>
          <Field label="パスフレーズ（確認）">
            <input
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={value.confirm}
              onChange={(e) => set({ confirm: e.target.value })}
            />
          </Field>
          <button
            type="button"
            onClick={() => {
              const generated = randomPassphrase();
              set({ passphrase: generated, confirm: generated });
            }}
          >
            ランダムなパスフレーズを作る
          </button>
        </div>
      ) : null}
      {value.mode === 'clear' && hasSeenRecipients ? (
        <div className="export-clear">
          <Banner kind="error">
            この端末には暗号化の宛先が設定されています。暗号化しないファイルは、USBメモリを拾った人にも読めます。
          </Banner>
          <Field label="暗号化しない理由（持ち出し記録に残ります）" required>
            <textarea
              rows={2}
              value={value.reason}
              onChange={(e) => set({ reason: e.target.value })}
            />
          </Field>
        </div>
      ) : null}
    </fieldset>
  );
}
