import { Field } from '../common/Field.tsx';

/**
 * A new passphrase typed twice (checked by checkNewPassphrase in useBackupAction.ts): for a key
 * inside a whole-station backup; the key backup of 署名鍵 asks the same way.
 */
export function NewPassphraseFields({
  label,
  hint,
  error,
  value,
  again,
  onChange,
  onAgainChange,
}: {
  label: string;
  hint: string;
  error: string | null;
  value: string;
  again: string;
  onChange: (value: string) => void;
  onAgainChange: (value: string) => void;
}) {
  return (
    <>
      <Field label={label} hint={hint} error={error ?? undefined}>
        <input
          type="password"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoComplete="new-password"
        />
      </Field>
      <Field label={`${label}（確認）`}>
        <input
          type="password"
          value={again}
          onChange={(e) => onAgainChange(e.target.value)}
          autoComplete="new-password"
        />
      </Field>
    </>
  );
}
