import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CsvExportButton } from '../../src/features/contacts/CsvExportButton.tsx';
import type { SonaeDatabase } from '../../src/db/database.ts';
import { captureDownloads } from '../downloadCapture.ts';
import { freshDatabaseWithStation } from '../testDatabase.ts';

// 「CSVで書き出す」 records what it wrote, builds a CSV that needs reading first, and when the
// CSV cannot be made it says so, writes no file and records nothing.

let db: SonaeDatabase;
beforeEach(async () => {
  ({ db } = await freshDatabaseWithStation());
  await db.audit.clear();
});
afterEach(() => vi.restoreAllMocks());

function renderButton(makeCsv: () => string | Promise<string>) {
  render(
    <CsvExportButton
      what="障害記録 2件"
      personalData="報告者の氏名"
      fileName={() => '障害記録_20261129.csv'}
      makeCsv={makeCsv}
      count={2}
    />,
  );
}

async function confirm() {
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'CSVで書き出す' }));
  await user.click(
    within(screen.getByRole('alertdialog')).getByRole('button', { name: '書き出す' }),
  );
}

describe('CsvExportButton and the 持ち出し記録', () => {
  it('writes a CSV that had to be read first, then records it with its count', async () => {
    const saved = captureDownloads();
    renderButton(async () => '\uFEFF件名\r\nA\r\nB\r\n');
    await confirm();
    await screen.findByText('「障害記録_20261129.csv」を書き出しました。');
    expect(saved.map((s) => s.fileName)).toEqual(['障害記録_20261129.csv']);
    await waitFor(async () => expect(await db.audit.count()).toBe(1));
    expect((await db.audit.toArray())[0]).toMatchObject({
      action: 'export',
      summary: 'CSVファイル「障害記録_20261129.csv」を書き出し（障害記録 2件）',
      release: { kind: 'csv', count: 2 },
    });
  });

  it('says so when the CSV cannot be made, and writes and records nothing', async () => {
    const saved = captureDownloads();
    renderButton(() => Promise.reject(new Error('database closed')));
    await confirm();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'CSVファイルを作れませんでした。ページを再読み込みしてから、もう一度お試しください。',
    );
    expect(saved).toEqual([]);
    expect(await db.audit.count()).toBe(0);
  });

  it('still writes the file when the record cannot be written', async () => {
    const saved = captureDownloads();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await db.settings.clear(); // no station to name
    renderButton(() => '\uFEFF件名\r\n');
    await confirm();
    expect(saved).toHaveLength(1);
    expect(screen.getByText('「障害記録_20261129.csv」を書き出しました。')).toBeInTheDocument();
    await waitFor(() => expect(warn).toHaveBeenCalledOnce());
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
