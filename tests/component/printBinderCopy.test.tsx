import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { demoBinderRecords } from '../procedureFixtures.ts';
import { BINDER_COPY_POLICY, renderBinderHtml } from '../../src/print/binderHtml.ts';
import { BinderCopyButton } from '../../src/print/BinderCopyButton.tsx';
import { readFileText } from '../../src/features/exchange/download.ts';
import { freshDatabaseWithStation } from '../testDatabase.ts';
import { captureDownloads, type CapturedDownload } from '../downloadCapture.ts';
import { saveRecord } from '../../src/db/records.ts';
import { emptySystem } from '../../src/domain/system.ts';
import { pickData } from '../../src/domain/recordMeta.ts';

// The read-only HTML copy of the binder: one self-contained document, and the button that saves it.

const { demo, records } = demoBinderRecords();
const madeAt = new Date('2026-11-29T05:30:00Z'); // 14:30 in Tokyo

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('renderBinderHtml', () => {
  it('is one document that fetches nothing and runs nothing', () => {
    const html = renderBinderHtml({ municipality: '架空市', records, madeAt });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="ja"><head><meta charset="utf-8">')).toBe(
      true,
    );
    const doc = parse(html);
    expect(
      doc.querySelectorAll('script, iframe, object, embed, img, link[rel=stylesheet]'),
    ).toHaveLength(0);
    expect(
      doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
    ).toBe(BINDER_COPY_POLICY);
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    const targets = [...doc.querySelectorAll('[href], [src]')].map(
      (el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '',
    );
    expect(targets.length).toBeGreaterThan(10);
    for (const target of targets) {
      expect(target).toMatch(/^(#|data:)/);
      if (target.startsWith('#'))
        expect(doc.getElementById(target.slice(1)), target).not.toBeNull();
    }
  });

  it('says prominently when it was made and that it may be out of date', () => {
    const doc = parse(renderBinderHtml({ municipality: '架空市', records, madeAt }));
    const note = doc.querySelector('[role="note"]')!;
    expect(note.textContent).toContain(
      'この写しは 令和8年11月29日（2026年） 14:30 時点の内容です。最新とは限りません。',
    );
    // The first thing in the body: before the cover's title.
    expect(
      note.compareDocumentPosition(doc.querySelector('.binder-cover-title')!) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(doc.title).toBe('架空市 緊急時バインダー（閲覧用の写し）');
    const text = doc.body.textContent ?? '';
    expect(text).toContain('代替手順「住民記録システム停止時の窓口対応」');
    expect(text).toContain('0120-000-111');
    expect(text).toContain('障害レベルの目安');
  });

  it('keeps markup in the records as text', () => {
    const hostile = '架空市</title><script>alert(1)</script>';
    const procedures = demo.procedure.map((p, i) =>
      i === 0 ? { ...p, title: '<img src=x onerror=alert(1)>手順' } : p,
    );
    const doc = parse(
      renderBinderHtml({ municipality: hostile, records: { ...records, procedures }, madeAt }),
    );
    expect(doc.querySelectorAll('script, img')).toHaveLength(0);
    expect(doc.title).toBe(`${hostile} 緊急時バインダー（閲覧用の写し）`);
    expect(doc.body.textContent).toContain('代替手順「<img src=x onerror=alert(1)>手順」');
  });
});

describe('「緊急用の閲覧コピー（HTML）を保存」', () => {
  let downloads: CapturedDownload[];

  beforeEach(async () => {
    await freshDatabaseWithStation();
    const system = await saveRecord('system', { ...emptySystem(), name: '税務システム' });
    await saveRecord('procedure', {
      ...pickData(demo.procedure[0]!),
      title: '税務システム停止時の窓口対応',
      systemIds: [system.id],
    });
    downloads = captureDownloads();
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.doUnmock('../../src/print/binderHtml.ts');
  });

  it('says first that the file holds personal data, then saves one HTML file', async () => {
    const user = userEvent.setup();
    render(<BinderCopyButton />);
    await user.click(
      await screen.findByRole('button', { name: '緊急用の閲覧コピー（HTML）を保存' }),
    );
    const notice = screen.getByRole('alertdialog');
    expect(notice).toHaveTextContent('連絡先の氏名・電話番号などの個人情報が含まれます');
    expect(notice).toHaveTextContent('ブラウザーでそのまま開ける形で保存されます');
    expect(downloads).toEqual([]);
    await user.click(within(notice).getByRole('button', { name: '保存する' }));
    expect(await screen.findByRole('status')).toHaveTextContent(/を保存しました。/);
    expect(downloads).toHaveLength(1);
    const [{ fileName, blob }] = downloads as [CapturedDownload];
    expect(fileName).toMatch(/^緊急時バインダー_架空市_\d{8}\.html$/);
    expect(blob.type).toBe('text/html;charset=utf-8');
    const doc = parse(await readFileText(blob));
    expect(doc.body.textContent).toContain('代替手順「税務システム停止時の窓口対応」');
    expect(doc.body.textContent).toMatch(/この写しは 令和.+時点の内容です。最新とは限りません。/);
  });

  it('saves nothing when asked to stop', async () => {
    const user = userEvent.setup();
    render(<BinderCopyButton />);
    await user.click(await screen.findByRole('button', { name: /閲覧コピー/ }));
    await user.click(screen.getByRole('button', { name: 'やめる' }));
    expect(downloads).toEqual([]);
    expect(screen.getByRole('button', { name: /閲覧コピー/ })).toBeEnabled();
  });

  it('says plainly when the copy cannot be made, and saves nothing', async () => {
    vi.doMock('../../src/print/binderHtml.ts', () => ({
      renderBinderHtml: () => {
        throw new Error('broken');
      },
    }));
    const user = userEvent.setup();
    render(<BinderCopyButton />);
    await user.click(await screen.findByRole('button', { name: /閲覧コピー/ }));
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '閲覧コピーを作れませんでした。ページを再読み込みしてから、もう一度お試しください。',
    );
    expect(downloads).toEqual([]);
  });
});
