import { describe, expect, it } from 'vitest';
import { safeDownloadName, sniffAttachmentType } from '../../../src/domain/attachmentTypes.ts';

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? ascii(part) : part)));

describe('sniffAttachmentType tells a file by its first bytes', () => {
  const table: [string, Uint8Array, string | null][] = [
    ['PNG', bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0, 0, 13]), 'image/png'],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    ['GIF87a', bytes('GIF87a'), 'image/gif'],
    ['GIF89a', bytes('GIF89a', [1, 0]), 'image/gif'],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['PDF', bytes('%PDF-1.7\n'), 'application/pdf'],
    ['SVG with script', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>'), null],
    ['HTML', bytes('<!doctype html><script>alert(1)</script>'), null],
    ['HTML then PDF (a polyglot)', bytes('<html>%PDF-1.7'), null],
    ['RIFF that is a WAV', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '), null],
    ['a PNG signature cut short', bytes([0x89], 'PNG'), null],
    ['empty', new Uint8Array(), null],
  ];
  for (const [name, head, expected] of table)
    it(name, () => expect(sniffAttachmentType(head)).toBe(expected));
});

describe('safeDownloadName', () => {
  const table: [string, string, Parameters<typeof safeDownloadName>[1], string][] = [
    ['keeps a plain Japanese name', '画面.png', 'image/png', '画面.png'],
    ['accepts .JPEG for a JPEG', '写真.JPEG', 'image/jpeg', '写真.JPEG'],
    ['adds the real extension', 'photo.html', 'image/png', 'photo.html.png'],
    ['keeps the extension of a download-only file', 'report.svg', null, 'report.svg'],
    [
      'drops path separators and reserved characters',
      '..\\..\\a/b:c*?.txt',
      null,
      '_.._a_b_c__.txt',
    ],
    ['drops control and bidi-override characters', 'inv\u202Egpj.exe\u0007', null, 'invgpj.exe'],
    ['never starts with a dot nor ends with one', '...hidden. ', null, 'hidden'],
    ['renames a Windows device name', 'CON.txt', null, '_CON.txt'],
    ['names an empty file', '', 'application/pdf', '添付ファイル.pdf'],
  ];
  for (const [name, input, type, expected] of table)
    it(name, () => expect(safeDownloadName(input, type)).toBe(expected));

  it('cuts a long name to 120 characters and keeps its extension', () => {
    const name = safeDownloadName(`${'あ'.repeat(300)}.xlsx`, null);
    expect([...name]).toHaveLength(120);
    expect(name.endsWith('あ.xlsx')).toBe(true);
  });
});
