// @vitest-environment node
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ContactData } from '../../../src/domain/contact.ts';
import { parseBusinessHoursText } from '../../../src/domain/businessHours.ts';
import {
  applyContactMapping,
  contactCsvColumns,
  contactsToCsv,
  suggestContactMapping,
  type ContactCsvMapping,
} from '../../../src/exchange/contactCsv.ts';
import { csvBytes, decodeCsvBytes, parseCsv, type CsvRow } from '../../../src/exchange/csv.ts';

function contact(overrides: Partial<ContactData>): ContactData {
  return {
    name: '',
    organization: '',
    department: '',
    role: '',
    kind: 'other',
    phones: [],
    extension: '',
    email: '',
    businessHours: null,
    afterHoursPhone: '',
    contractNumber: '',
    systemIds: [],
    escalationOrder: null,
    deputyContactId: null,
    notes: '',
    ...overrides,
  };
}

/** CSV text → mapped rows, through the same steps as the import screen. */
function importCsv(bytes: Uint8Array) {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) throw new Error(`decode: ${decoded.error.kind}`);
  const parsed = parseCsv(decoded.text);
  if (!parsed.ok) throw new Error(`parse: ${parsed.error.kind}`);
  const mapped = applyContactMapping(parsed.rows, suggestContactMapping(parsed.header));
  if (!mapped.ok) throw new Error(`map: ${mapped.error.kind}`);
  return { encoding: decoded.encoding, rows: mapped.rows };
}

const header = Object.values(contactCsvColumns);
/** Rows under the export header, given as field → cell. */
function rowsOf(...cells: Partial<Record<keyof typeof contactCsvColumns, string>>[]): CsvRow[] {
  const fields = Object.keys(contactCsvColumns) as (keyof typeof contactCsvColumns)[];
  return cells.map((row, i) => ({ line: i + 2, cells: fields.map((f) => row[f] ?? '') }));
}
const exportMapping = suggestContactMapping(header);

describe('suggestContactMapping', () => {
  it('maps the export header one to one', () => {
    expect(Object.values(exportMapping)).toEqual(header.map((_, i) => i));
  });

  it('knows common header names, in any width or case', () => {
    const mapping = suggestContactMapping([
      'No.',
      '名前',
      '会社名',
      'ＴＥＬ',
      'E-mail',
      '営業時間',
      '夜間・休日連絡先',
      'メモ',
      '区分',
      '内線番号',
      'お客様番号',
      '優先順位',
      '所属課',
      '役職',
    ]);
    expect(mapping).toEqual({
      name: 1,
      organization: 2,
      phones: 3,
      email: 4,
      businessHours: 5,
      afterHoursPhone: 6,
      notes: 7,
      kind: 8,
      extension: 9,
      contractNumber: 10,
      escalationOrder: 11,
      department: 12,
      role: 13,
    } satisfies ContactCsvMapping);
  });

  it('prefers an exact name and falls back to a known prefix', () => {
    const mapping = suggestContactMapping([
      '窓口名',
      '電話番号1',
      '携帯',
      'メールアドレス（代表）',
    ]);
    expect(mapping).toMatchObject({ name: 0, phones: 1, email: 3 });
    // 「窓口」 starts 「窓口時間」, but that column is exactly a business-hours name.
    expect(suggestContactMapping(['窓口時間', '担当者'])).toMatchObject({
      name: 1,
      businessHours: 0,
    });
  });

  it('takes the company as the name of a vendor list without a name column', () => {
    const mapping = suggestContactMapping(['事業者名', '電話']);
    expect(mapping).toMatchObject({ name: 0, organization: null, phones: 1 });
  });

  it('leaves unknown columns unmapped', () => {
    const mapping = suggestContactMapping(['住所', '郵便番号']);
    expect(Object.values(mapping).every((index) => index === null)).toBe(true);
  });
});

