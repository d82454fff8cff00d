import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

// The first screen (障害発生時) must not load zod, the record schemas, @noble or the upgrade code
// (issue 9; docs/architecture.md «The first screen's JavaScript»). This walks the static imports
// from the app's entry and the outage screen (and the parts every screen shows) and names the
// chain to anything forbidden. Dynamic `import()` and type-only imports are not followed.

const ROOTS = [
  'src/main.tsx',
  'src/features/outage/OutagePage.tsx',
  'src/app/BackupReminder.tsx',
  'src/features/review/ReviewNavCount.tsx',
];
const FORBIDDEN_PACKAGES = /^(zod|@noble\/|canonicalize|@holiday-jp\/)/;
const FORBIDDEN_MODULES = [
  'src/domain/zodLocale.ts',
  'src/domain/recordSchemas.ts',
  'src/db/recordUpgrades.ts',
  'src/db/carryOver.ts',
];

const IMPORT =
  /^\s*(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm;

function staticImports(file: string): { path: string; external: boolean }[] {
  const out: { path: string; external: boolean }[] = [];
  for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    if (m[1]) continue; // import type … / export type …
    const spec = m[3] ?? m[4]!;
    const clause = m[2] ?? '';
    // `import { type A, type B } from` is erased too; `{ type A, b }` is not.
    const names = clause
      .replace(/[{}]/g, '')
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    if (clause.startsWith('{') && names.length > 0 && names.every((n) => n.startsWith('type ')))
      continue;
    if (spec.startsWith('.')) {
      const path = resolve(dirname(file), spec);
      if (existsSync(path)) out.push({ path: relative(process.cwd(), path), external: false });
    } else out.push({ path: spec, external: true });
  }
  return out;
}

function forbiddenChains(): string[] {
  const parent = new Map<string, string | null>(ROOTS.map((r) => [r, null]));
  const queue = [...ROOTS];
  const found: string[] = [];
  const chain = (from: string) => {
    const names: string[] = [];
    for (let f: string | null = from; f; f = parent.get(f) ?? null) names.unshift(f);
    return names.join(' → ');
  };
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const { path, external } of staticImports(file)) {
      if (external) {
        if (FORBIDDEN_PACKAGES.test(path)) found.push(`${chain(file)} → ${path}`);
        continue;
      }
      if (FORBIDDEN_MODULES.includes(path)) found.push(`${chain(file)} → ${path}`);
      else if (!parent.has(path) && /\.(ts|tsx)$/.test(path)) {
        parent.set(path, file);
        queue.push(path);
      }
    }
  }
  return found;
}

describe('the first screen’s imports', () => {
  it('reach no zod, record schema, @noble or upgrade code', () => {
    expect(forbiddenChains()).toEqual([]);
  });
});
