/**
 * `npm run new:lesson -- "Title" [--track <id>]`: writes content/lessons/<slug>.mdx from the
 * template, at the end of the track (the last track by default), and never overwrites a lesson.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../lib/content/lessons';
import { lessonTemplate, slugFromTitle } from '../lib/content/scaffold';
import { portsOf } from '../lib/servers/ports';
import { done, fail } from './setup/log';

const root = path.resolve(import.meta.dirname, '..');

export function main(_command: string, args: string[]): void {
  const { values, positionals } = parseArgs({ args, options: { track: { type: 'string' } }, allowPositionals: true });
  const trackId = values.track;
  const title = positionals.join(' ').trim();
  if (title.length < 3)
    fail('Give the lesson a title: npm run new:lesson -- "Sorted sets in depth" [--track data-and-commands]');
  const slug = slugFromTitle(title);
  if (!slug) fail(`"${title}" has no letters or digits to make a file name from.`);
  const library = loadContent(path.join(root, 'content'));
  const track = trackId ? library.tracks.find((candidate) => candidate.id === trackId) : library.tracks.at(-1);
  if (!track)
    fail(`There is no track "${trackId}". Tracks: ${library.tracks.map((candidate) => candidate.id).join(', ')}.`);
  const file = path.join(root, 'content', 'lessons', `${slug}.mdx`);
  if (existsSync(file)) fail(`content/lessons/${slug}.mdx already exists: choose another title.`);
  const order = Math.max(0, ...track.lessons.map((lesson) => lesson.order)) + 1;
  writeFileSync(
    file,
    lessonTemplate({ title, slug, track: track.id, order, today: new Date().toISOString().slice(0, 10) }),
  );
  done(`Wrote content/lessons/${slug}.mdx (track "${track.id}", position ${order}).`);
  console.log(
    `  Edit it, then run npm run content:check. The guide is at http://localhost:${portsOf('local').http}/authoring.`,
  );
}