describe('applyContactMapping', () => {
  it('refuses a mapping without the name column, once, not per row', () => {
    const mapping = { ...exportMapping, name: null };
    expect(applyContactMapping(rowsOf({ phones: '03' }), mapping)).toEqual({
      ok: false,
      error: { kind: 'missingColumn', column: '氏名・窓口名' },
    });
  });

  it('reads labelled phone numbers separated by / 、 and line breaks', () => {
    const result = applyContactMapping(
      rowsOf({
        name: '保守窓口',
        phones: '代表:03-1111-2222 / 夜間：090-0000-1111、0120-000-000\n直通 : 1234',
      }),
      exportMapping,
    );
    expect(result.ok && result.rows[0]?.data?.phones).toEqual([
      { label: '代表', number: '03-1111-2222' },
      { label: '夜間', number: '090-0000-1111' },
      { label: '', number: '0120-000-000' },
      { label: '直通', number: '1234' },
    ]);
  });

  it.each([
    ['ベンダー窓口', 'vendor'],
    ['情報システム担当', 'itSection'],
    ['庁内', 'internal'],
    ['その他', 'other'],
    ['itsection', 'itSection'],
    ['VENDOR', 'vendor'],
    ['', 'other'],
  ])('accepts the kind %j', (cell, kind) => {
    const result = applyContactMapping(rowsOf({ name: 'x', kind: cell }), exportMapping);
    expect(result.ok && result.rows[0]?.data?.kind).toBe(kind);
  });

  it('refuses an unknown kind and lists the choices', () => {
    const result = applyContactMapping(
      rowsOf({ name: 'x' }, { name: 'y', kind: '業者' }),
      exportMapping,
    );
    expect(result.ok && result.rows).toEqual([
      expect.objectContaining({ line: 2, errors: [] }),
      {
        line: 3,
        errors: [
          '第3行: 種別「業者」は使えません。「ベンダー窓口」「情報システム担当」「庁内」「その他」のどれかにしてください',
        ],
      },
    ]);
  });

  it('names the row and the column of each problem', () => {
    const rows: CsvRow[] = [
      ...rowsOf({ name: '', phones: '03' }),
      { line: 12, cells: rowsOf({ name: 'x', phones: `03-${'1'.repeat(40)}` })[0]!.cells },
      { line: 13, cells: rowsOf({ name: 'x', phones: `03 / 04:${'9'.repeat(31)}` })[0]!.cells },
      { line: 14, cells: rowsOf({ name: 'x', escalationOrder: '一番' })[0]!.cells },
      { line: 15, cells: rowsOf({ name: 'x', escalationOrder: '100' })[0]!.cells },
      { line: 16, cells: rowsOf({ name: 'x', extension: '1'.repeat(21) })[0]!.cells },
      { line: 17, cells: rowsOf({ name: 'x', phones: Array(11).fill('03').join('/') })[0]!.cells },
      { line: 18, cells: rowsOf({ name: 'x', businessHours: 'いつでも' })[0]!.cells },
    ];
    const result = applyContactMapping(rows, exportMapping);
    expect(result.ok && result.rows.map((row) => row.errors)).toEqual([
      ['第2行: 氏名・窓口名を入力してください'],
      ['第12行: 電話番号は30文字以内で入力してください'],
      ['第13行（2件目）: 電話番号は30文字以内で入力してください'],
      ['第14行: 連絡順は1〜99の数字で入力してください'],
      ['第15行: 連絡順は1〜99の数字で入力してください'],
      ['第16行: 内線は20文字以内で入力してください'],
      ['第17行: 電話番号は10件まで入力できます'],
      [expect.stringMatching(/^第18行: 受付時間「いつでも」を読み取れません。/)],
    ]);
    expect(result.ok && result.rows.every((row) => row.data === undefined)).toBe(true);
  });

  it('skips rows whose mapped cells are all empty', () => {
    const mapping = suggestContactMapping(['氏名', '住所']);
    const rows = [
      { line: 2, cells: ['', '東京都'] },
      { line: 3, cells: ['山田', ''] },
    ];
    const result = applyContactMapping(rows, mapping);
    expect(result.ok && result.rows.map((row) => [row.line, row.data?.name])).toEqual([
      [3, '山田'],
    ]);
  });

  it('reads full-width digits in the escalation order', () => {
    const result = applyContactMapping(rowsOf({ name: 'x', escalationOrder: '２' }), exportMapping);
    expect(result.ok && result.rows[0]?.data?.escalationOrder).toBe(2);
  });
});

