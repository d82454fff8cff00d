import { describe, expect, it } from 'vitest';
import {
  checkPurgeName,
  namePattern,
  purgeNameFromData,
  PURGED_NAME,
} from '../../../src/domain/namePurge.ts';

describe('purging a name from record data', () => {
  it('finds the name with a space, a full-width space or none, in every string at any depth', () => {
    for (const typed of ['山田花子', ' 山田  花子 ', '山田\u3000花子'])
      expect(
        '山田花子・山田 花子・山田\u3000花子・山田太郎'.match(namePattern(typed)),
      ).toHaveLength(3);
    expect('a.b'.match(namePattern('.b'))).toEqual(['.b']); // not a regular expression
    const data = {
      reporterName: '山田 花子',
      symptoms: '山田花子さんが見つけた。山田\u3000花子さんに連絡。',
      contactsMade: [{ who: '保守', by: '山田 花子', summary: '' }],
      level: 2,
      drill: null,
      untouched: '佐藤 一郎',
    };
    const { data: purged, hits } = purgeNameFromData(data, '山田 花子');
    expect(hits).toBe(4);
    expect(purged).toEqual({
      ...data,
      reporterName: PURGED_NAME,
      symptoms: `${PURGED_NAME}さんが見つけた。${PURGED_NAME}さんに連絡。`,
      contactsMade: [{ who: '保守', by: PURGED_NAME, summary: '' }],
    });
    // Nothing else copied or changed; the input is left as it was.
    expect(data.reporterName).toBe('山田 花子');
    const none = purgeNameFromData(data, '鈴木 次郎');
    expect(none).toEqual({ data, hits: 0 });
    expect(none.data).toBe(data);
  });

  it('refuses an empty or one-character name and the replacement itself, in Japanese', () => {
    expect(checkPurgeName('  ')).toBe('削除する氏名を入力してください。');
    expect(checkPurgeName('山')).toMatch(/2文字以上/);
    expect(checkPurgeName(PURGED_NAME)).toMatch(/氏名として使えません/);
    expect(checkPurgeName('山田')).toBeNull();
  });
});
