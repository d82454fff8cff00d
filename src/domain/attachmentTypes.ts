/**
 * What an attachment really is, told from its first bytes — never from the stored or received
 * `mediaType` nor the file name, which a sender chooses freely. Only the types below may open in
 * the browser: none of them can run script in the app's origin (an SVG or HTML file can, so
 * they and everything unknown are only ever saved to disk, as `application/octet-stream`).
 */
export const viewableTypes = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
] as const;
export type ViewableType = (typeof viewableTypes)[number];

/** The neutral type every attachment that is not viewable is saved with. */
export const DOWNLOAD_ONLY_TYPE = 'application/octet-stream';

/** How many leading bytes sniffAttachmentType needs. */
export const SNIFF_BYTES = 16;

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

// Magic numbers at offset 0 only: a PDF reader would also find `%PDF-` later in the first KB,
// but a file that starts with something else may well be an HTML/PDF polyglot.
const signatures: readonly { type: ViewableType; matches: (bytes: Uint8Array) => boolean }[] = [
  { type: 'image/png', matches: (b) => startsWith(b, [0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a]) },
  { type: 'image/jpeg', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  {
    type: 'image/gif',
    matches: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')),
  },
  {
    type: 'image/webp',
    matches: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8),
  },
  { type: 'application/pdf', matches: (b) => startsWith(b, ascii('%PDF-')) },
];

/** The viewable type the bytes are, by their magic number; null for anything else. */
export function sniffAttachmentType(head: Uint8Array): ViewableType | null {
  return signatures.find((signature) => signature.matches(head))?.type ?? null;
}

/** True for the image types that may be shown inline as a thumbnail. */
export function isViewableImage(type: ViewableType | null): boolean {
  return type !== null && type !== 'application/pdf';
}

const extensions: Record<ViewableType, string> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'application/pdf': '.pdf',
};

// Names Windows refuses for a file whatever its extension (CON.txt opens the console device).
const reservedWindowsNames = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

/**
 * A file name safe to save on Windows and USB media: no path separators or characters Windows
 * refuses, no control or bidi-override characters (which can disguise `gpj.exe` as `exe.jpg`),
 * no leading dots or trailing dots/spaces, not a device name, at most 120 characters with the
 * extension kept. A viewable file gets the extension of what it really is, so a PNG sent as
 * `photo.html` saves as `photo.html.png` and opens in an image viewer.
 */
export function safeDownloadName(name: string, type: ViewableType | null): string {
  let safe = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed here
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (reservedWindowsNames.test(safe)) safe = `_${safe}`;
  const own = /\.[^.\s]{1,10}$/.exec(safe)?.[0] ?? '';
  const wanted = type ? extensions[type] : own;
  const isRight =
    own.toLowerCase() === wanted || (type === 'image/jpeg' && own.toLowerCase() === '.jpeg');
  const stem = isRight ? safe.slice(0, safe.length - own.length) : safe;
  const suffix = isRight ? own : wanted;
  const base = [...stem].slice(0, 120 - suffix.length).join('') || '添付ファイル';
  return `${base}${suffix}`;
}
