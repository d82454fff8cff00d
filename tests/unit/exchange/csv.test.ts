// @vitest-environment node
import fc from 'fast-check';
import { zipSync, strToU8 } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  csvBytes,
  decodeCsvBytes,
  DEFAULT_MAX_CSV_ROWS,
  describeCsvError,
  MAX_CSV_BYTES,
  parseCsv,
  restoreNeutralizedCell,
  toCsv,
  type CsvError,
} from '../../../src/exchange/csv.ts';
import { emptyIncident } from '../../../src/domain/incident.ts';
import { incidentsToCsv } from '../../../src/exchange/incidentCsv.ts';

// Inputs are made with iconv-lite, an encoder independent of the code under test.
const bytesOf = (text: string, encoding: string, addBOM = false) =>
  new Uint8Array(iconv.encode(text, encoding, { addBOM }));

const sample = '氏名,電話番号,備考\r\n山田 太郎,03-1234-5678,受付～17:00 ー ① ｱｲｳｴｵ ﾊﾟﾝ\r\n';

function errorOf(result: { ok: true } | { ok: false; error: CsvError }): CsvError['kind'] | 'ok' {
  return result.ok ? 'ok' : result.error.kind;
}

describe('decodeCsvBytes', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeCsvBytes(bytesOf(sample, 'utf8'))).toEqual({
      ok: true,
      text: sample,
      encoding: 'utf-8',
    });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = bytesOf(sample, 'utf8', true);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decodeCsvBytes(bytes)).toEqual({ ok: true, text: sample, encoding: 'utf-8' });
  });

  it('reads Shift_JIS with ～ ー ① and half-width kana', () => {
    const bytes = bytesOf(sample, 'shift_jis');
    expect(decodeCsvBytes(bytes)).toEqual({ ok: true, text: sample, encoding: 'shift_jis' });
  });

  it('refuses an Excel workbook (.xlsx, a zip) and an old .xls', () => {
    const xlsx = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8('<workbook/>'),
    });
    expect(decodeCsvBytes(xlsx)).toEqual({
      ok: false,
      error: { kind: 'spreadsheet', format: 'xlsx' },
    });
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(decodeCsvBytes(xls)).toEqual({
      ok: false,
      error: { kind: 'spreadsheet', format: 'xls' },
    });
  });

  it.each([
    ['UTF-16LE with BOM', bytesOf(sample, 'utf-16le', true)],
    ['UTF-16BE with BOM', bytesOf(sample, 'utf-16be', true)],
    ['UTF-16LE without BOM', bytesOf('name,phone\r\nYamada,03\r\n', 'utf-16le')],
  ])('refuses %s', (_, bytes) => {
    expect(errorOf(decodeCsvBytes(bytes))).toBe('utf16');
  });

  it.each([
    [
      'a PNG image',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    ],
    ['text with a NUL byte', bytesOf('氏名,電話\r\nab\u0000c,1\r\n', 'utf8')],
    ['text with control characters', bytesOf('氏名,電話\r\n\u001b[0m,1\r\n', 'utf8')],
  ])('refuses %s as binary', (_, bytes) => {
    expect(errorOf(decodeCsvBytes(bytes))).toBe('binary');
  });

  it.each([
    ['no bytes', new Uint8Array()],
    ['only a BOM', new Uint8Array([0xef, 0xbb, 0xbf])],
    ['only blank lines', bytesOf(' \r\n\r\n\t\r\n', 'utf8')],
    ['a BOM and blank lines', bytesOf('\r\n\r\n', 'utf8', true)],
  ])('refuses %s as empty', (_, bytes) => {
    expect(errorOf(decodeCsvBytes(bytes))).toBe('empty');
  });

  it('accepts the Ctrl-Z end mark of old DOS-era exports', () => {
    const bytes = new Uint8Array([...bytesOf('氏名\r\n山田\r\n', 'shift_jis'), 0x1a]);
    expect(decodeCsvBytes(bytes)).toEqual({
      ok: true,
      text: '氏名\r\n山田\r\n',
      encoding: 'shift_jis',
    });
  });

  it('refuses bytes that are neither UTF-8 nor Shift_JIS', () => {
    expect(errorOf(decodeCsvBytes(new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xfd])))).toBe(
      'encoding',
    );
  });

  it('never guesses Shift_JIS for a file that starts with a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf('氏名,電話\r\n', 'shift_jis')]);
    expect(errorOf(decodeCsvBytes(bytes))).toBe('encoding');
  });

  it('checks the size before anything else', () => {
    const big = new Uint8Array(MAX_CSV_BYTES + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect(decodeCsvBytes(big)).toEqual({
      ok: false,
      error: { kind: 'tooLarge', size: MAX_CSV_BYTES + 1, maxBytes: MAX_CSV_BYTES },
    });
    expect(errorOf(decodeCsvBytes(bytesOf('a,b\n1,2\n', 'utf8'), 4))).toBe('tooLarge');
  });
});

