import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { App } from '../../src/app/App.tsx';

// Issue 9: every screen is its own chunk, loaded when first shown (React.lazy), so the first
// visit downloads only the shell and the screen it opens on.

describe('a screen loaded on first use', () => {
  it('says 「読み込み中…」 while its code loads, then shows it', async () => {
    await freshDatabaseWithStation();
    window.location.hash = '#/incidents';
    render(<App />);
    expect(screen.getByRole('status')).toHaveTextContent('読み込み中…');
    expect(
      await screen.findByRole('heading', { name: '障害記録', level: 1 }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('まだ障害記録はありません', { exact: false }),
    ).toBeInTheDocument();
  });
});
