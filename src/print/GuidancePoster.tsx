import { formatJapaneseDate } from '../domain/japaneseDate.ts';
import { guidanceIn, guidanceLanguageOf } from '../domain/guidanceLanguages.ts';
import type { ProcedureData } from '../domain/procedure.ts';
import './guidancePoster.css';

/** Language blocks on one A4 poster at most (PRODUCT.md decision 11): more start another page. */
export const LANGUAGES_PER_POSTER = 4;

/** The guidance in one more language, printed beside the Japanese. */
export interface PosterTranslation {
  /** The block's `lang` attribute: zh-CN and ko must not take Japanese glyphs. */
  lang: string;
  /** The language's name in itself (English, 中文（简体）). */
  name: string;
  text: string;
}

/**
 * A procedure's 住民への案内 in other languages for its poster: the languages `asked`, in that
 * order, or every translation it has when none is asked (the kit, a poster without `?lang`).
 * `missing` names (in Japanese) the languages asked for that have no translation: they are left
 * off, since a block repeating the Japanese would only mislead.
 */
export function posterTranslationsOf(
  procedure: Pick<ProcedureData, 'residentGuidance' | 'guidanceTranslations'>,
  asked: readonly string[] = [],
): { translations: PosterTranslation[]; missing: string[] } {
  const langs = asked.length ? asked : (procedure.guidanceTranslations ?? []).map((t) => t.lang);
  const texts = langs.map((lang) => ({ ...guidanceIn(procedure, lang), asked: lang }));
  return {
    translations: texts
      .filter((t) => !t.isFallback)
      .map((t) => ({ lang: t.lang, name: guidanceLanguageOf(t.lang).nameNative, text: t.text })),
    missing: texts.filter((t) => t.isFallback).map((t) => guidanceLanguageOf(t.asked).nameJa),
  };
}

interface PosterBlock extends PosterTranslation {
  isJapanese: boolean;
}

/** The blocks of each page: Japanese first, then the translations, four to a page. */
export function posterPages(
  text: string,
  translations: readonly PosterTranslation[],
): PosterBlock[][] {
  const blocks: PosterBlock[] = [
    { lang: 'ja', name: '日本語', text: text.trim(), isJapanese: true },
    ...translations.map((t) => ({ ...t, text: t.text.trim(), isJapanese: false })),
  ];
  const pages: PosterBlock[][] = [];
  for (let i = 0; i < blocks.length; i += LANGUAGES_PER_POSTER)
    pages.push(blocks.slice(i, i + LANGUAGES_PER_POSTER));
  return pages;
}

/**
 * 住民への案内 as a notice to post at the counter: a page of its own, large type, line breaks
 * kept, signed by the department, with the date it went up. No page number or kit header on it.
 * With translations, the languages stand side by side, each block in its own `lang`, at most
 * four to a page.
 */
export function GuidancePoster({
  text,
  from,
  postedOn,
  translations = [],
}: {
  text: string;
  /** 「架空市 市民課」. */
  from: string;
  postedOn: Date;
  translations?: readonly PosterTranslation[];
}) {
  const signature = (
    <p className="poster-from" lang="ja">
      {formatJapaneseDate(postedOn)}
      <br />
      {from}
    </p>
  );
  if (translations.length === 0)
    return (
      <section
        className="guidance-poster print-paper"
        aria-label="住民への案内（掲示用）"
        lang="ja"
      >
        <p className="poster-title">お知らせ</p>
        <div className="poster-text">{text.trim()}</div>
        {signature}
      </section>
    );
  const pages = posterPages(text, translations);
  return (
    <>
      {pages.map((blocks, index) => (
        <section
          key={index}
          className={`guidance-poster print-paper poster-multi poster-count-${blocks.length}`}
          aria-label={`住民への案内（掲示用）${pages.length > 1 ? ` ${index + 1}/${pages.length}` : ''}`}
          lang="ja"
        >
          <p className="poster-title">お知らせ</p>
          <div className="poster-blocks">
            {blocks.map((block) => (
              <div key={block.lang} className="poster-block" lang={block.lang}>
                <p className="poster-lang">{block.name}</p>
                <div className="poster-text">{block.text}</div>
              </div>
            ))}
          </div>
          {signature}
        </section>
      ))}
    </>
  );
}
