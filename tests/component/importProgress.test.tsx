import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import {
  ImportPreviewProgress,
  describeImportProgress,
} from '../../src/features/exchange/ImportPreviewProgress.tsx';

// Issue 9: a 50,000-record import takes many seconds; the page shows what it is doing and, while
// writing, how many records of how many are written.

describe('the import progress bar', () => {
  it('says what is happening at each step, with the counts in Japanese digits grouping', () => {
    expect(describeImportProgress(null)).toBe('ファイルを確認しています…');
    expect(describeImportProgress({ step: 'checking', done: 0, total: 0 })).toBe(
      'ファイルを確認しています…',
    );
    expect(describeImportProgress({ step: 'checking', done: 0, total: 50_000 })).toBe(
      'ファイルを確認しています（記録 50,000件）…',
    );
    expect(describeImportProgress({ step: 'checking', done: 23_000, total: 50_000 })).toBe(
      'ファイルを確認しています: 23,000 / 50,000件',
    );
    expect(describeImportProgress({ step: 'checking', done: 50_000, total: 50_000 })).toBe(
      'ファイルを確認しました（記録 50,000件）。',
    );
    expect(describeImportProgress({ step: 'comparing', done: 0, total: 50_000 })).toBe(
      'この PC の記録と照らし合わせています（50,000件）…',
    );
    expect(describeImportProgress({ step: 'writing', done: 12_000, total: 50_000 })).toBe(
      '取り込んでいます: 12,000 / 50,000件',
    );
  });

  it('moves without a count until records are checked, then counts them, and the writes', () => {
    const { rerender } = render(
      <ImportPreviewProgress progress={{ step: 'checking', done: 0, total: 50_000 }} />,
    );
    const bar = screen.getByRole('progressbar', { name: '取り込みの進み具合' });
    expect(bar).not.toHaveAttribute('value');
    rerender(
      <ImportPreviewProgress progress={{ step: 'checking', done: 23_000, total: 50_000 }} />,
    );
    expect(bar).toHaveAttribute('value', '23000');
    expect(bar).toHaveAttribute('max', '50000');
    rerender(<ImportPreviewProgress progress={{ step: 'comparing', done: 0, total: 50_000 }} />);
    expect(bar).not.toHaveAttribute('value');
    rerender(<ImportPreviewProgress progress={{ step: 'writing', done: 12_000, total: 50_000 }} />);
    expect(bar).toHaveAttribute('value', '12000');
    expect(bar).toHaveAttribute('max', '50000');
    expect(screen.getByRole('status')).toHaveTextContent('取り込んでいます: 12,000 / 50,000件');
  });
});
