import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeOfflineStatus } from '../../../src/app/offlineStatusText.ts';
import type { OfflineStatus } from '../../../src/app/serviceWorker.ts';
import { findHelpTopic } from '../../../src/features/help/helpTopics.ts';
import { renderMarkdown } from '../../../src/features/help/renderMarkdown.ts';

// Issue 10, item 5: the UI pointed staff at 「docs/deployment.md」, a file that is not in the
// release zip. It now links to the app's own copy of that guide (手引き), which opens offline.

const ROOT = path.resolve(import.meta.dirname, '../../..');
const statuses: OfflineStatus[] = [
  'ready',
  'installing',
  'insecure',
  'unavailable',
  'failed',
  'disabled',
];

describe('describeOfflineStatus', () => {
  it('never names a repository file; a status that needs the administrator links to 手引き', () => {
    for (const status of statuses) {
      const { label, detail, help } = describeOfflineStatus(status);
      expect(`${label}${detail}`, status).not.toMatch(/docs\/|\.md\b/);
      if (help) expect(help.to, status).toMatch(/^\/help\/deployment\?section=/);
    }
    expect(describeOfflineStatus('insecure').help?.label).toContain('オフラインで使うための条件');
    expect(describeOfflineStatus('ready').help).toBeUndefined();
  });

  it('links only to headings that exist in docs/deployment.md', () => {
    const topic = findHelpTopic('deployment')!;
    const markdown = readFileSync(path.join(ROOT, topic.file), 'utf8');
    const ids = renderMarkdown(markdown, () => null).headings.map((h) => h.id);
    for (const status of statuses) {
      const help = describeOfflineStatus(status).help;
      if (!help) continue;
      const section = decodeURIComponent(new URL(help.to, 'http://x').searchParams.get('section')!);
      expect(ids, `${status} → ${section}`).toContain(`help-${section}`);
    }
  });
});