describe('parseCsv', () => {
  it('returns the header and rows numbered as Excel shows them, skipping empty lines', () => {
    const text = '\uFEFF 氏名 ,電話\r\n山田,03\r\n\r\n,\r\n"佐藤\r\n花子",04\n鈴木\r\n';
    expect(parseCsv(text)).toEqual({
      ok: true,
      header: ['氏名', '電話'],
      rows: [
        { line: 2, cells: ['山田', '03'] },
        { line: 5, cells: ['佐藤\n花子', '04'] },
        { line: 6, cells: ['鈴木', ''] },
      ],
    });
  });

  it('reads the bare CR line ends of old Mac exports', () => {
    expect(parseCsv('氏名,電話\r山田,"03\r04"\r')).toEqual({
      ok: true,
      header: ['氏名', '電話'],
      rows: [{ line: 2, cells: ['山田', '03\n04'] }],
    });
  });

  it('reports an unclosed quote with its row', () => {
    const result = parseCsv('氏名,電話\n山田,03\n\n"佐藤,04\n鈴木,05\n');
    expect(result).toEqual({ ok: false, error: { kind: 'brokenQuotes', line: 4 } });
  });

  it('reports a malformed quote inside a row', () => {
    expect(parseCsv('氏名,電話\n"山田"様,03\n')).toEqual({
      ok: false,
      error: { kind: 'brokenQuotes', line: 2 },
    });
  });

  it.each([
    ['電話', '電話 '],
    ['TEL', 'ＴＥＬ'],
    ['tel', 'TEL'],
  ])('refuses the duplicated header names %j and %j', (a, b) => {
    expect(parseCsv(`氏名,${a},${b}\nx,1,2\n`)).toEqual({
      ok: false,
      error: { kind: 'duplicateHeader', name: b.trim() },
    });
  });

  it('refuses an empty header in the middle but ignores empty trailing ones', () => {
    expect(parseCsv('氏名,,電話\nx,,1\n')).toEqual({
      ok: false,
      error: { kind: 'emptyHeader', column: 2 },
    });
    expect(parseCsv('氏名,電話,,\nx,1,,\n')).toEqual({
      ok: true,
      header: ['氏名', '電話'],
      rows: [{ line: 2, cells: ['x', '1'] }],
    });
  });

  it('refuses a value in a column without a header', () => {
    expect(parseCsv('氏名,電話\nx,1\ny,2,,メモ\n')).toEqual({
      ok: false,
      error: { kind: 'cellWithoutHeader', line: 3, column: 4 },
    });
  });

  it('refuses a file with only a header, or tab-separated', () => {
    expect(errorOf(parseCsv('氏名,電話\r\n\r\n'))).toBe('noRows');
    expect(errorOf(parseCsv('氏名\t電話\nx\t1\n'))).toBe('tabSeparated');
    expect(errorOf(parseCsv('\r\n \r\n'))).toBe('empty');
  });

  it('refuses 10,000 rows over the default limit and names the limit', () => {
    const text = ['氏名,電話', ...Array.from({ length: 10_000 }, (_, i) => `人${i},${i}`)].join(
      '\r\n',
    );
    const result = parseCsv(text);
    expect(result).toEqual({
      ok: false,
      error: { kind: 'tooManyRows', max: DEFAULT_MAX_CSV_ROWS },
    });
    expect(describeCsvError({ kind: 'tooManyRows', max: 5000 })).toContain('5,000 行まで');
    const allowed = parseCsv(text, { maxRows: 10_000 });
    expect(allowed.ok && allowed.rows.length).toBe(10_000);
    expect(allowed.ok && allowed.rows.at(-1)).toEqual({ line: 10_001, cells: ['人9999', '9999'] });
  });
});

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    const text = toCsv(
      ['氏名', '備考'],
      [
        ['山田', '1行目\n2行目'],
        ['佐藤', ''],
      ],
    );
    expect(text).toBe('\uFEFF氏名,備考\r\n山田,"1行目\n2行目"\r\n佐藤,\r\n');
    expect([...csvBytes(text).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(iconv.decode(Buffer.from(csvBytes(text)), 'utf8')).toBe(text.slice(1));
  });

  it('quotes commas, quotes and surrounding spaces', () => {
    expect(toCsv(['a'], [['x,y'], ['say "hi"'], [' pad ']])).toBe(
      '\uFEFFa\r\n"x,y"\r\n"say ""hi"""\r\n" pad "\r\n',
    );
  });

  it.each([
    [
      '=HYPERLINK("http://example.com/?x","開く")',
      `"'=HYPERLINK(""http://example.com/?x"",""開く"")"`,
    ],
    ['+81-3-1234-5678', "'+81-3-1234-5678"],
    ['-1', "'-1"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
    ["'=1", "''=1"],
  ])('neutralises the formula %j', (cell, written) => {
    const text = toCsv(['a'], [[cell]]);
    expect(text).toBe(`\uFEFFa\r\n${written}\r\n`);
  });

  it('leaves ordinary text and real numbers alone', () => {
    expect(toCsv(['a', 'b', 'c', 'd', 'e'], [['03-1234-5678', '0312345678', -1, 3.5, null]])).toBe(
      '\uFEFFa,b,c,d,e\r\n03-1234-5678,0312345678,-1,3.5,\r\n',
    );
    expect(toCsv(['a'], [[true], [false]])).toBe('\uFEFFa\r\nはい\r\nいいえ\r\n');
  });

  it('writes what Excel cannot run and reads back the original text', () => {
    const cell = fc.string({
      unit: fc.constantFrom('=', '+', '-', '@', '\t', "'", ',', '"', '\n', 'a', '字', ' '),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 5 }), (pairs) => {
        const rows = pairs.map(([a, b]) => [`x${a}`, b]);
        const parsed = parseCsv(toCsv(['a', 'b'], rows));
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        for (const row of parsed.rows)
          for (const raw of row.cells) expect(raw).not.toMatch(/^[=+\-@\t\r]/);
        expect(parsed.rows.map((row) => row.cells.map(restoreNeutralizedCell))).toEqual(rows);
      }),
    );
  });
});

