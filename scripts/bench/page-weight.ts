/**
 * The JavaScript a page makes the browser download and run before any interaction: every
 * <script src> in its prerendered HTML plus its inline scripts (the RSC payload), measured raw and
 * gzip-compressed as a server would send them. Chunks loaded later (Monaco, on first focus) are
 * not in the HTML, so they do not count: that is the point. Nor do `nomodule` scripts (Next's
 * polyfills), which every browser that runs modules skips.
 */
import { readFileSync } from 'node:fs';
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
