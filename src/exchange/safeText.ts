/**
 * Makes text taken from a file safe to show: every character that moves the cursor, rewrites a
 * terminal or reorders what is seen is replaced by its visible escape (ESC → `\u001b`).
 *
 * Why: a label such as `"\r\x1b[2K有効: …"` would, printed raw by `npm run bundle -- verify`,
 * erase the refusal line and paint a fake verdict; in the app, a bidi override (U+202E) can
 * make a name read backwards. Escaping (rather than deleting) shows a person that the file
 * holds something odd, and the escaped text still tells two such labels apart.
 */

/**
 * C0 controls (incl. TAB, LF, CR, ESC), DEL, C1 controls (incl. the one-byte CSI U+009B),
 * the Arabic letter mark, LRM/RLM, the line and paragraph separators, the bidi embeddings and
 * overrides U+202A–202E and the bidi isolates U+2066–2069.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The `\uXXXX` spelling of one UTF-16 code unit, as JSON and JavaScript write it. */
function escapeCodeUnit(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `text` with every control and bidi formatting character shown as `\uXXXX`. */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNSAFE, escapeCodeUnit);
}

/**
 * Output for a terminal built by the program itself: its own line breaks are kept, everything
 * else that could steer the terminal is escaped. File-derived parts should already have been
 * passed through escapeControlCharacters (so a newline inside a label is shown, not obeyed);
 * this is the last guard before stdout/stderr.
 */
export function escapeTerminalOutput(text: string): string {
  return text.split('\n').map(escapeControlCharacters).join('\n');
}
