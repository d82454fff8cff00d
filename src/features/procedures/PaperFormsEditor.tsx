import { useState } from 'react';
import { procedureFieldLabels } from '../../domain/procedure.ts';
import { Field } from '../common/Field.tsx';
import type { FieldErrors } from '../common/fieldErrors.ts';

/** 紙の様式: the paper forms to take out when the system is down, one per line. */
export function PaperFormsEditor({
  forms,
  onChange,
  errors,
}: {
  forms: string[];
  onChange: (next: string[]) => void;
  errors: FieldErrors;
}) {
  // Lines have no id of their own; the index is enough, as only the last line is ever added.
  const [addedIndex, setAddedIndex] = useState<number | null>(null);
  return (
    <fieldset>
      <legend>{procedureFieldLabels.paperForms}</legend>
      <p className="hint">
        システムが止まったときに使う紙の様式。印刷して置いておく場所も書いておくと探さずに済みます（例:
        様式A 紙の受付簿（窓口カウンター下の棚））。
      </p>
      {forms.length === 0 ? <p className="hint">まだ紙の様式がありません。</p> : null}
      {forms.map((form, index) => (
        <div className="repeat-row" key={index}>
          <Field label={`紙の様式 ${index + 1}`} error={errors[`paperForms.${index}`]}>
            <input
              value={form}
              autoFocus={index === addedIndex}
              onChange={(e) => onChange(forms.map((f, i) => (i === index ? e.target.value : f)))}
            />
          </Field>
          <button
            type="button"
            className="link-button danger"
            onClick={() => onChange(forms.filter((_, i) => i !== index))}
          >
            {`紙の様式 ${index + 1} を削除`}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => {
          setAddedIndex(forms.length);
          onChange([...forms, '']);
        }}
      >
        紙の様式を追加
      </button>
    </fieldset>
  );
}
