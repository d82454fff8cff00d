import type { Plugin } from 'vite';

/**
 * The modules of the first screen (障害発生時, and what every screen shows) that are loaded lazily,
 * in one chunk instead of some thirty of a few hundred bytes each: every file gzipped alone
 * carries its own header, dictionary warm-up and import lines, which came to about a tenth of
 * the first screen's JavaScript (issue 9: ≤ 150 KB gzip). The set is the static-import closure
 * of `roots`, less what the entry itself imports (already in the entry chunk), taken from the
 * module graph once it is complete; `tests/unit/firstScreenImports.test.ts` walks the same roots.
 */
export function firstScreenChunk(roots: readonly string[]) {
  const modules = new Set<string>();
  const plugin: Plugin = {
    name: 'sonae-first-screen-chunk',
    apply: 'build',
    buildEnd() {
      modules.clear();
      const ids = [...this.getModuleIds()];
      const byRoot = (root: string) => ids.find((id) => id.endsWith(root));
      const closure = (from: readonly string[]) => {
        const seen = new Set<string>();
        const queue = [...from];
        while (queue.length > 0) {
          const id = queue.pop()!;
          if (seen.has(id)) continue;
          seen.add(id);
          queue.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
        return seen;
      };
      const entries = ids.filter((id) => this.getModuleInfo(id)?.isEntry);
      const inEntry = closure(entries);
      const lazyRoots = roots.map(byRoot).filter((id): id is string => id !== undefined);
      for (const id of closure(lazyRoots)) if (!inEntry.has(id)) modules.add(id);
    },
  };
  return { plugin, test: (id: string) => modules.has(id) };
}
