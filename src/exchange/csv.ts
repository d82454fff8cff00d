import Papa from 'papaparse';

/** Largest CSV read: a 5,000-row contact list is well under 2 MB, so more is a wrong file. */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;
/** Default row limit for parseCsv; callers pass their own where a list can be longer. */
export const DEFAULT_MAX_CSV_ROWS = 5000;

/**
 * Every reason a CSV is refused; describeCsvError turns each into Japanese. `line` is the row
 * number Excel shows (the header is row 1), `column` is 1-based.
 */
export type CsvError =
  | { kind: 'tooLarge'; size: number; maxBytes: number }
  | { kind: 'empty' }
  | { kind: 'spreadsheet'; format: 'xlsx' | 'xls' }
  | { kind: 'binary' }
  | { kind: 'utf16' }
  | { kind: 'encoding' }
  | { kind: 'tabSeparated' }
  | { kind: 'brokenQuotes'; line: number }
  | { kind: 'emptyHeader'; column: number }
  | { kind: 'duplicateHeader'; name: string }
  | { kind: 'cellWithoutHeader'; line: number; column: number }
  | { kind: 'noRows' }
  | { kind: 'tooManyRows'; max: number }
  | { kind: 'missingColumn'; column: string };

export type CsvDecodeResult =
  { ok: true; text: string; encoding: 'utf-8' | 'shift_jis' } | { ok: false; error: CsvError };

export type CsvRow = { line: number; cells: string[] };
export type CsvParseResult =
  { ok: true; header: string[]; rows: CsvRow[] } | { ok: false; error: CsvError };

export type CsvCell = string | number | boolean | null;

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
const UTF8_BOM = [0xef, 0xbb, 0xbf];
/**
 * C0 controls other than tab, LF and CR, and DEL, never occur in a spreadsheet's text export.
 * Neither UTF-8 nor Shift_JIS uses these bytes inside a multi-byte character, so a byte test is exact.
 */
const isControlByte = (b: number) =>
  (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f;
const CTRL_Z = 0x1a;

function decodeStrict(bytes: Uint8Array, encoding: 'utf-8' | 'shift_jis'): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null; // undecodable bytes, or a runtime without that decoder
  }
}

/** UTF-16 without a BOM shows as a NUL in every other byte of ASCII text. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 200);
  let nulsAtOdd = 0;
  let nulsAtEven = 0;
  sample.forEach((b, i) => {
    if (b === 0 && i % 2 === 1) nulsAtOdd++;
    if (b === 0 && i % 2 === 0) nulsAtEven++;
  });
  return (
    Math.max(nulsAtOdd, nulsAtEven) >= sample.length / 4 && Math.min(nulsAtOdd, nulsAtEven) === 0
  );
}

/** Reads a CSV file's bytes as UTF-8 or Shift_JIS (what Excel in Japan writes), refusing anything else. */
export function decodeCsvBytes(bytes: Uint8Array, maxBytes = MAX_CSV_BYTES): CsvDecodeResult {
  const fail = (error: CsvError) => ({ ok: false, error }) as const;
  if (bytes.length > maxBytes) return fail({ kind: 'tooLarge', size: bytes.length, maxBytes });
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]))
    return fail({ kind: 'spreadsheet', format: 'xlsx' });
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
    return fail({ kind: 'spreadsheet', format: 'xls' });
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]))
    return fail({ kind: 'utf16' });
  const hasBom = startsWith(bytes, UTF8_BOM);
  let body = hasBom ? bytes.subarray(UTF8_BOM.length) : bytes;
  // Old DOS-era exports end with Ctrl-Z as an end-of-file mark.
  if (body.at(-1) === CTRL_Z) body = body.subarray(0, -1);
  if (body.some(isControlByte))
    return fail({ kind: body.includes(0) && looksLikeUtf16(body) ? 'utf16' : 'binary' });
  const utf8 = decodeStrict(body, 'utf-8');
  // A BOM promises UTF-8, so a file with one is never guessed to be Shift_JIS.
  const sjis = utf8 === null && !hasBom ? decodeStrict(body, 'shift_jis') : null;
  const text = utf8 ?? sjis;
  if (text === null) return fail({ kind: 'encoding' });
  if (text.trim() === '') return fail({ kind: 'empty' });
  return { ok: true, text, encoding: utf8 !== null ? 'utf-8' : 'shift_jis' };
}

/** Header key for comparing names: 「ＴＥＬ 」 and 「tel」 are the same column. */
export function normalizeHeader(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}

const isBlank = (cell: string) => cell.trim() === '';

