import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  guidanceIn,
  guidanceLanguageOf,
  guidanceStatusLabels,
} from '../../domain/guidanceLanguages.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { guidancePosterPath } from '../../print/counterPaths.ts';
import { LANGUAGES_PER_POSTER } from '../../print/GuidancePoster.tsx';
import { useGuidanceLanguages } from './useGuidanceLanguages.ts';

/**
 * Under 住民への案内 on a procedure's page: which languages it has (and their review state), and
 * the multilingual counter poster for the languages ticked.
 */
export function GuidanceLanguagesPanel({ procedure }: { procedure: RecordOf<'procedure'> }) {
  const navigate = useNavigate();
  const offered = useGuidanceLanguages();
  const translations = procedure.guidanceTranslations ?? [];
  const languages = [
    ...(offered ?? []),
    ...translations
      .filter((t) => !offered?.some((l) => l.lang === t.lang))
      .map((t) => guidanceLanguageOf(t.lang)),
  ];
  const [chosen, setChosen] = useState<string[] | null>(null);
  // By default the poster holds Japanese and the first three translations: one page.
  const picked =
    chosen ??
    languages
      .filter((l) => !guidanceIn(procedure, l.lang).isFallback)
      .slice(0, LANGUAGES_PER_POSTER - 1)
      .map((l) => l.lang);
  if (!offered) return null;

  return (
    <section className="guidance-languages-panel" aria-labelledby="guidance-languages-heading">
      <h3 id="guidance-languages-heading">他の言語</h3>
      <ul className="guidance-language-list">
        {languages.map((l) => {
          const text = guidanceIn(procedure, l.lang);
          return (
            <li key={l.lang}>
              <label className="check-row">
                <input
                  type="checkbox"
                  disabled={text.isFallback}
                  checked={picked.includes(l.lang)}
                  onChange={(e) =>
                    setChosen(
                      e.target.checked ? [...picked, l.lang] : picked.filter((x) => x !== l.lang),
                    )
                  }
                />
                <span lang={l.lang}>{l.nameNative}</span>（{l.nameJa}）
              </label>{' '}
              <span className={`guidance-status guidance-status-${text.status ?? 'none'}`}>
                {text.isFallback
                  ? '未入力（日本語で表示）'
                  : guidanceStatusLabels[text.status ?? 'template']}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="hint">
        掲示は1枚に{LANGUAGES_PER_POSTER}
        言語（日本語を含む）まで並べます。それより多いと2枚目に続きます。
      </p>
      <button
        type="button"
        disabled={!procedure.residentGuidance.trim()}
        onClick={() => navigate(guidancePosterPath(procedure.id, picked))}
      >
        多言語の掲示を印刷
      </button>
    </section>
  );
}
