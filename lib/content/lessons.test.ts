import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentLibrary, ContentError, lessonNeighbours, loadContent } from './lessons';

const TRACKS = JSON.stringify([
  { id: 'foundations', title: 'Foundations', summary: 'The first things to know.' },
  { id: 'later', title: 'Later track', summary: 'Things to learn afterwards.' },
]);

function lesson(fields: Record<string, unknown>): string {
  const base = {
    title: 'A lesson',
    summary: 'What this lesson covers.',
    track: 'foundations',
    order: 1,
    minutes: 5,
    objectives: ['Do a thing'],
    ...fields,
  };
  const yaml = Object.entries(base)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n');
  return `---\n${yaml}\n---\n\nBody.\n`;
}

function contentDir(lessons: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'keyspace-content-'));
  mkdirSync(path.join(dir, 'lessons'));
  writeFileSync(path.join(dir, 'tracks.json'), TRACKS);
  for (const [name, text] of Object.entries(lessons)) writeFileSync(path.join(dir, 'lessons', name), text);
  return dir;
}

describe('loadContent', () => {
  it('orders lessons by track, then by order, and derives neighbours from that', () => {
    const library = loadContent(
      contentDir({
        'b.mdx': lesson({ title: 'Second', order: 2 }),
        'a.mdx': lesson({ title: 'First', order: 1 }),
        'c.mdx': lesson({ title: 'Third', track: 'later', order: 1 }),
      }),
    );
    expect(library.lessons.map((l) => l.slug)).toEqual(['a', 'b', 'c']);
    expect(library.tracks.map((t) => t.lessons.length)).toEqual([2, 1]);
  });

  it.each([
    ['a missing field', { minutes: undefined }, '"minutes"'],
    ['a wrong type', { minutes: 'five' }, '"minutes"'],
    ['no objectives', { objectives: [] }, '"objectives"'],
    ['an unknown field', { author: 'me' }, 'author'],
    ['an unknown track', { track: 'nowhere' }, '"track"'],
    ['a bad review date', { reviewed: '26/11/2026' }, '"reviewed"'],
  ])('fails on %s, naming the file and the field', (_label, fields, field) => {
    const dir = contentDir({ 'broken-lesson.mdx': lesson(fields) });
    expect(() => loadContent(dir)).toThrow(ContentError);
    expect(() => loadContent(dir)).toThrow(/broken-lesson\.mdx/);
    expect(() => loadContent(dir)).toThrow(field);
  });

  it('fails when two lessons of a track share an order', () => {
    const dir = contentDir({ 'one.mdx': lesson({}), 'two.mdx': lesson({}) });
    expect(() => loadContent(dir)).toThrow(/one\.mdx and two\.mdx both have order 1/);
  });

  it('fails on a file name that cannot be a URL slug', () => {
    expect(() => loadContent(contentDir({ 'Bad Name.mdx': lesson({}) }))).toThrow(/Bad Name\.mdx/);
  });
});

describe('the shipped content', () => {
  it('is valid and includes the engine-choice lesson', () => {
    const library = contentLibrary();
    expect(library.lessons.length).toBeGreaterThanOrEqual(1);
    expect(library.lessons.map((l) => l.slug)).toContain('choosing-an-engine');
  });

  it('links every lesson to its neighbours in reading order', () => {
    const { lessons } = contentLibrary();
    lessons.forEach((current, index) => {
      const { previous, next } = lessonNeighbours(current.slug);
      expect(previous?.slug).toBe(lessons[index - 1]?.slug);
      expect(next?.slug).toBe(lessons[index + 1]?.slug);
    });
  });
});
