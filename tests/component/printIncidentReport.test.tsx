import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Blob as NodeBlob } from 'node:buffer';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { expectNothingPrinted, renderPrintRoute, stubWindowPrint } from './printRouteHarness.tsx';
import { emptyIncident, type AttachmentRef } from '../../src/domain/incident.ts';
import { createStoredRecord } from '../../src/domain/storedRecord.ts';
import { IncidentReport } from '../../src/print/IncidentReport.tsx';
import { IncidentReportPage } from '../../src/print/IncidentReportPage.tsx';
import type { AttachmentPreview } from '../../src/print/useAttachmentPreviews.ts';
import { saveRecord } from '../../src/db/records.ts';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';
import type { Station } from '../../src/domain/station.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const printedAt = new Date('2026-11-29T05:30:00Z'); // 14:30 in Tokyo
const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);

function attachment(n: number, name: string, size = 2_500_000): AttachmentRef {
  return { id: id(n), name, mediaType: 'image/png', size, sha256: '0'.repeat(64) };
}

const data = emptyIncident({
  title: '住民票の写しが印刷できない',
  systemId: id(1),
  occurredAt: '2026-11-29T00:05:00Z',
  status: 'inProgress',
  level: 2,
  errorMessage: 'E-PRT-0042 帳票サーバに接続できません',
  attempts: [{ id: id(20), action: '端末を再起動した', result: '' }],
  timeline: [
    { id: id(30), at: '2026-11-29T00:06:00Z', status: 'occurred', text: '障害記録を作成（発生）' },
    { id: id(31), at: '2026-11-29T00:20:00Z', status: null, text: 'ヘルプデスクに電話: 調査中' },
  ],
  contactsMade: [
    {
      id: id(31),
      at: '2026-11-29T00:20:00Z',
      who: 'ヘルプデスク',
      contactId: null,
      method: 'phone',
      summary: '調査中',
    },
  ],
  attachments: [
    attachment(40, 'screen.png'),
    attachment(41, '手順書.pdf', 1024),
    attachment(42, 'lost.jpg'),
  ],
});
const record = createStoredRecord('incident', data, id(99), '2026-11-29T01:00:00Z');

describe('IncidentReport (pure layout)', () => {
  const previews = new Map<string, AttachmentPreview>([
    [id(40), { kind: 'image', url: 'blob:test/1' }],
    [id(41), { kind: 'file' }],
    [id(42), { kind: 'missing' }],
  ]);

  function renderReport(onImageSettled = vi.fn()) {
    render(
      <IncidentReport
        municipality="架空市"
        incident={record}
        names={{ system: '住民記録システム', levelName: '中程度', procedureTitle: null }}
        previews={previews}
        imageStates={new Map()}
        onImageSettled={onImageSettled}
        printedAt={printedAt}
      />,
    );
    return onImageSettled;
  }

  it('heads the report with the municipality, its name, the record version and 印刷日時', () => {
    renderReport();
    const header = document.querySelector<HTMLElement>('.doc-header')!;
    expect(header).toHaveTextContent('架空市');
    expect(within(header).getByRole('heading', { level: 1 })).toHaveTextContent('障害報告書');
    expect(header).toHaveTextContent('記録の版第1版');
    expect(header).toHaveTextContent('最終更新令和8年11月29日（2026年） 10:00');
    expect(header).toHaveTextContent('印刷日時令和8年11月29日（2026年） 14:30');
  });

  it('prints the fields, the attempts and one timeline with each call once', () => {
    renderReport();
    const summary = screen.getByRole('region', { name: '概要' });
    expect(within(summary).getByRole('row', { name: /件名/ })).toHaveTextContent(
      '住民票の写しが印刷できない',
    );
    expect(within(summary).getByRole('row', { name: /レベル/ })).toHaveTextContent(
      'レベル2（中程度）',
    );
    expect(screen.getByRole('region', { name: '障害の内容' })).toHaveTextContent(
      'E-PRT-0042 帳票サーバに接続できません',
    );
    expect(screen.getByRole('region', { name: '試したことと結果' })).toHaveTextContent(
      '1端末を再起動した（結果未記入）',
    );
    const timeline = screen.getByRole('region', { name: '経過・連絡の記録' });
    const rows = within(timeline)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual([
      '時刻種類内容',
      '令和8年11月29日（2026年）',
      '9:06状態障害記録を作成（発生）',
      '9:20連絡ヘルプデスクに電話: 調査中',
    ]);
  });

  it('shows image thumbnails, lists other files by name and size, and says what is missing', () => {
    const settled = renderReport();
    const files = screen.getByRole('region', { name: '添付ファイル' });
    const image = within(files).getByRole('img', { name: 'screen.png' });
    expect(image).toHaveAttribute('src', 'blob:test/1');
    expect(files).toHaveTextContent('screen.png（2.4MB）');
    expect(files).toHaveTextContent('手順書.pdf（1KB） — 画像以外のファイル');
    expect(files).toHaveTextContent('lost.jpg（2.4MB） — この PC にはファイルがありません');
    fireEvent.load(image);
    expect(settled).toHaveBeenCalledWith(id(40), 'loaded');
  });
});

describe('the 障害報告書 route', () => {
  let db: SonaeDatabase;
  let station: Station;
  let print: ReturnType<typeof vi.fn>;

  beforeEach(async () => {
    // Node's Blob: jsdom's does not survive fake-indexeddb's structured clone.
    vi.stubGlobal('Blob', NodeBlob);
    ({ db, station } = await freshDatabaseWithStation());
    print = stubWindowPrint();
    let n = 0;
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => `blob:test/${(n += 1)}`);
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  function renderRoute(path: string) {
    return renderPrintRoute(path, {
      '/print/incident-report/:incidentId': <IncidentReportPage station={station} />,
    });
  }

  it('prints once, and only after the thumbnail has loaded', async () => {
    const saved = await saveRecord('incident', {
      ...data,
      attachments: [attachment(40, 'screen.png')],
    });
    await db.attachments.put({ id: id(40), blob: new Blob([PNG], { type: 'image/png' }) });
    renderRoute(`/print/incident-report/${saved.id}`);
    const image = await screen.findByRole('img', { name: 'screen.png' });
    expect(screen.getByRole('row', { name: /システム/ })).toHaveTextContent('（不明なシステム）');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(print).not.toHaveBeenCalled();
    expect(document.querySelector('[data-print-ready="true"]')).toBeNull();
    fireEvent.load(image);
    await vi.waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    expect(document.title).toBe('障害報告書「住民票の写しが印刷できない」 — 備え');
  });

  it('prints an image that fails to load as a note, not an empty box', async () => {
    const saved = await saveRecord('incident', {
      ...data,
      attachments: [attachment(40, 'screen.png')],
    });
    await db.attachments.put({ id: id(40), blob: new Blob([PNG], { type: 'image/png' }) });
    renderRoute(`/print/incident-report/${saved.id}?auto=0`);
    fireEvent.error(await screen.findByRole('img', { name: 'screen.png' }));
    await screen.findByText('画像を表示できませんでした');
    await vi.waitFor(() =>
      expect(document.querySelector('[data-print-ready="true"]')).not.toBeNull(),
    );
    expect(print).not.toHaveBeenCalled();
  });

  it('says an incident that is gone is gone, and prints nothing', async () => {
    renderRoute(`/print/incident-report/${id(77)}`);
    await expectNothingPrinted(print, /この障害記録は見つかりません/);
  });
});
