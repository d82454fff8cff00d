import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PrintPage } from '../../src/print/PrintPage.tsx';
import { holdsPersonalData } from '../../src/print/usePrintRelease.ts';
import {
  contactListPrintPath,
  incidentReportPath,
  walletCardPath,
} from '../../src/print/reportPaths.ts';
import { incidentSheetPath, outageKitPath } from '../../src/print/printOptions.ts';
import { binderPath } from '../../src/print/binderToc.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { renderPrintRoute } from './printRouteHarness.tsx';

// Prints of documents that name people are 持ち出し: one 印刷 entry per print that really starts
// (the browser's beforeprint), none for a page only looked at, none for documents naming nobody.

let db: SonaeDatabase;
beforeEach(async () => {
  ({ db } = await freshDatabaseWithStation());
  await db.audit.clear();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function page(title: string) {
  return (
    <PrintPage title={title} backTo="/" ready footer="架空市" printedAt={new Date()}>
      <p>本文</p>
    </PrintPage>
  );
}

const prints = async () =>
  (await db.audit.where('action').equals('print').toArray()).map((e) => e.release?.name);
const fire = (type: 'beforeprint' | 'afterprint') =>
  act(() => {
    window.dispatchEvent(new Event(type));
  });

describe('印刷 in the 持ち出し記録', () => {
  it('records each real print of a personal-data document once, with its name', async () => {
    renderPrintRoute('/print/contacts?auto=0', { '/print/contacts': page('緊急連絡先一覧') });
    await screen.findByText('本文');
    // Opened with ?auto=0 and only looked at: nothing.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await prints()).toEqual([]);
    await fire('beforeprint');
    await fire('beforeprint'); // the same print (no afterprint yet)
    await fire('afterprint');
    await waitFor(async () => expect(await prints()).toEqual(['緊急連絡先一覧']));
    await fire('beforeprint'); // printed again
    await fire('afterprint');
    await waitFor(async () => expect(await prints()).toEqual(['緊急連絡先一覧', '緊急連絡先一覧']));
    const [entry] = await db.audit.toArray();
    expect(entry).toMatchObject({ actor: '山田 花子', summary: '「緊急連絡先一覧」を印刷' });
  });

  it('records the print the 印刷 button starts (the browser fires beforeprint)', async () => {
    const user = userEvent.setup();
    vi.stubGlobal('print', () => {
      window.dispatchEvent(new Event('beforeprint'));
      window.dispatchEvent(new Event('afterprint'));
    });
    renderPrintRoute('/print/wallet-card?auto=0', {
      '/print/wallet-card': page('携帯用緊急連絡先カード'),
    });
    await user.click(await screen.findByRole('button', { name: '印刷' }));
    await waitFor(async () => expect(await prints()).toEqual(['携帯用緊急連絡先カード']));
  });

  it('records nothing for a document that names nobody (the blank incident sheet)', async () => {
    renderPrintRoute('/print/incident-sheet?auto=0', {
      '/print/incident-sheet': page('障害記録票（白紙）'),
    });
    await screen.findByText('本文');
    await fire('beforeprint');
    await fire('afterprint');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await prints()).toEqual([]);
  });

  it('never lets a failed entry get in the way of the print', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await db.settings.clear(); // no station: the entry cannot be written
    renderPrintRoute('/print/binder?auto=0', { '/print/binder': page('緊急時バインダー') });
    await screen.findByText('本文');
    await fire('beforeprint');
    await waitFor(() => expect(warn).toHaveBeenCalledOnce());
    expect(screen.getByText('本文')).toBeInTheDocument();
    expect(await prints()).toEqual([]);
  });
});

describe('holdsPersonalData', () => {
  it('knows every print route by the paths the screens open', () => {
    const id = '0b6c1f1e-3f0a-4c57-9a55-0d1a2b3c4d5e';
    const pathOf = (link: string) => link.split('?')[0]!;
    expect(holdsPersonalData(pathOf(contactListPrintPath()))).toBe(true);
    expect(holdsPersonalData(pathOf(contactListPrintPath(id)))).toBe(true);
    expect(holdsPersonalData(pathOf(walletCardPath()))).toBe(true);
    expect(holdsPersonalData(pathOf(incidentReportPath(id)))).toBe(true);
    expect(holdsPersonalData(pathOf(outageKitPath(id, { sheets: 3 })))).toBe(true);
    expect(holdsPersonalData(pathOf(binderPath({ toc: [1, 2], auto: false })))).toBe(true);
    expect(holdsPersonalData(pathOf(incidentSheetPath(5)))).toBe(false);
    expect(holdsPersonalData('/print/monthly-report')).toBe(false);
    expect(holdsPersonalData('/print/contacts-extra')).toBe(false);
  });
});
