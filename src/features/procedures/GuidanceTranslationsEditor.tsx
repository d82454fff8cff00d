import { useState } from 'react';
import type { GuidanceTranslation } from '../../domain/procedure.ts';
import {
  guidanceLanguageOf,
  guidanceStatusLabels,
  type GuidanceLanguage,
} from '../../domain/guidanceLanguages.ts';
import { guidanceNotices, templateText, templateTextJa } from '../../domain/guidanceTemplates.ts';
import { Field } from '../common/Field.tsx';
import type { FieldErrors } from '../common/fieldErrors.ts';

interface Props {
  japanese: string;
  onJapaneseChange: (text: string) => void;
  translations: GuidanceTranslation[];
  onChange: (next: GuidanceTranslation[]) => void;
  /** The languages this station offers (sonae.config.json `guidanceLanguages`, or all). */
  languages: readonly GuidanceLanguage[];
  errors: FieldErrors;
}

/**
 * 住民への案内 in other languages: one block per offered language (and any other language the
 * procedure already has). A language without a translation says that the Japanese text is shown
 * in its place. Templates of the common notices fill a language in one click, marked
 * 「テンプレート（未確認）」 until a person ticks that they checked it.
 */
export function GuidanceTranslationsEditor({
  japanese,
  onJapaneseChange,
  translations,
  onChange,
  languages,
  errors,
}: Props) {
  const [notices, setNotices] = useState<string[]>(['delay', 'urgent']);
  // Closed until wanted: the procedure form is long, and most edits never touch the languages.
  const hasErrors = Object.keys(errors).some((key) => key.startsWith('guidanceTranslations'));
  const [isOpen, setOpen] = useState(false);
  const shown = [
    ...languages,
    ...translations
      .filter((t) => !languages.some((l) => l.lang === t.lang))
      .map((t) => guidanceLanguageOf(t.lang)),
  ];
  const update = (lang: string, patch: Partial<GuidanceTranslation> | null) =>
    onChange(
      patch === null
        ? translations.filter((t) => t.lang !== lang)
        : translations.map((t) => (t.lang === lang ? { ...t, ...patch } : t)),
    );
  const add = (lang: string, text: string, status: GuidanceTranslation['status']) =>
    onChange([...translations.filter((t) => t.lang !== lang), { lang, text, status }]);
  const fillMissing = () =>
    onChange([
      ...translations,
      ...shown
        .filter((l) => !translations.some((t) => t.lang === l.lang))
        .map((l) => ({
          lang: l.lang,
          text: templateText(l.lang, notices),
          status: 'template' as const,
        }))
        .filter((t) => t.text),
    ]);

  const reviewed = translations.filter((t) => t.status === 'reviewed').length;
  const summary = translations.length
    ? `${translations.length}言語（確認済み${reviewed}・テンプレート（未確認）${translations.length - reviewed}）`
    : 'まだありません（掲示や画面では日本語の案内を表示します）';
  if (!isOpen && !hasErrors)
    return (
      <fieldset className="guidance-languages">
        <legend>住民への案内（他の言語）</legend>
        <p>
          {summary}{' '}
          <button type="button" onClick={() => setOpen(true)}>
            他の言語の案内を編集
          </button>
        </p>
      </fieldset>
    );
  return (
    <fieldset className="guidance-languages">
      <legend>住民への案内（他の言語）</legend>
      <p className="hint">
        実行時の自動翻訳はしません。よく使うお知らせのテンプレートを選んで入れ、内容を確認した人が「確認済み」にしてください。
      </p>
      <fieldset className="guidance-notices">
        <legend>テンプレートのお知らせ</legend>
        {guidanceNotices.map((n) => (
          <label key={n.id} className="check-row">
            <input
              type="checkbox"
              checked={notices.includes(n.id)}
              onChange={(e) =>
                setNotices((current) =>
                  e.target.checked ? [...current, n.id] : current.filter((id) => id !== n.id),
                )
              }
            />
            {n.ja}
          </label>
        ))}
        <div className="actions">
          <button
            type="button"
            disabled={notices.length === 0}
            onClick={() =>
              onJapaneseChange(
                [japanese.trim(), templateTextJa(notices)].filter(Boolean).join('\n'),
              )
            }
          >
            日本語の案内に追加
          </button>
          <button type="button" disabled={notices.length === 0} onClick={fillMissing}>
            未入力の言語にテンプレートを入れる
          </button>
        </div>
      </fieldset>
      {shown.map((language) => {
        const t = translations.find((x) => x.lang === language.lang);
        const at = translations.findIndex((x) => x.lang === language.lang);
        const name = `${language.nameNative}（${language.nameJa}）`;
        return (
          <section key={language.lang} className="guidance-language" aria-label={name}>
            <h3>
              {name}
              {t ? (
                <span className={`guidance-status guidance-status-${t.status}`}>
                  {guidanceStatusLabels[t.status]}
                </span>
              ) : null}
            </h3>
            {t ? (
              <>
                <Field
                  label={`${language.nameJa}の案内文`}
                  error={
                    errors[`guidanceTranslations.${at}.text`] ??
                    errors[`guidanceTranslations.${at}.lang`]
                  }
                >
                  <textarea
                    lang={language.lang}
                    rows={3}
                    value={t.text}
                    onChange={(e) => update(language.lang, { text: e.target.value })}
                  />
                </Field>
                <div className="actions">
                  <label className="check-row">
                    <input
                      type="checkbox"
                      checked={t.status === 'reviewed'}
                      onChange={(e) =>
                        update(language.lang, {
                          status: e.target.checked ? 'reviewed' : 'template',
                        })
                      }
                    />
                    内容を確認した（{guidanceStatusLabels.reviewed}）
                  </label>
                  <button
                    type="button"
                    className="link-button danger"
                    onClick={() => update(language.lang, null)}
                  >
                    {language.nameJa}の案内を削除
                  </button>
                </div>
              </>
            ) : (
              <>
                <p className="guidance-fallback" role="note">
                  {language.nameJa}
                  の案内はまだありません。掲示や窓口の画面では、日本語の案内をそのまま表示します。
                </p>
                <div className="actions">
                  <button
                    type="button"
                    disabled={!templateText(language.lang, notices)}
                    onClick={() =>
                      add(language.lang, templateText(language.lang, notices), 'template')
                    }
                  >
                    {language.nameJa}のテンプレートを入れる
                  </button>
                  <button type="button" onClick={() => add(language.lang, '', 'reviewed')}>
                    {language.nameJa}で書く
                  </button>
                </div>
              </>
            )}
          </section>
        );
      })}
    </fieldset>
  );
}
