import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingSlug, renderMarkdown } from '../../src/features/help/renderMarkdown.ts';
import { helpTopics, resolveHelpLink } from '../../src/features/help/helpTopics.ts';

// The renderer behind 手引き: GitHub-flavoured Markdown (tables, fenced code) to HTML that the
// CSP allows and that never runs or fetches anything, whatever the Markdown holds.

const render = (markdown: string, from = 'deployment') =>
  renderMarkdown(markdown, (href) => resolveHelpLink(href, from));

function dom(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('renderMarkdown', () => {
  it('renders tables and fenced code blocks', () => {
    const { html } = render(
      '| a | b |\n|---|---|\n| 1 | `x` |\n\n```bat\ncertutil -hashfile a.zip SHA256\n```\n',
    );
    const root = dom(html);
    expect(root.querySelectorAll('table th')).toHaveLength(2);
    expect(root.querySelector('td code')?.textContent).toBe('x');
    expect(root.querySelector('pre > code')?.textContent).toBe('certutil -hashfile a.zip SHA256\n');
  });

  it('shows raw HTML as text: no element, no script, no inline style, no image request', () => {
    const { html } = render(
      'before <script>alert(1)</script> <b style="color:red">b</b>\n\n' +
        '<div onclick="x()">block</div>\n\n![図](https://example.com/a.png)\n',
    );
    const root = dom(html);
    expect(root.querySelector('script, b, div, img, [style], [onclick]')).toBeNull();
    expect(root.textContent).toContain('<script>alert(1)</script>');
    expect(root.textContent).toContain('［画像: 図］');
  });

  it('gives headings GitHub-style ids (made unique) and lists them', () => {
    const { html, headings } = render(
      '# 手順\n\n## 2.3 データは別（重要）\n\n## 注意\n\n## 注意\n',
    );
    expect(headings.map((h) => h.id)).toEqual([
      'help-手順',
      'help-23-データは別重要',
      'help-注意',
      'help-注意-1',
    ]);
    expect(dom(html).querySelector('h2')?.id).toBe('help-23-データは別重要');
    expect(headingSlug(' A & B_c ')).toBe('a--b_c');
  });

  it('rewrites links: guides and headings in the app, outside addresses as they are', () => {
    const root = dom(
      render(
        '[a](deployment-keys.md) [b](docs/deployment.md#3-サーバーの設定例) [c](#4-設置後の確認) ' +
          '[d](https://keepachangelog.com/ja/1.1.0/) [e](../src/app/App.tsx)',
        'offline',
      ).html,
    );
    const hrefs = [...root.querySelectorAll('a')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    expect(hrefs).toEqual([
      ['a', '#/help/keys'],
      ['b', `#/help/deployment?section=${encodeURIComponent('3-サーバーの設定例')}`],
      ['c', `#/help/offline?section=${encodeURIComponent('4-設置後の確認')}`],
      ['d', 'https://keepachangelog.com/ja/1.1.0/'],
    ]);
    // A file the app does not carry keeps its text, without a dead link.
    expect(root.textContent).toContain('e');
  });

  it('never emits a javascript: link', () => {
    const root = dom(render('[x](javascript:alert(1))').html);
    expect(root.querySelector('a')).toBeNull();
  });

  it('every guide the app carries renders to HTML the CSP allows: no script, style, image or handler', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    for (const topic of helpTopics) {
      const markdown = readFileSync(path.join(root, topic.file), 'utf8');
      const page = dom(render(markdown, topic.slug).html);
      expect(
        page.querySelector('script, style, img, iframe, object, embed, [style]'),
        topic.file,
      ).toBeNull();
      const handlers = [...page.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name),
      );
      expect(handlers, topic.file).toEqual([]);
      for (const a of page.querySelectorAll('a'))
        expect(a.getAttribute('href'), topic.file).toMatch(/^(#\/help\/|https?:|mailto:)/);
    }
  });
});