describe('contact CSV files', () => {
  it('imports a Shift_JIS list saved from Excel with its own header names', () => {
    const text =
      '名前,会社名,TEL,種別,メール,備考\r\n' +
      '運用窓口,架空システム株式会社,代表:03-1234-5678/夜間:090-1111-2222,ベンダー窓口,desk@example.jp,～ ① ｶﾅ\r\n' +
      ',,,,,\r\n' +
      '情報政策課,,内線:1234,情報システム担当,,\r\n';
    const { encoding, rows } = importCsv(new Uint8Array(iconv.encode(text, 'shift_jis')));
    expect(encoding).toBe('shift_jis');
    expect(rows.map((row) => row.errors)).toEqual([[], []]);
    expect(rows[0]?.data).toEqual(
      contact({
        name: '運用窓口',
        organization: '架空システム株式会社',
        kind: 'vendor',
        phones: [
          { label: '代表', number: '03-1234-5678' },
          { label: '夜間', number: '090-1111-2222' },
        ],
        email: 'desk@example.jp',
        notes: '～ ① ｶﾅ',
      }),
    );
    expect(rows[1]).toMatchObject({ line: 4, data: { name: '情報政策課', kind: 'itSection' } });
  });

  it("exports with the importer's header, a BOM and CRLF", () => {
    const text = contactsToCsv([contact({ name: '山田', kind: 'internal', escalationOrder: 1 })]);
    expect(text).toBe(`\uFEFF${header.join(',')}\r\n山田,,,,庁内,,,,,,,1,\r\n`);
  });

  it('neutralises formulas on export and restores them on import', () => {
    const risky = contact({
      name: '=HYPERLINK("http://x")',
      phones: [{ label: '', number: '+81-3-1234-5678' }],
      notes: '@SUM(A1)',
    });
    const text = contactsToCsv([risky]);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain(`,'+81-3-1234-5678,`);
    expect(text).toContain(`'@SUM(A1)`);
    expect(importCsv(csvBytes(text)).rows).toEqual([{ line: 2, data: risky, errors: [] }]);
  });

  it('round-trips contacts through export and import', () => {
    const hours = parseBusinessHoursText('平日 8:30〜17:15');
    if (!hours.ok || hours.value === null) throw new Error('business hours text not understood');
    const contacts = [
      contact({
        name: '保守窓口, "本社"',
        organization: '架空システム株式会社',
        department: 'サポート部',
        role: '一次受付',
        kind: 'vendor',
        phones: [
          { label: '代表', number: '+81-3-1234-5678' },
          { label: '', number: '0312345678' },
        ],
        extension: '123',
        email: 'desk@example.jp',
        businessHours: hours.value,
        afterHoursPhone: '-090-0000-0000',
        contractNumber: '=C-0001',
        escalationOrder: 1,
        notes: '1行目\n2行目\n@注意',
      }),
      contact({ name: '情報政策課', kind: 'itSection', escalationOrder: 2 }),
      contact({
        name: '庁内ヘルプ',
        kind: 'internal',
        phones: [{ label: '内線', number: '5555' }],
      }),
      contact({ name: 'その他の連絡先', notes: "'=literal" }),
    ];
    const { encoding, rows } = importCsv(csvBytes(contactsToCsv(contacts)));
    expect(encoding).toBe('utf-8');
    expect(rows.map((row) => row.errors)).toEqual([[], [], [], []]);
    expect(rows.map((row) => row.data)).toEqual(contacts);
  });
});
