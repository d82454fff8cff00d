import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { HelpPage } from '../../src/features/help/HelpPage.tsx';
import { helpTopics } from '../../src/features/help/helpTopics.ts';
import { headingSlug } from '../../src/features/help/renderMarkdown.ts';

// Issue 10, item 5: the staff guides are reachable from the app itself, rendered from the same
// Markdown files as the repository's docs/ (tables and code blocks included).

const ROOT = path.resolve(import.meta.dirname, '../..');

function renderAt(entry: string) {
  render(
    <MemoryRouter initialEntries={[entry]}>
      <Routes>
        <Route path="help" element={<HelpPage />} />
        <Route path="help/:topic" element={<HelpPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('手引き', () => {
  it('lists the Japanese guides, each linking to its own page', () => {
    renderAt('/help');
    expect(screen.getByRole('heading', { level: 1, name: '手引き' })).toBeInTheDocument();
    for (const [name, href] of [
      ['設置・更新手順', '/help/deployment'],
      ['署名鍵の配布と信頼', '/help/keys'],
      ['変更履歴（リリースノート）', '/help/changes'],
      ['オフライン動作と更新の仕組み', '/help/offline'],
    ])
      expect(screen.getByRole('link', { name })).toHaveAttribute('href', href);
    expect(screen.getByRole('link', { name: 'ファイルの検証' })).toHaveAttribute(
      'href',
      '/exchange/verify',
    );
  });

  it('#/help/deployment shows docs/deployment.md rendered: headings, tables, code blocks', async () => {
    renderAt('/help/deployment');
    const markdown = readFileSync(path.join(ROOT, 'docs/deployment.md'), 'utf8');
    const lines = markdown.split('\n');
    const title = lines[0]!.replace(/^# /, '');
    // The first load transforms marked and the Markdown on demand: allow it time.
    expect(
      await screen.findByRole('heading', { level: 1, name: title }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    const article = screen.getByRole('article');
    // Every Markdown table is a real table with its header row.
    const tables = within(article).getAllByRole('table');
    expect(tables).toHaveLength(lines.filter((line) => /^\|[-: |]+\|$/.test(line)).length);
    expect(tables.length).toBeGreaterThan(3);
    for (const table of tables)
      expect(within(table).getAllByRole('columnheader').length).toBeGreaterThanOrEqual(2);
    // Every fenced block is preformatted code, as written (the first one checked word for word).
    const fences = lines.filter((line) => /^ *```/.test(line));
    const blocks = [...article.querySelectorAll('pre > code')].map((c) => c.textContent ?? '');
    expect(blocks).toHaveLength(fences.length / 2);
    const first = lines.findIndex((line) => /^ *```\S/.test(line));
    expect(blocks[0]).toContain(lines[first + 1]!.trim());
    // The table of contents links to the headings of this guide.
    const contents = screen.getByRole('navigation', { name: '目次' });
    const h2 = lines.find((line) => line.startsWith('## '))!.slice(3);
    expect(within(contents).getByRole('link', { name: h2 })).toHaveAttribute(
      'href',
      `/help/deployment?section=${encodeURIComponent(headingSlug(h2))}`,
    );
  });

  it(
    '#/help/offline and every other guide open from their own file',
    { timeout: 60_000 },
    async () => {
      for (const topic of helpTopics) {
        const { container, unmount } = render(
          <MemoryRouter initialEntries={[`/help/${topic.slug}`]}>
            <Routes>
              <Route path="help/:topic" element={<HelpPage />} />
            </Routes>
          </MemoryRouter>,
        );
        const firstLine = readFileSync(path.join(ROOT, topic.file), 'utf8').split('\n')[0]!;
        // A plain selector: role queries over a long guide are slow, and this reads only the title.
        await waitFor(
          () =>
            expect(container.querySelector('article h1')?.textContent, topic.slug).toBe(
              firstLine.replace(/^# /, '').replaceAll('`', ''),
            ),
          { timeout: 10_000 },
        );
        unmount();
      }
    },
  );

  it('a link to a heading scrolls there once the guide is shown', async () => {
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    try {
      renderAt(`/help/deployment?section=${encodeURIComponent('2-オフラインで使うための条件')}`);
      const heading = await screen.findByRole('heading', {
        level: 2,
        name: '2. オフラインで使うための条件',
      });
      expect(heading).toHaveAttribute('id', 'help-2-オフラインで使うための条件');
      // The scroll runs in an effect after the guide is drawn: wait for it, not just the heading.
      await waitFor(() => expect(scrolled.mock.contexts).toContain(heading));
    } finally {
      delete (Element.prototype as { scrollIntoView?: unknown }).scrollIntoView;
    }
  });

  it('links between guides stay inside the app', async () => {
    const user = userEvent.setup();
    renderAt('/help/offline');
    const link = await screen.findByRole('link', { name: 'deployment.md' });
    expect(link).toHaveAttribute('href', '#/help/deployment');
    await user.click(screen.getByRole('link', { name: '手引き' }));
    expect(await screen.findByRole('heading', { level: 1, name: '手引き' })).toBeInTheDocument();
  });

  it('an unknown guide says so and points to the list', () => {
    renderAt('/help/nope');
    expect(screen.getByText(/この手引きはありません/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '手引きの一覧' })).toHaveAttribute('href', '/help');
  });
});
