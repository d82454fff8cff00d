// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { patchBuildId } from '../../e2e/buildCopy.ts';

// The update tests' second build is a copy of the production build with its id patched. It is
// only a fair stand-in for a rebuild if the service worker sees what it would see after one:
// new bytes only under new names, every reference to a renamed file rewritten, and sw.js
// listing the new names with the new revisions of the unhashed files.

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const OLD_ID = '0.1.0+202611291933.02c1af3';
const INDEX_HTML =
  '<script type="module" src="./assets/index-AAAAAAAA.js"></script><link rel="stylesheet" href="./assets/index-C_CC-CCC.css">';
const VERSION = `{"version":"0.1.0","buildId":"${OLD_ID}"}\n`;

function build(): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>([
    ['index.html', INDEX_HTML],
    ['version.json', VERSION],
    [
      'assets/index-AAAAAAAA.js',
      `const v=\`${OLD_ID}\`;import("./Lazy-BBBBBBBB.js");const d=["assets/Lazy-BBBBBBBB.js","assets/index-C_CC-CCC.css"]`,
    ],
    [
      'assets/Lazy-BBBBBBBB.js',
      'import{a}from"./index-AAAAAAAA.js";import{b}from"./Leaf-DDDDDDDD.js"',
    ],
    ['assets/Leaf-DDDDDDDD.js', 'export const b=1'],
    ['assets/Uses-EEEEEEEE.js', 'import"./Lazy-BBBBBBBB.js"'],
    ['assets/index-C_CC-CCC.css', 'body{margin:0}'],
    ['icons/icon-192.png', new Uint8Array([137, 80, 78, 71])],
  ]);
  const entries = [
    `{url:"index.html",revision:"${md5(INDEX_HTML)}"}`,
    `{url:"version.json",revision:"${md5(VERSION)}"}`,
    ...[
      'index-AAAAAAAA.js',
      'Lazy-BBBBBBBB.js',
      'Leaf-DDDDDDDD.js',
      'Uses-EEEEEEEE.js',
      'index-C_CC-CCC.css',
    ].map((name) => `{url:"assets/${name}",revision:null}`),
  ];
  files.set('sw.js', `precacheAndRoute([${entries.join(',')}])`);
  return files;
}

const text = (files: Map<string, string | Uint8Array>, name: string) => files.get(name) as string;
const assetNamed = (files: Map<string, string | Uint8Array>, stem: string) =>
  [...files.keys()].find((name) => name.startsWith(`assets/${stem}-`))!;

describe('patchBuildId', () => {
  const patched = patchBuildId(build(), 'e2e-update-b');

  it('changes the id in the scripts and version.json', () => {
    expect(JSON.parse(text(patched, 'version.json'))).toEqual({
      version: '0.1.0',
      buildId: 'e2e-update-b',
    });
    const entry = text(patched, assetNamed(patched, 'index'));
    expect(entry).toContain('const v=`e2e-update-b`');
    expect([...patched.values()].some((c) => typeof c === 'string' && c.includes(OLD_ID))).toBe(
      false,
    );
  });

  it('renames every changed asset and every asset that names one, and only those', () => {
    const names = [...patched.keys()].sort();
    for (const gone of [
      'assets/index-AAAAAAAA.js',
      'assets/Lazy-BBBBBBBB.js',
      'assets/Uses-EEEEEEEE.js',
    ])
      expect(names).not.toContain(gone);
    expect(
      names.filter((n) => /^assets\/(index|Lazy|Uses)-[A-Za-z0-9_-]{8}\.js$/.test(n)),
    ).toHaveLength(3);
    // Unchanged, and naming nothing that changed: same name, same bytes.
    expect(text(patched, 'assets/Leaf-DDDDDDDD.js')).toBe('export const b=1');
    expect(text(patched, 'assets/index-C_CC-CCC.css')).toBe('body{margin:0}');
    expect(patched.get('icons/icon-192.png')).toEqual(new Uint8Array([137, 80, 78, 71]));
    // No file names a renamed asset by its old name any more.
    for (const content of patched.values())
      if (typeof content === 'string') expect(content).not.toMatch(/AAAAAAAA|BBBBBBBB|EEEEEEEE/);
  });

  it('rewrites references in index.html, the chunks and sw.js', () => {
    const entry = assetNamed(patched, 'index').slice('assets/'.length);
    const lazy = assetNamed(patched, 'Lazy').slice('assets/'.length);
    expect(text(patched, 'index.html')).toContain(`src="./assets/${entry}"`);
    expect(text(patched, `assets/${entry}`)).toContain(`import("./${lazy}")`);
    expect(text(patched, `assets/${lazy}`)).toContain(`from"./${entry}"`);
    expect(text(patched, 'sw.js')).toContain(`{url:"assets/${entry}",revision:null}`);
  });

  it('gives sw.js the new revisions of the unhashed files, so the browser sees a new worker', () => {
    const worker = text(patched, 'sw.js');
    expect(worker).toContain(`{url:"index.html",revision:"${md5(text(patched, 'index.html'))}"}`);
    expect(worker).toContain(
      `{url:"version.json",revision:"${md5(text(patched, 'version.json'))}"}`,
    );
    expect(worker).not.toBe(text(build(), 'sw.js'));
  });

  it('names assets differently for two ids, the same for one id', () => {
    const a = patchBuildId(build(), 'e2e-update-a');
    expect(assetNamed(a, 'index')).not.toBe(assetNamed(patched, 'index'));
    expect([...patchBuildId(build(), 'e2e-update-a')]).toEqual([...a]);
  });

  it('refuses what it cannot patch soundly', () => {
    expect(() => patchBuildId(build(), '../bad id')).toThrow(/not a build id/);
    const noVersion = build();
    noVersion.delete('version.json');
    expect(() => patchBuildId(noVersion, 'x')).toThrow(/no version\.json/);
    const noLiteral = build().set('assets/index-AAAAAAAA.js', 'const v=1');
    expect(() => patchBuildId(noLiteral, 'x')).toThrow(/not found in any script/);
    expect(() => patchBuildId(build(), OLD_ID)).toThrow(/already has the id/);
  });
});
