import { describe, expect, it } from 'vitest';
import {
  EASY_JAPANESE,
  guidanceIn,
  guidanceLanguages,
  offeredGuidanceLanguages,
} from '../../../src/domain/guidanceLanguages.ts';
import {
  guidanceNotices,
  templateText,
  templateTextJa,
} from '../../../src/domain/guidanceTemplates.ts';
import { procedureDataSchema } from '../../../src/domain/procedure.ts';
import { procedureData } from '../../procedureFixtures.ts';

const HAN = /\p{Script=Han}/u;
const HANGUL = /\p{Script=Hangul}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

describe('guidance templates', () => {
  it('has every common notice in every language, none left in Japanese by mistake', () => {
    expect(guidanceLanguages.map((l) => l.lang)).toEqual([
      EASY_JAPANESE,
      'en',
      'zh-CN',
      'ko',
      'vi',
      'pt',
      'es',
      'fil',
    ]);
    for (const notice of guidanceNotices) {
      expect(notice.ja.trim()).not.toBe('');
      for (const { lang } of guidanceLanguages) {
        const text = notice.texts[lang];
        expect(text?.trim(), `${notice.id} in ${lang}`).toBeTruthy();
        // Each text is in its own script: kana only in Japanese, hangul only in Korean.
        if (lang === EASY_JAPANESE) expect(text).toMatch(KANA);
        else expect(text, `${notice.id} in ${lang}`).not.toMatch(KANA);
        if (lang === 'ko') expect(text).toMatch(HANGUL);
        if (lang === 'zh-CN') expect(text).toMatch(HAN);
        if (!['zh-CN', 'ko', EASY_JAPANESE].includes(lang)) expect(text).not.toMatch(HAN);
      }
      expect(Object.keys(notice.texts).sort()).toEqual(guidanceLanguages.map((l) => l.lang).sort());
    }
    expect(guidanceNotices.map((n) => n.id)).toEqual(['delay', 'closedToday', 'byPost', 'urgent']);
  });

  it('writes the chosen notices one to a line, in the notices order', () => {
    expect(templateText('en', ['urgent', 'delay']).split('\n')).toEqual([
      guidanceNotices[0]!.texts.en,
      guidanceNotices[3]!.texts.en,
    ]);
    expect(templateTextJa(['byPost'])).toBe('手続きの結果（証明書など）は、後日郵送します。');
    expect(templateText('ne', ['delay'])).toBe('');
  });

  it('offers the configured languages, or all of them when none are configured', () => {
    expect(offeredGuidanceLanguages([]).length).toBe(8);
    expect(
      offeredGuidanceLanguages(['en', 'ja', 'en', 'ne']).map((l) => [l.lang, l.nameJa]),
    ).toEqual([
      ['en', '英語'],
      ['ne', 'ne'],
    ]);
  });
});

describe('guidance in a language', () => {
  const procedure = procedureData({
    residentGuidance: ' 本日は受付できません。 ',
    guidanceTranslations: [{ lang: 'en', text: 'Closed today.', status: 'template' }],
  });

  it('gives the translation with its review state', () => {
    expect(guidanceIn(procedure, 'en')).toEqual({
      lang: 'en',
      text: 'Closed today.',
      isFallback: false,
      status: 'template',
    });
  });

  it('falls back to the Japanese text, in lang="ja", and says so', () => {
    expect(guidanceIn(procedure, 'ko')).toEqual({
      lang: 'ja',
      text: '本日は受付できません。',
      isFallback: true,
      status: null,
    });
    expect(guidanceIn(procedure, 'ja').isFallback).toBe(false);
  });

  it('refuses two translations of one language and a malformed tag (procedure 1.1)', () => {
    const twice = procedureDataSchema.safeParse({
      ...procedure,
      guidanceTranslations: [
        { lang: 'en', text: 'a', status: 'template' },
        { lang: 'en', text: 'b', status: 'reviewed' },
      ],
    });
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]?.message).toBe('同じ言語の案内が2つあります');
    const bad = procedureDataSchema.safeParse({
      ...procedure,
      guidanceTranslations: [{ lang: 'English', text: 'a', status: 'template' }],
    });
    expect(bad.error?.issues[0]?.message).toBe('言語の指定が正しくありません');
    // A 1.0 procedure (no translations) is still valid as it is.
    expect(procedureDataSchema.safeParse(procedureData()).success).toBe(true);
  });
});
