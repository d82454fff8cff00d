import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { IncidentListPage } from '../../src/features/incidents/IncidentListPage.tsx';
import { readFileBytes } from '../../src/features/exchange/download.ts';
import { saveRecord } from '../../src/db/records.ts';
import { emptyIncident } from '../../src/domain/incident.ts';
import { emptySystem } from '../../src/domain/system.ts';

// The 「CSVで書き出す」 widget of 連絡先, as the incident log uses it: the filtered list only.

let blob: Blob | undefined;
let fileName = '';

beforeEach(async () => {
  await freshDatabaseWithStation();
  const system = await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
  for (const [title, status] of [
    ['証明書が印刷できない', 'inProgress'],
    ['=1+1 ログインできない', 'inProgress'],
    ['画面が固まる', 'closed'],
  ] as const)
    await saveRecord(
      'incident',
      emptyIncident({
        title,
        status,
        systemId: system.id,
        occurredAt: '2026-11-21T00:05:00.000Z',
        reporterName: '山田 花子',
        ...(status === 'closed' ? { cause: '原因', countermeasure: '対策' } : {}),
      }),
    );
  blob = undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    blob = b as Blob;
    return 'blob:test';
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    fileName = this.download;
  });
});

afterEach(() => vi.restoreAllMocks());

describe('incident log 「CSVで書き出す」', () => {
  it('exports only the incidents the filter shows, for Excel', async () => {
    const user = userEvent.setup();
    render(
      <MemoryRouter initialEntries={['/incidents?status=inProgress']}>
        <Routes>
          <Route path="/incidents" element={<IncidentListPage />} />
        </Routes>
      </MemoryRouter>,
    );
    await screen.findByText('2件（全3件中）');
    await user.click(screen.getByRole('button', { name: 'CSVで書き出す' }));
    const notice = screen.getByRole('alertdialog');
    expect(notice).toHaveTextContent('絞り込んだ障害記録 2件をCSVファイルに書き出します');
    expect(notice).toHaveTextContent('報告者の氏名などの個人情報が含まれます');
    await user.click(within(notice).getByRole('button', { name: '書き出す' }));
    expect(fileName).toMatch(/^障害記録_\d{8}\.csv$/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await readFileBytes(blob!));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFF件名,システム,発生日時,状態,レベル,影響範囲,報告者,部署,端末,画面,症状,エラーメッセージ,原因,対策',
    );
    expect(lines.slice(1, -1).sort()).toEqual([
      "'=1+1 ログインできない,住民記録システム,2026/11/21 09:05,対応中,,自分の端末のみ,山田 花子,,,,,,,",
      '証明書が印刷できない,住民記録システム,2026/11/21 09:05,対応中,,自分の端末のみ,山田 花子,,,,,,,',
    ]);
    expect(lines.at(-1)).toBe('');
  });
});
