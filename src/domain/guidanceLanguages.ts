// Resident guidance beyond Japanese (issue 17): the languages Sonae knows, and the rule that
// picks the text to show in a language (its translation, else the Japanese original, said so).
// Small on purpose: the outage screen loads it; the templates (guidanceTemplates.ts) load only
// with the procedure editor.

import type { ProcedureData } from './procedure.ts';

/** The tag of やさしい日本語: private use on `ja`, so fonts and screen readers treat it as Japanese. */
export const EASY_JAPANESE = 'ja-x-easy';

export interface GuidanceLanguage {
  /** BCP 47 tag, also the `lang` attribute of the text (zh-CN and ko pick the right CJK glyphs). */
  lang: string;
  /** The language's name in Japanese, for staff. */
  nameJa: string;
  /** The language's name in itself, for the resident choosing. */
  nameNative: string;
}

// The order of the switcher and the poster.
export const guidanceLanguages: readonly GuidanceLanguage[] = [
  { lang: EASY_JAPANESE, nameJa: 'やさしい日本語', nameNative: 'やさしい にほんご' },
  { lang: 'en', nameJa: '英語', nameNative: 'English' },
  { lang: 'zh-CN', nameJa: '中国語（簡体字）', nameNative: '中文（简体）' },
  { lang: 'ko', nameJa: '韓国語', nameNative: '한국어' },
  { lang: 'vi', nameJa: 'ベトナム語', nameNative: 'Tiếng Việt' },
  { lang: 'pt', nameJa: 'ポルトガル語', nameNative: 'Português' },
  { lang: 'es', nameJa: 'スペイン語', nameNative: 'Español' },
  { lang: 'fil', nameJa: 'フィリピノ語', nameNative: 'Filipino' },
];

/** A language Sonae has no template for (the IT section may still list it): named by its tag. */
export function guidanceLanguageOf(lang: string): GuidanceLanguage {
  return guidanceLanguages.find((l) => l.lang === lang) ?? { lang, nameJa: lang, nameNative: lang };
}

/**
 * The languages a station offers: the config's `guidanceLanguages` in its order (duplicates and
 * Japanese itself dropped), or every language with templates when the config names none.
 */
export function offeredGuidanceLanguages(configured: readonly string[]): GuidanceLanguage[] {
  const tags = [...new Set(configured)].filter((t) => t !== 'ja');
  return tags.length ? tags.map(guidanceLanguageOf) : [...guidanceLanguages];
}

export type GuidanceStatus = 'template' | 'reviewed';
export const guidanceStatusLabels: Record<GuidanceStatus, string> = {
  template: 'テンプレート（未確認）',
  reviewed: '確認済み',
};

export interface GuidanceText {
  /** The `lang` attribute of the text actually shown: 'ja' when it fell back. */
  lang: string;
  text: string;
  /** True when there is no translation and the Japanese original is shown instead. */
  isFallback: boolean;
  status: GuidanceStatus | null;
}

/** The guidance to show in `lang`: its translation, else the Japanese text, marked as a fallback. */
export function guidanceIn(
  procedure: Pick<ProcedureData, 'residentGuidance' | 'guidanceTranslations'>,
  lang: string,
): GuidanceText {
  const japanese = { lang: 'ja', text: procedure.residentGuidance.trim(), status: null };
  if (lang === 'ja') return { ...japanese, isFallback: false };
  const found = procedure.guidanceTranslations?.find((t) => t.lang === lang && t.text.trim());
  return found
    ? { lang, text: found.text.trim(), isFallback: false, status: found.status }
    : { ...japanese, isFallback: true };
}
