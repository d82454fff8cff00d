// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 12, item 11: the policy in index.html and the header in every sample server config of
// docs/deployment.md say the same thing (the header adds only frame-ancestors, which a <meta>
// cannot carry), so a deployment never runs with a weaker or a diverging policy.

const ROOT = path.resolve(import.meta.dirname, '../../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

function metaPolicy(): string {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
    read('index.html'),
  );
  if (!match) throw new Error('index.html has no Content-Security-Policy meta tag');
  return match[1]!;
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('the Content-Security-Policy of index.html', () => {
  const policy = directives(metaPolicy());

  it('allows script only from the app’s own files, and no plugins or <base> rewrite', () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
  });

  it('never allows inline script or eval, anywhere', () => {
    for (const [name, sources] of policy)
      if (name.startsWith('script-src') || name === 'default-src' || name === 'worker-src')
        expect(
          sources.filter((s) => /unsafe|data:|blob:|\*/.test(s)),
          name,
        ).toEqual([]);
  });

  it('allows inline style attributes only, never <style> elements', () => {
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
  });

  it('leaves out frame-ancestors, which a <meta> cannot carry', () => {
    expect(policy.has('frame-ancestors')).toBe(false);
  });
});

describe('the header in the shipped server samples (deploy/) and docs/deployment.md', () => {
  const doc = read('docs/deployment.md');
  const header = `${metaPolicy()}; frame-ancestors 'none'`;
  const samples: [string, string, RegExp][] = [
    ['deploy/web.config', 'IIS', /<add name="Content-Security-Policy"\s+value="([^"]+)"/g],
    ['deploy/apache-sonae.conf', 'Apache', /Header always set Content-Security-Policy "([^"]+)"/g],
    ['deploy/htaccess', 'Apache .htaccess', /Header always set Content-Security-Policy "([^"]+)"/g],
    ['deploy/nginx.conf', 'nginx', /add_header Content-Security-Policy "([^"]+)" always;/g],
    ['docs/deployment.md', 'the value to copy', /```text\n(default-src[^\n]+)\n```/g],
  ];
  for (const [file, server, pattern] of samples)
    it(`${server} (${file}): every header is the meta policy plus frame-ancestors 'none'`, () => {
      const found = [...read(file).matchAll(pattern)].map((match) => match[1]);
      expect(found.length).toBeGreaterThan(0);
      for (const value of found) expect(value).toBe(header);
    });

  it('says that frame-ancestors works only as a header', () => {
    expect(doc).toMatch(/frame-ancestors.*<meta>` では効かず/);
  });
});
