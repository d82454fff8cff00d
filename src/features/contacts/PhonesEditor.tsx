import { contactFieldLabels } from '../../domain/contact.ts';
import { Field } from '../common/Field.tsx';
import type { FieldErrors } from '../common/fieldErrors.ts';
import type { ContactFormValues } from './contactFormValues.ts';

type Phones = ContactFormValues['phones'];
const MAX_PHONES = 10;

/** 電話番号: one row per number with what it is (代表・直通・携帯), added and removed freely. */
export function PhonesEditor({
  phones,
  onChange,
  errors,
}: {
  phones: Phones;
  onChange: (next: Phones) => void;
  errors: FieldErrors;
}) {
  const update = (index: number, change: Partial<Phones[number]>) =>
    onChange(phones.map((p, i) => (i === index ? { ...p, ...change } : p)));
  return (
    <fieldset>
      <legend>{contactFieldLabels.phones}</legend>
      <p className="hint">
        上から順に、受付時間内にかける番号です。一番上の番号が「いまかける番号」になります。
      </p>
      {errors.phones ? (
        <p className="error" role="alert">
          {errors.phones}
        </p>
      ) : null}
      {phones.map((phone, index) => (
        // Rows have no id of their own; the inputs are controlled, so the index is a safe key.
        <div className="repeat-row" key={index}>
          <Field
            label={`電話番号の種類 ${index + 1}`}
            hint="例: 代表・直通・携帯"
            error={errors[`phones.${index}.label`]}
            className="phone-label-field"
          >
            <input value={phone.label} onChange={(e) => update(index, { label: e.target.value })} />
          </Field>
          <Field
            label={`電話番号 ${index + 1}`}
            hint="例: 03-1234-5678"
            error={errors[`phones.${index}.number`]}
          >
            <input
              type="tel"
              value={phone.number}
              onChange={(e) => update(index, { number: e.target.value })}
              autoComplete="off"
            />
          </Field>
          <button
            type="button"
            className="link-button danger"
            onClick={() => onChange(phones.filter((_, i) => i !== index))}
          >
            {`電話番号 ${index + 1} を削除`}
          </button>
        </div>
      ))}
      <button
        type="button"
        disabled={phones.length >= MAX_PHONES}
        onClick={() => onChange([...phones, { label: '', number: '' }])}
      >
        電話番号を追加
      </button>
      {phones.length >= MAX_PHONES ? (
        <p className="hint">電話番号は{MAX_PHONES}件まで登録できます。</p>
      ) : null}
    </fieldset>
  );
}
