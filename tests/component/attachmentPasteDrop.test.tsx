import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';
import { useState } from 'react';
import { createEvent, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AttachmentsEditor } from '../../src/features/incidents/AttachmentsEditor.tsx';
import type { IncidentFormValues } from '../../src/features/incidents/incidentFormValues.ts';
import { emptyIncident, MAX_ATTACHMENT_BYTES } from '../../src/domain/incident.ts';
import { openFreshDatabase } from '../testDatabase.ts';

// Issue 14, item 4: Ctrl+V of a screenshot and a drop of files add attachments; text pastes,
// other types and oversize files change nothing.

const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>');

// Node's File: jsdom's has no arrayBuffer().
const file = (bytes: Uint8Array, name: string, type: string) =>
  new NodeFile([bytes], name, { type }) as unknown as File;

/** What a paste or drop carries, as Chromium fills it. */
function transfer(files: File[], text?: string) {
  return {
    files,
    items: files.map((f) => ({ kind: 'file', type: f.type, getAsFile: () => f })),
    types: [...(files.length ? ['Files'] : []), ...(text === undefined ? [] : ['text/plain'])],
    getData: (format: string) => (format === 'text/plain' ? (text ?? '') : ''),
  };
}

/** Fires a paste on `target` and tells whether the app took it over from the browser. */
function paste(target: Element, files: File[], text?: string): boolean {
  const event = createEvent.paste(target, { clipboardData: transfer(files, text) });
  fireEvent(target, event);
  return event.defaultPrevented;
}

function drop(target: Element, files: File[]): boolean {
  const dataTransfer = transfer(files);
  fireEvent.dragEnter(target, { dataTransfer });
  const event = createEvent.drop(target, { dataTransfer });
  fireEvent(target, event);
  return event.defaultPrevented;
}

let latest: IncidentFormValues;

function Harness() {
  const [values, setValues] = useState<IncidentFormValues>({
    data: emptyIncident(),
    baseRev: null,
    baseStatus: null,
    newBlobs: {},
  });
  latest = values;
  return (
    <form>
      <label>
        症状
        <textarea />
      </label>
      <AttachmentsEditor values={values} setValues={setValues} errors={{}} />
    </form>
  );
}

beforeEach(() => {
  vi.stubGlobal('Blob', NodeBlob);
  openFreshDatabase();
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => `blob:test/${n++}`);
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('pasting a screenshot', () => {
  it('adds it with a Japanese name in Tokyo time and shows its thumbnail', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-29T01:15:03.400Z'));
    render(<Harness />);
    expect(paste(document.body, [file(PNG, 'image.png', 'image/png')])).toBe(true);
    await waitFor(() => expect(latest.data.attachments).toHaveLength(1));
    const [ref] = latest.data.attachments;
    expect(ref).toMatchObject({
      name: '貼り付け_2026-11-29_10-15-03.png',
      mediaType: 'image/png',
      size: PNG.length,
    });
    expect(latest.newBlobs[ref!.id]!.type).toBe('image/png');
    expect(
      await screen.findByRole('img', { name: '貼り付け_2026-11-29_10-15-03.png' }),
    ).toHaveAttribute('loading', 'lazy');
  });

  it('numbers several pictures pasted at once and keeps a real file name', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-29T01:15:03Z'));
    render(<Harness />);
    paste(document.body, [
      file(PNG, 'image.png', 'image/png'),
      file(JPEG, '', 'image/jpeg'),
      file(PNG, '窓口PC-01.png', 'image/png'),
    ]);
    await waitFor(() => expect(latest.data.attachments).toHaveLength(3));
    expect(latest.data.attachments.map((a) => a.name)).toEqual([
      '貼り付け_2026-11-29_10-15-03_1.png',
      '貼り付け_2026-11-29_10-15-03_2.jpg',
      '窓口PC-01.png',
    ]);
  });

  it('leaves a text paste into a field to the browser, even with a picture of it (Excel)', async () => {
    render(<Harness />);
    const textarea = screen.getByLabelText('症状');
    expect(paste(textarea, [file(PNG, 'image.png', 'image/png')], 'ERR-102')).toBe(false);
    expect(paste(textarea, [], 'ERR-102')).toBe(false);
    expect(paste(document.body, [], 'ERR-102')).toBe(false);
    // The browser's own paste still types into the field.
    const user = userEvent.setup();
    await user.click(textarea);
    await user.paste('ERR-102 住所コードが不正です');
    expect(textarea).toHaveValue('ERR-102 住所コードが不正です');
    expect(latest.data.attachments).toEqual([]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses a file that does not open in the browser, with a reason', async () => {
    render(<Harness />);
    expect(paste(document.body, [file(SVG, 'evil.svg', 'image/svg+xml')])).toBe(true);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /追加できるのは、画面で開ける PNG・JPEG・GIF・WebP の画像と PDF だけです。追加できなかったファイル: 「evil.svg」/,
    );
    expect(latest.data.attachments).toEqual([]);
    expect(latest.newBlobs).toEqual({});
  });

  it('refuses an oversize picture and keeps the others', async () => {
    render(<Harness />);
    const big = file(new Uint8Array(MAX_ATTACHMENT_BYTES + 1), '大きい写真.jpg', 'image/jpeg');
    paste(document.body, [big, file(PNG, 'image.png', 'image/png')]);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '添付ファイルは1つ15MBまでです。追加できなかったファイル: 「大きい写真.jpg」',
    );
    await waitFor(() => expect(latest.data.attachments).toHaveLength(1));
    expect(latest.data.attachments[0]!.name).toMatch(/^貼り付け_/);
  });
});

