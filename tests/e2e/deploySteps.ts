import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { writeRelease } from '../../scripts/package.ts';

// What an IT section does with a release, for deploy.test.ts: the zip as `npm run package` makes
// it, and the marked shell blocks of docs/deployment.md run as written.

const run = promisify(execFile);

const DEPLOYMENT_DOC = 'docs/deployment.md';

/** The fenced block right after `<!-- e2e:NAME -->` in docs/deployment.md, unindented. */
export function docBlock(name: string): string {
  const doc = readFileSync(DEPLOYMENT_DOC, 'utf8');
  const found = new RegExp(`<!-- e2e:${name} -->\\n( *)\`\`\`\\w*\\n([\\s\\S]*?)\\n\\1\`\`\``).exec(
    doc,
  );
  if (!found) throw new Error(`${DEPLOYMENT_DOC} has no block marked e2e:${name}`);
  const indent = found[1]!.length;
  return found[2]!
    .split('\n')
    .map((line) => line.slice(indent))
    .join('\n');
}

/**
 * Runs a shell block of docs/deployment.md as an administrator pastes it, with the variables it
 * tells them to edit (`ZIP=`, `WORK=`, `WEB=`) set for this machine — every other line as written.
 * Stricter than a paste: the first failing command fails the test. Returns what it printed.
 */
export async function runDocCommands(name: string, vars: Record<string, string>): Promise<string> {
  // A later block leans on the variables the administrator set in an earlier one (same shell).
  let script = Object.entries(vars)
    .map(([variable, value]) => `${variable}='${value}'\n`)
    .join('');
  script += docBlock(name).replace(new RegExp(`^(${Object.keys(vars).join('|')})=.*$`, 'gm'), '');
  // Never touch this machine's real web or work folders, whatever a future doc edit sets.
  if (/\/var\/www|\/srv\//.test(script))
    throw new Error(`e2e:${name} sets a path the test does not`);
  const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', script], { cwd: tmpdir() });
  return stdout;
}

export interface PackagedZip {
  path: string;
  sha256: string;
}

/**
 * Packs a built folder the way `npm run package` does (scripts/package.ts, with the project's
 * deploy/ beside sonae/), dated `date`: two releases are days apart, and a server's ETag is the
 * files' time and size, so two zips packed in the same second could look unchanged to it.
 */
export async function packageBuild(
  dist: string,
  outDir: string,
  buildId: string,
  date: Date,
): Promise<PackagedZip> {
  const { path, sha256 } = await writeRelease({ dist, outDir, date, buildId });
  return { path, sha256 };
}