/** Splits CSV text into a header and non-empty rows, refusing what would import wrongly. */
export function parseCsv(text: string, options: { maxRows?: number } = {}): CsvParseResult {
  const maxRows = options.maxRows ?? DEFAULT_MAX_CSV_ROWS;
  const fail = (error: CsvError) => ({ ok: false, error }) as const;
  // One line-end form first, so a file mixing CRLF and LF rows still splits into rows, and a
  // line break inside a cell is stored as LF.
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const parsed = Papa.parse<string[]>(normalized, { delimiter: ',', newline: '\n' });
  // Papaparse's `row` counts every record from 0, header included: +1 is the Excel row.
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) return fail({ kind: 'brokenQuotes', line: (quoteError.row ?? 0) + 1 });

  const records = parsed.data
    .map((cells, index) => ({ line: index + 1, cells }))
    .filter((record) => !record.cells.every(isBlank));
  const [headerRecord, ...dataRecords] = records;
  if (!headerRecord) return fail({ kind: 'empty' });

  const header = headerRecord.cells.map((name) => name.trim());
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  if (header.length === 1 && header[0]?.includes('\t')) return fail({ kind: 'tabSeparated' });
  const seen = new Set<string>();
  for (const [index, name] of header.entries()) {
    if (name === '') return fail({ kind: 'emptyHeader', column: index + 1 });
    const key = normalizeHeader(name);
    if (seen.has(key)) return fail({ kind: 'duplicateHeader', name });
    seen.add(key);
  }

  if (dataRecords.length === 0) return fail({ kind: 'noRows' });
  if (dataRecords.length > maxRows) return fail({ kind: 'tooManyRows', max: maxRows });
  const rows: CsvRow[] = [];
  for (const { line, cells } of dataRecords) {
    const extra = cells.findIndex((cell, index) => index >= header.length && !isBlank(cell));
    if (extra >= 0) return fail({ kind: 'cellWithoutHeader', line, column: extra + 1 });
    rows.push({ line, cells: header.map((_, index) => cells[index] ?? '') });
  }
  return { ok: true, header, rows };
}

// OWASP CSV injection: a cell starting with one of these is run as a formula by Excel. A
// leading apostrophe makes it text. Apostrophes already in front are counted in, so that
// restoreNeutralizedCell undoes exactly what neutralizeCell did.
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** Makes a cell's text safe to open in Excel (prefixes `'` to a would-be formula). */
export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes neutralizeCell, so an exported file imports back unchanged. */
export function restoreNeutralizedCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text) ? text.slice(1) : text;
}

function cellText(value: CsvCell): string {
  if (value === null) return '';
  // A JS number prints as digits, '-', '.', 'e' or Infinity/NaN: never a formula, so a
  // negative number stays a number in Excel.
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'はい' : 'いいえ';
  return neutralizeCell(value);
}

/**
 * CSV text that Excel in Japan opens correctly: UTF-8 BOM, CRLF, quoted where needed, formulas
 * neutralised. Phone numbers stay strings here; Excel may still show 「0312345678」 without its
 * leading zero, but the file itself keeps it, so a re-import is exact.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const body = Papa.unparse(
    { fields: header.map(cellText), data: rows.map((row) => row.map(cellText)) },
    { newline: '\r\n', quotes: false, escapeFormulae: false },
  );
  return `\uFEFF${body}\r\n`;
}

/** Bytes to save or download (the BOM is already part of the text). */
export function csvBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

const megabytes = (bytes: number) => `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;

const SAVE_AS_CSV =
  'Excel で開き、「名前を付けて保存」→「CSV UTF-8（コンマ区切り）」で保存し直してください。';

/** One Japanese explanation per refusal, saying what to do. Exhaustive: a new kind fails to compile. */
export function describeCsvError(error: CsvError): string {
  switch (error.kind) {
    case 'tooLarge':
      return `ファイルが大きすぎます（${megabytes(error.size)}）。読み込めるのは ${megabytes(error.maxBytes)} までです。ファイルを分けて読み込んでください。`;
    case 'empty':
      return 'ファイルが空です。保存したファイルを指定しているか確かめてください。';
    case 'spreadsheet':
      return error.format === 'xlsx'
        ? `Excel のブック（.xlsx）です。${SAVE_AS_CSV}`
        : `古い形式の Excel のブック（.xls）です。${SAVE_AS_CSV}`;
    case 'binary':
      return 'CSV ファイルではありません（画像や文書などのファイルのようです）。CSV ファイルを指定してください。';
    case 'utf16':
      return `「Unicode テキスト」（UTF-16）で保存されたファイルです。${SAVE_AS_CSV}`;
    case 'encoding':
      return `文字コードが読み取れません（UTF-8 でも Shift_JIS でもありません）。${SAVE_AS_CSV}`;
    case 'tabSeparated':
      return `タブ区切りのファイルです。${SAVE_AS_CSV}`;
    case 'brokenQuotes':
      return `第${error.line}行で「"」（ダブルクォート）が閉じられていません。その行のセルを確かめて、保存し直してください。`;
    case 'emptyHeader':
      return `見出しの行の${columnLetter(error.column)}列（${error.column}列目）が空です。見出しを入力するか、その列を削除してください。`;
    case 'duplicateHeader':
      return `見出し「${error.name}」が2回以上あります。どちらかの名前を変えるか、列を削除してください。`;
    case 'cellWithoutHeader':
      return `第${error.line}行の${columnLetter(error.column)}列に、見出しのない値があります。見出しの行にその列の見出しを入れるか、値を削除してください。`;
    case 'noRows':
      return '見出しの行だけで、読み込むデータがありません。';
    case 'tooManyRows':
      return `行が多すぎます。一度に読み込めるのは ${error.max.toLocaleString('ja-JP')} 行までです。ファイルを分けて読み込んでください。`;
    case 'missingColumn':
      return `「${error.column}」の列が見つかりません。どの列が「${error.column}」にあたるかを選んでください。`;
  }
}