describe('dropping files', () => {
  it('adds several at once under their own names and keeps the browser from opening them', async () => {
    render(<Harness />);
    const fieldset = screen.getByRole('group', { name: /添付/ });
    expect(
      drop(fieldset, [file(PNG, '画面.png', 'image/png'), file(JPEG, '写真.jpg', 'image/jpeg')]),
    ).toBe(true);
    await waitFor(() => expect(latest.data.attachments).toHaveLength(2));
    expect(latest.data.attachments.map((a) => [a.name, a.mediaType])).toEqual([
      ['画面.png', 'image/png'],
      ['写真.jpg', 'image/jpeg'],
    ]);
    expect(fieldset).not.toHaveClass('is-dragging');
  });

  it('shows where to drop while files are dragged over the page', () => {
    render(<Harness />);
    const dataTransfer = transfer([file(PNG, '画面.png', 'image/png')]);
    fireEvent.dragEnter(document.body, { dataTransfer });
    expect(screen.getByText('ここで離すと添付します')).toBeInTheDocument();
    fireEvent.dragLeave(document.body, { dataTransfer });
    expect(screen.queryByText('ここで離すと添付します')).toBeNull();
  });

  it('refuses an empty file and a type that does not open in the browser', async () => {
    render(<Harness />);
    drop(document.body, [
      file(new Uint8Array(0), '空.png', 'image/png'),
      file(SVG, 'a.svg', 'image/svg+xml'),
    ]);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      '読み取れないファイル（空のファイルやフォルダー）は追加できません: 「空.png」',
    );
    expect(alert).toHaveTextContent('追加できなかったファイル: 「a.svg」');
    expect(latest.data.attachments).toEqual([]);
  });

  it('leaves a drag of text between fields to the browser', () => {
    render(<Harness />);
    const event = createEvent.drop(screen.getByLabelText('症状'), {
      dataTransfer: { files: [], items: [], types: ['text/plain'] },
    });
    fireEvent(screen.getByLabelText('症状'), event);
    expect(event.defaultPrevented).toBe(false);
    expect(latest.data.attachments).toEqual([]);
  });
});

describe('the large view and 縮小して保存 in the form', () => {
  async function pasteOne() {
    render(<Harness />);
    paste(document.body, [file(PNG, '画面.png', 'image/png')]);
    return screen.findByRole('img', { name: '画面.png' });
  }

  it('opens a thumbnail large in the page and closes it', async () => {
    await pasteOne();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '画面.pngを拡大表示' }));
    const dialog = screen.getByRole('dialog', { name: '画面.png（拡大表示）' });
    expect(within(dialog).getByRole('img', { name: '画面.png' })).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: '画面.pngを保存' })).toHaveAttribute(
      'download',
      '画面.png',
    );
    await user.click(within(dialog).getByRole('button', { name: '閉じる' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('offers 縮小して保存 only for a picture larger than 1600 px', async () => {
    const thumbnail = await pasteOne();
    Object.defineProperties(thumbnail, {
      naturalWidth: { value: 1600 },
      naturalHeight: { value: 900 },
    });
    fireEvent.load(thumbnail);
    expect(await screen.findByText('1600×900')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /縮小して保存/ })).toBeNull();
  });

  it('says so and keeps the picture when it cannot be decoded', async () => {
    vi.stubGlobal('createImageBitmap', () =>
      Promise.reject(new DOMException('bad', 'InvalidStateError')),
    );
    const thumbnail = await pasteOne();
    Object.defineProperties(thumbnail, {
      naturalWidth: { value: 4000 },
      naturalHeight: { value: 3000 },
    });
    fireEvent.load(thumbnail);
    const before = structuredClone(latest.data.attachments);
    await userEvent
      .setup()
      .click(await screen.findByRole('button', { name: '画面.pngを縮小して保存' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '画像を読み取れないため縮小できませんでした',
    );
    expect(latest.data.attachments).toEqual(before);
    expect(Object.keys(latest.newBlobs)).toEqual([before[0]!.id]);
  });
});
