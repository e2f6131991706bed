/**
 * `npm run bench:pages`: builds the app (when the sources changed) and prints, per prerendered
 * route, the JavaScript sent before any interaction, compressed. Target: a lesson page under
 * 200 KB (gzip). Exits non-zero when a lesson page misses it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pageWeight } from './bench/page-weight';
import { buildApp, isBuildFresh } from './setup/build';
import { done, fail, step } from './setup/log';

const root = path.resolve(import.meta.dirname, '..');
const nextDir = path.join(root, '.next');
const LESSON_TARGET_BYTES = 200 * 1024;

function htmlFiles(dir: string, prefix = ''): { route: string; file: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'api' ? [] : htmlFiles(full, `${prefix}/${name}`);
    if (!name.endsWith('.html') || name.startsWith('_')) return [];
    const base = name.replace(/\.html$/, '');
    return [{ route: base === 'index' && !prefix ? '/' : `${prefix}/${base}`, file: full }];
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function main(): Promise<void> {
  if (!isBuildFresh(root) && !(await buildApp(root))) fail('The build failed: see above.');
  const appDir = path.join(nextDir, 'server', 'app');
  if (!existsSync(appDir)) fail('No prerendered pages in .next/server/app: run npm run build.');
  step('JavaScript before any interaction, per route (gzip level 6; Monaco and other lazy chunks excluded)');
  const rows = htmlFiles(appDir)
    .map(({ route, file }) => ({ route, ...pageWeight(readFileSync(file, 'utf8'), nextDir) }))
    .sort((a, b) => a.route.localeCompare(b.route));
  const width = Math.max(...rows.map((row) => row.route.length));
  console.log(`  ${'route'.padEnd(width)}  scripts   raw        gzip`);
  for (const row of rows)
    console.log(
      `  ${row.route.padEnd(width)}  ${String(row.scripts).padStart(7)}   ${kb(row.rawBytes).padStart(9)}  ${kb(row.gzipBytes).padStart(9)}`,
    );
  const lessons = rows.filter((row) => row.route.startsWith('/learn/'));
  const heaviest = lessons.reduce((max, row) => (row.gzipBytes > max.gzipBytes ? row : max), lessons[0]!);
  console.log(
    `  Largest chunks of ${heaviest.route}: ${heaviest.largest.map((chunk) => `${path.basename(chunk.file)} ${kb(chunk.gzipBytes)}`).join(', ')}`,
  );
  if (heaviest.gzipBytes > LESSON_TARGET_BYTES)
    fail(
      `${heaviest.route} sends ${kb(heaviest.gzipBytes)} of JavaScript before interaction: the target is under ${kb(LESSON_TARGET_BYTES)}.`,
    );
  done(
    `Every lesson page is under ${kb(LESSON_TARGET_BYTES)} (heaviest: ${heaviest.route}, ${kb(heaviest.gzipBytes)} gzip).`,
  );
}
