/**
 * The JavaScript a page makes the browser download and run before any interaction: every
 * <script src> in its prerendered HTML plus its inline scripts (the RSC payload), measured raw and
 * gzip-compressed as a server would send them. Chunks loaded later (Monaco, on first focus) are
 * not in the HTML, so they do not count: that is the point. Nor do `nomodule` scripts (Next's
 * polyfills), which every browser that runs modules skips.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  scripts: number;
  rawBytes: number;
  gzipBytes: number;
  /** The largest chunks by compressed size, for finding what to trim. */
  largest: { file: string; gzipBytes: number }[];
}

const gzipSize = (content: Buffer | string) => gzipSync(content, { level: 6 }).length;

export function pageWeight(html: string, nextDir: string): PageWeight {
  const sources = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)]
    .filter((match) => !/\snomodule/i.test(`${match[1]} ${match[3]}`))
    .map((match) => match[2]!);
  const unique = [...new Set(sources)].filter((src) => src.startsWith('/_next/static/'));
  const chunks = unique.map((src) => {
    const content = readFileSync(
      path.join(nextDir, 'static', decodeURIComponent(src.replace(/^\/_next\/static\//, '').split('?')[0]!)),
    );
    return { file: src, raw: content.length, gzip: gzipSize(content) };
  });
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((match) => match[1]!)
    .join('\n');
  return {
    scripts: chunks.length,
    rawBytes: chunks.reduce((sum, chunk) => sum + chunk.raw, 0) + Buffer.byteLength(inline),
    gzipBytes: chunks.reduce((sum, chunk) => sum + chunk.gzip, 0) + (inline ? gzipSize(inline) : 0),
    largest: chunks
      .sort((a, b) => b.gzip - a.gzip)
      .slice(0, 3)
      .map((chunk) => ({ file: chunk.file, gzipBytes: chunk.gzip })),
  };
}

/** The budget for a lesson page's JavaScript before interaction, gzip (docs/benchmarks.md). */
export const LESSON_TARGET_BYTES = 200 * 1024;

function htmlFiles(dir: string, prefix = ''): { route: string; file: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'api' ? [] : htmlFiles(full, `${prefix}/${name}`);
    if (!name.endsWith('.html') || name.startsWith('_')) return [];
    const base = name.replace(/\.html$/, '');
    return [{ route: base === 'index' && !prefix ? '/' : `${prefix}/${base}`, file: full }];
  });
}

/** Every prerendered route of a build with its page weight, by route; null when there is no build. */
export function prerenderedPageWeights(nextDir: string): ({ route: string } & PageWeight)[] | null {
  const appDir = path.join(nextDir, 'server', 'app');
  if (!existsSync(appDir)) return null;
  return htmlFiles(appDir)
    .map(({ route, file }) => ({ route, ...pageWeight(readFileSync(file, 'utf8'), nextDir) }))
    .sort((a, b) => a.route.localeCompare(b.route));
}
