import { Marked, type Tokens } from 'marked';

/**
 * The guides' Markdown (GitHub flavour: tables, fenced code) to HTML with marked, for 手引き.
 * The files are the repository's own, yet the output is built to be safe and CSP-clean anyway:
 * raw HTML in the Markdown is shown as text (never a tag, so never a script or an inline
 * style), images become their alt text (no request, no broken picture), and links are rewritten
 * by `resolveLink` (other guides and headings to in-app routes; a file the app does not carry to
 * plain text).
 */

export interface HelpHeading {
  /** Element id: `help-` + a GitHub-style slug of the text (so `#2-…` links keep working). */
  id: string;
  text: string;
  depth: number;
}

export interface RenderedHelp {
  html: string;
  headings: HelpHeading[];
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

export function renderMarkdown(
  markdown: string,
  resolveLink: (href: string) => string | null,
): RenderedHelp {
  const headings: HelpHeading[] = [];
  const seen = new Map<string, number>();
  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    renderer: {
      heading({ tokens, depth }: Tokens.Heading) {
        const text = this.parser.parseInline(tokens, this.parser.textRenderer);
        const base = headingSlug(text);
        const count = seen.get(base) ?? 0;
        seen.set(base, count + 1);
        const id = `help-${count === 0 ? base : `${base}-${count}`}`;
        headings.push({ id, text, depth });
        return `<h${depth} id="${escapeHtml(id)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
      html({ text }: Tokens.HTML | Tokens.Tag) {
        return escapeHtml(text);
      },
      image({ text }: Tokens.Image) {
        return escapeHtml(text ? `［画像: ${text}］` : '［画像］');
      },
      link({ href, title, tokens }: Tokens.Link) {
        const inner = this.parser.parseInline(tokens);
        const target = resolveLink(href);
        if (target === null) return inner;
        const titleAttribute = title ? ` title="${escapeHtml(title)}"` : '';
        return `<a href="${escapeHtml(target)}"${titleAttribute}>${inner}</a>`;
      },
    },
  });
  const html = marked.parse(markdown, { async: false });
  return { html, headings };
}
