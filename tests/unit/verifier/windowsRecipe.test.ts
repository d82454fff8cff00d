// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKER_PATH, sha256Sums } from '../../../scripts/package.ts';

// docs/bundle-format.md §9's Windows recipe cannot run here (no PowerShell on the test machine),
// so this checks what it relies on: the path it opens is where the zip puts the page, and its
// Select-String pattern picks exactly the page's line of SHA256SUMS.txt as package.ts writes it
// (.NET and JavaScript read this pattern alike).

const ROOT = path.resolve(import.meta.dirname, '../../..');
const doc = readFileSync(path.join(ROOT, 'docs/bundle-format.md'), 'utf8');
const windows = doc.slice(doc.indexOf('### Windows の PC で確かめる'), doc.indexOf('## 10.'));
const powershell = [...windows.matchAll(/```powershell\n([\s\S]*?)```/g)].map(([, code]) => code!);

describe('the Windows recipe of docs/bundle-format.md §9', () => {
  it('opens the page where the zip puts it', () => {
    expect(CHECKER_PATH).toBe('tools/bundle-checker.html');
    expect(windows).toContain(`\`${CHECKER_PATH.replaceAll('/', '\\')}\``);
    expect(powershell[0]).toContain(`.\\${CHECKER_PATH.replaceAll('/', '\\')}`);
  });

  it("compares the page's Get-FileHash with exactly its line of SHA256SUMS.txt", () => {
    const pattern = /-Pattern '([^']+)'/.exec(powershell[0]!)![1]!;
    const sums = sha256Sums(
      new Map([
        ['sonae/index.html', new Uint8Array([1])],
        [CHECKER_PATH, new Uint8Array([2])],
        ['tools/bundle-checker.html.bak', new Uint8Array([3])],
        ['deploy/README.txt', new Uint8Array([4])],
      ]),
    );
    const lines = sums.trimEnd().split('\n');
    const matched = lines.filter((line) => new RegExp(pattern).test(line));
    expect(matched).toHaveLength(1);
    // `-split '  '` then `[0]`: the hash, which `-eq` compares without regard to case.
    expect(matched[0]!.split('  ')[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(matched[0]!.endsWith(`  ${CHECKER_PATH}`)).toBe(true);
    expect(powershell[0]).toContain("-split '  ')[0]");
  });
});
