import { useState } from 'react';
import { createId } from '../../domain/ids.ts';
import { procedureFieldLabels } from '../../domain/procedure.ts';
import { Field } from '../common/Field.tsx';
import type { FieldErrors } from '../common/fieldErrors.ts';
import type { ProcedureAgreement } from './procedureFormValues.ts';

/**
 * 合意事項: what was agreed with vendors, linked systems or departments in peacetime (date,
 * parties, content), written to be read during an outage (seed 001).
 */
export function AgreementsEditor({
  agreements,
  onChange,
  errors,
}: {
  agreements: ProcedureAgreement[];
  onChange: (next: ProcedureAgreement[]) => void;
  errors: FieldErrors;
}) {
  const [addedId, setAddedId] = useState<string | null>(null);
  const update = (index: number, change: Partial<ProcedureAgreement>) =>
    onChange(agreements.map((a, i) => (i === index ? { ...a, ...change } : a)));

  function add() {
    const agreement: ProcedureAgreement = { id: createId(), date: '', parties: '', content: '' };
    setAddedId(agreement.id);
    onChange([...agreements, agreement]);
  }

  return (
    <fieldset>
      <legend>{procedureFieldLabels.agreements}</legend>
      <p className="hint">
        ベンダー・連携先・関係課と平時に決めたこと（例:「一次報告は30分以内に電話」）。障害の最中に読んで分かるよう、短く具体的に書いてください。
      </p>
      {agreements.length === 0 ? <p className="hint">まだ合意事項がありません。</p> : null}
      {agreements.map((agreement, index) => {
        const name = `合意 ${index + 1}`;
        return (
          <div className="repeat-row agreement-row" key={agreement.id}>
            <Field label={`${name} の日付`} required error={errors[`agreements.${index}.date`]}>
              <input
                type="date"
                value={agreement.date}
                autoFocus={agreement.id === addedId}
                onChange={(e) => update(index, { date: e.target.value })}
              />
            </Field>
            <Field
              label={`${name} の相手`}
              required
              error={errors[`agreements.${index}.parties`]}
              hint="例: 架空システムズ株式会社、情報政策課"
            >
              <input
                value={agreement.parties}
                onChange={(e) => update(index, { parties: e.target.value })}
              />
            </Field>
            <Field
              label={`${name} の内容`}
              required
              error={errors[`agreements.${index}.content`]}
              className="wide"
            >
              <textarea
                value={agreement.content}
                rows={2}
                onChange={(e) => update(index, { content: e.target.value })}
              />
            </Field>
            <button
              type="button"
              className="link-button danger"
              onClick={() => onChange(agreements.filter((a) => a.id !== agreement.id))}
            >
              {`${name} を削除`}
            </button>
          </div>
        );
      })}
      <button type="button" onClick={add}>
        合意事項を追加
      </button>
    </fieldset>
  );
}