describe('describeCsvError', () => {
  const errors: CsvError[] = [
    { kind: 'tooLarge', size: 6 * 1024 * 1024, maxBytes: MAX_CSV_BYTES },
    { kind: 'empty' },
    { kind: 'spreadsheet', format: 'xlsx' },
    { kind: 'spreadsheet', format: 'xls' },
    { kind: 'binary' },
    { kind: 'utf16' },
    { kind: 'encoding' },
    { kind: 'tabSeparated' },
    { kind: 'brokenQuotes', line: 12 },
    { kind: 'emptyHeader', column: 28 },
    { kind: 'duplicateHeader', name: '電話' },
    { kind: 'cellWithoutHeader', line: 3, column: 4 },
    { kind: 'noRows' },
    { kind: 'tooManyRows', max: 5000 },
    { kind: 'missingColumn', column: '氏名・窓口名' },
  ];

  it.each(errors)('explains $kind in Japanese', (error) => {
    const message = describeCsvError(error);
    expect(message).toMatch(/[ぁ-んァ-ヶ]/);
    expect(message).toMatch(/。$/);
  });

  it('tells how to save a workbook as CSV, and names rows and columns', () => {
    expect(describeCsvError({ kind: 'spreadsheet', format: 'xlsx' })).toBe(
      'Excel のブック（.xlsx）です。Excel で開き、「名前を付けて保存」→「CSV UTF-8（コンマ区切り）」で保存し直してください。',
    );
    expect(describeCsvError({ kind: 'brokenQuotes', line: 12 })).toContain('第12行');
    expect(describeCsvError({ kind: 'emptyHeader', column: 28 })).toContain('AB列（28列目）');
    expect(describeCsvError({ kind: 'duplicateHeader', name: '電話' })).toContain('「電話」');
    expect(
      describeCsvError({ kind: 'tooLarge', size: 6 * 1024 * 1024, maxBytes: MAX_CSV_BYTES }),
    ).toContain('5 MB まで');
  });
});

describe('incidentsToCsv', () => {
  it('writes one row per incident with Japanese labels and Japan time', () => {
    const incidents = [
      emptyIncident({
        title: '証明書が印刷できない',
        systemId: 'sys-1',
        occurredAt: '2026-11-21T00:05:00.000Z',
        status: 'inProgress',
        level: 2,
        scope: 'department',
        reporterName: '山田',
        department: '市民課',
        terminal: '窓口PC-01',
        screen: '発行画面',
        symptoms: '印刷ボタンで固まる',
        errorMessage: '=ERR(102)',
        cause: '',
        countermeasure: '再起動',
      }),
      // 15:30 UTC is already the next day in Tokyo.
      emptyIncident({ title: '夜間', systemId: 'gone', occurredAt: '2026-11-20T15:30:00Z' }),
    ];
    const names: Record<string, string> = { 'sys-1': '住民記録システム' };
    expect(
      incidentsToCsv(incidents, (incident) => names[incident.systemId] ?? '（不明なシステム）'),
    ).toBe(
      '\uFEFF件名,システム,発生日時,状態,レベル,影響範囲,報告者,部署,端末,画面,症状,エラーメッセージ,原因,対策\r\n' +
        "証明書が印刷できない,住民記録システム,2026/11/21 09:05,対応中,2,課全体,山田,市民課,窓口PC-01,発行画面,印刷ボタンで固まる,'=ERR(102),,再起動\r\n" +
        '夜間,（不明なシステム）,2026/11/21 00:30,発生,,自分の端末のみ,,,,,,,,\r\n',
    );
  });
});
