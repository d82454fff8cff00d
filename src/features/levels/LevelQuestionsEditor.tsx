import { createId } from '../../domain/ids.ts';
import { incidentLevelFieldLabels, type LevelQuestion } from '../../domain/incidentLevel.ts';
import { Field } from '../common/Field.tsx';
import type { FieldErrors } from '../common/fieldErrors.ts';
import { LEVEL_NUMBERS } from './levelForm.ts';

/** The schema allows this many questions per level. */
const MAX_QUESTIONS = 20;

/**
 * 判断のための質問: yes/no questions the incident form asks, each with the level a 「はい」
 * implies. New questions imply the level being edited, which is nearly always what is meant.
 */
export function LevelQuestionsEditor({
  questions,
  onChange,
  errors,
  levelNames,
  defaultLevel,
}: {
  questions: LevelQuestion[];
  onChange: (next: LevelQuestion[]) => void;
  errors: FieldErrors;
  /** The names of the station's levels by number, for the options. */
  levelNames: ReadonlyMap<number, string>;
  defaultLevel: number;
}) {
  const replaceAt = (index: number, change: Partial<LevelQuestion>) =>
    onChange(questions.map((q, i) => (i === index ? { ...q, ...change } : q)));
  const optionLabel = (n: number) =>
    levelNames.has(n) ? `レベル${n}（${levelNames.get(n)}）以上` : `レベル${n} 以上`;

  return (
    <fieldset>
      <legend>{incidentLevelFieldLabels.questions}</legend>
      <p className="hint">
        障害記録の入力画面で「はい／いいえ」で答える質問です。「はい」の答えのうち一番高いレベルが目安として表示されます（目安なので、記録する人が変えられます）。
        判断基準を、窓口の職員がすぐ答えられる問いに言い換えてください。例:
        「住民の待ち時間が30分を超えそう」
      </p>
      {questions.length === 0 ? <p>質問はまだありません。</p> : null}
      {questions.map((question, index) => (
        <div className="repeat-row" key={question.id}>
          <Field
            label={`質問 ${index + 1}`}
            error={errors[`questions.${index}.text`]}
            className="level-question-text"
          >
            <input
              value={question.text}
              onChange={(e) => replaceAt(index, { text: e.target.value })}
            />
          </Field>
          <Field
            label={`質問 ${index + 1} に「はい」なら`}
            error={errors[`questions.${index}.impliesLevel`]}
            className="level-question-implies"
          >
            <select
              value={String(question.impliesLevel)}
              onChange={(e) => replaceAt(index, { impliesLevel: Number(e.target.value) })}
            >
              {LEVEL_NUMBERS.map((n) => (
                <option key={n} value={String(n)}>
                  {optionLabel(n)}
                </option>
              ))}
            </select>
          </Field>
          <button
            type="button"
            className="link-button danger"
            onClick={() => onChange(questions.filter((_, i) => i !== index))}
          >
            {`質問 ${index + 1} を削除`}
          </button>
        </div>
      ))}
      {questions.length < MAX_QUESTIONS ? (
        <button
          type="button"
          onClick={() =>
            onChange([...questions, { id: createId(), text: '', impliesLevel: defaultLevel }])
          }
        >
          質問を追加
        </button>
      ) : (
        <p className="hint">質問は1つのレベルに{MAX_QUESTIONS}個までです。</p>
      )}
    </fieldset>
  );
}
