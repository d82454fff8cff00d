import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';
import { useState } from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AttachmentView } from '../../src/features/incidents/AttachmentView.tsx';
import { AttachmentsEditor } from '../../src/features/incidents/AttachmentsEditor.tsx';
import type { IncidentFormValues } from '../../src/features/incidents/incidentFormValues.ts';
import { emptyIncident, type AttachmentRef } from '../../src/domain/incident.ts';
import { openFreshDatabase } from '../testDatabase.ts';
import type { SonaeDatabase } from '../../src/db/database.ts';

const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);
const SVG = new TextEncoder().encode(
  '<svg xmlns="http://www.w3.org/2000/svg"><script>window.top.pwned = 1</script></svg>',
);
const PDF = new TextEncoder().encode('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n');

let db: SonaeDatabase;
/** Every Blob the component turned into a URL, by the URL it got. */
let created: Map<string, Blob>;

beforeEach(() => {
  // Node's Blob: jsdom's does not survive fake-indexeddb's structured clone.
  vi.stubGlobal('Blob', NodeBlob);
  ({ db } = openFreshDatabase());
  created = new Map();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${created.size}`;
    created.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Stores `bytes` under the blob type a sender chose and renders the attachment. */
async function showStored(name: string, bytes: Uint8Array<ArrayBuffer>, storedType: string) {
  const ref: AttachmentRef = {
    id: '0000aaaa-0000-4000-8000-000000000001',
    name,
    mediaType: storedType,
    size: bytes.length,
    sha256: '0'.repeat(64),
  };
  await db.attachments.put({ id: ref.id, blob: new Blob([bytes], { type: storedType }) });
  render(<AttachmentView attachment={ref} />);
  return screen.findByRole('link', { name: `${name}を保存` });
}

describe('AttachmentView opens only what cannot run script', () => {
  it('offers an SVG with script only as a download, typed application/octet-stream', async () => {
    const save = await showStored('evil.svg', SVG, 'image/svg+xml');
    expect(save).toHaveAttribute('download', 'evil.svg');
    expect(save).not.toHaveAttribute('target');
    expect(created.get(save.getAttribute('href')!)!.type).toBe('application/octet-stream');
    expect(screen.queryByRole('link', { name: /を開く$/ })).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText(/保存だけできます/)).toBeInTheDocument();
  });

  it('does not trust a stored image type on HTML bytes', async () => {
    const save = await showStored(
      'photo.png',
      new TextEncoder().encode('<html><script>'),
      'image/png',
    );
    expect(created.get(save.getAttribute('href')!)!.type).toBe('application/octet-stream');
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('shows a PNG sent as text/html as the PNG it is, opening in a new tab', async () => {
    const save = await showStored('画面.html', PNG, 'text/html');
    const open = screen.getByRole('link', { name: '画面.htmlを開く' });
    expect(open).toHaveAttribute('target', '_blank');
    expect(open.getAttribute('rel')).toContain('noopener');
    expect(created.get(open.getAttribute('href')!)!.type).toBe('image/png');
    expect(screen.getByRole('img')).toHaveAttribute('src', open.getAttribute('href'));
    expect(save).toHaveAttribute('download', '画面.html.png');
  });

  it('opens a PDF without a thumbnail', async () => {
    await showStored('手順書.pdf', PDF, '');
    const open = screen.getByRole('link', { name: '手順書.pdfを開く' });
    expect(created.get(open.getAttribute('href')!)!.type).toBe('application/pdf');
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('says when the bytes are not on this PC', async () => {
    const ref: AttachmentRef = {
      id: '0000aaaa-0000-4000-8000-000000000002',
      name: 'a.png',
      mediaType: 'image/png',
      size: 1,
      sha256: '0'.repeat(64),
    };
    render(<AttachmentView attachment={ref} />);
    expect(await screen.findByText(/この PC にはファイルがありません/)).toBeInTheDocument();
    expect(created.size).toBe(0);
  });
});

describe('AttachmentsEditor stores the type the bytes are, not the one the browser guessed', () => {
  function Harness({ onValues }: { onValues: (values: IncidentFormValues) => void }) {
    const [values, setValues] = useState<IncidentFormValues>({
      data: emptyIncident(),
      baseRev: null,
      baseStatus: null,
      newBlobs: {},
    });
    onValues(values);
    return <AttachmentsEditor values={values} setValues={setValues} errors={{}} />;
  }

  it('keeps an SVG as application/octet-stream and a PNG as image/png', async () => {
    const user = userEvent.setup();
    let latest: IncidentFormValues | undefined;
    render(<Harness onValues={(v) => (latest = v)} />);
    await user.upload(screen.getByLabelText('ファイルを追加'), [
      // Node's File: jsdom's has no arrayBuffer().
      new NodeFile([SVG], 'evil.svg', { type: 'image/svg+xml' }) as unknown as File,
      new NodeFile([PNG], 'screen.png', { type: 'image/png' }) as unknown as File,
    ]);
    await waitFor(() => expect(latest!.data.attachments).toHaveLength(2));
    const [svg, png] = latest!.data.attachments;
    expect(svg).toMatchObject({ name: 'evil.svg', mediaType: 'application/octet-stream' });
    expect(png).toMatchObject({ name: 'screen.png', mediaType: 'image/png', size: PNG.length });
    expect(latest!.newBlobs[svg!.id]!.type).toBe('application/octet-stream');
    expect(latest!.newBlobs[png!.id]!.type).toBe('image/png');
  });
});
