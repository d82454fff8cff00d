import { memo, useId, useMemo, useState } from 'react';
import {
  levelQuestions,
  suggestLevel,
  type LevelAnswers,
  type LevelSuggestion,
} from '../../domain/levelSuggestion.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import './levels.css';

type StoredLevel = RecordOf<'incidentLevel'>;

interface LevelQuestionsProps {
  /** The station's levels (undefined while loading); their questions are asked. */
  levels: readonly StoredLevel[] | undefined;
  /** The level chosen in the form now. */
  currentLevel: number | null;
  /** Sets the form's level; the person may still choose another one afterwards. */
  onApply: (level: number) => void;
}

function suggestionName(suggestion: LevelSuggestion<StoredLevel>): string {
  const name = suggestion.definition?.name;
  return name ? `レベル${suggestion.level}（${name}）` : `レベル${suggestion.level}`;
}

/**
 * レベルの目安: the levels' yes/no questions and the level they suggest, beside the form's
 * レベル field. The answers live only here (they are not part of the incident); the block is
 * closed until opened and memoised, so typing elsewhere in the form never re-renders it.
 */
export const LevelQuestions = memo(function LevelQuestions({
  levels,
  currentLevel,
  onApply,
}: LevelQuestionsProps) {
  const baseId = useId();
  const [isOpen, setOpen] = useState(false);
  const [answers, setAnswers] = useState<LevelAnswers>({});
  const entries = useMemo(() => levelQuestions(levels ?? []), [levels]);
  const suggestion = useMemo(() => suggestLevel(levels ?? [], answers), [levels, answers]);
  if (entries.length === 0) return null;

  const answer = (questionId: string, value: boolean) =>
    setAnswers((previous) => ({ ...previous, [questionId]: value }));

  return (
    <details
      className="level-questions"
      open={isOpen}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        レベルの目安
        {/* Open, the body says it all; closed, the summary keeps the suggestion in view. */}
        {isOpen ? null : (
          <span className="level-questions-summary">
            {suggestion
              ? `目安: ${suggestionName(suggestion)}`
              : `（${entries.length}個の質問に答えると目安が出ます）`}
          </span>
        )}
      </summary>
      {isOpen ? (
        <div className="level-questions-body">
          <p className="hint">
            当てはまるものに「はい」を選んでください。答えは記録には保存されません。
          </p>
          <div className="level-question-rows">
            {entries.map(({ question, owner }) => {
              const name = `${baseId}-${owner.id}-${question.id}`;
              const value = answers[question.id];
              return (
                <div
                  className="level-question"
                  role="radiogroup"
                  aria-labelledby={`${name}-text`}
                  key={`${owner.id}:${question.id}`}
                >
                  <span id={`${name}-text`} className="level-question-text">
                    {question.text}
                  </span>
                  <span className="level-question-choices">
                    <label>
                      <input
                        type="radio"
                        name={name}
                        checked={value === true}
                        onChange={() => answer(question.id, true)}
                      />
                      はい
                    </label>
                    <label>
                      <input
                        type="radio"
                        name={name}
                        checked={value === false}
                        onChange={() => answer(question.id, false)}
                      />
                      いいえ
                    </label>
                  </span>
                </div>
              );
            })}
          </div>
          <div className="level-suggestion" role="status">
            {suggestion ? (
              <>
                <p>
                  <strong>目安: {suggestionName(suggestion)}</strong>
                  <span className="hint">
                    {' '}
                    （「はい」: {suggestion.because.map((e) => e.question.text).join('、')}）
                  </span>
                </p>
                {!suggestion.definition ? (
                  <p>
                    レベル{suggestion.level}
                    は障害レベルに登録されていないため選べません。情報システム担当に確認してください。
                  </p>
                ) : currentLevel === suggestion.level ? (
                  <p>障害レベルは目安と同じレベル{suggestion.level}です。</p>
                ) : (
                  <button
                    type="button"
                    className="primary"
                    onClick={() => onApply(suggestion.level)}
                  >
                    このレベルにする
                  </button>
                )}
              </>
            ) : (
              <p>「はい」と答えた質問はまだありません。</p>
            )}
          </div>
          {Object.keys(answers).length > 0 ? (
            <button type="button" className="link-button" onClick={() => setAnswers({})}>
              答えを消す
            </button>
          ) : null}
        </div>
      ) : null}
    </details>
  );
});
