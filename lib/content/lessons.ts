/**
 * Lessons as data: every content/lessons/*.mdx file with its validated frontmatter, in reading
 * order. Navigation (sidebar, prev/next, track lists) is derived from here and nowhere else.
 * Any invalid file throws, which fails `next build` with the file name and the field.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import {
  describeIssues,
  GuideFrontmatter,
  LessonFrontmatter,
  TrackList,
  type AnyChallengeSpec,
  type Track,
} from './schema';

export interface Lesson extends LessonFrontmatter {
  slug: string;
}

export interface TrackWithLessons extends Track {
  lessons: Lesson[];
}

export interface ContentLibrary {
  tracks: TrackWithLessons[];
  /** All lessons in reading order: track order, then each lesson's `order`. */
  lessons: Lesson[];
}

export const CONTENT_DIR = path.join(process.cwd(), 'content');

export class ContentError extends Error {
  override name = 'ContentError';
}

function readTracks(contentDir: string): Track[] {
  const file = path.join(contentDir, 'tracks.json');
  const parsed = TrackList.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new ContentError(
      `Invalid track list in ${path.relative(process.cwd(), file)}: ${describeIssues(parsed.error)}`,
    );
  return parsed.data;
}

function readLesson(file: string, trackIds: Set<string>): Lesson {
  const shown = path.relative(process.cwd(), file);
  const slug = path.basename(file, '.mdx');
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
    throw new ContentError(
      `Invalid lesson file name ${shown}: use lowercase words joined by hyphens, such as choosing-an-engine.mdx.`,
    );
  }
  let data: unknown;
  try {
    data = matter(readFileSync(file, 'utf8')).data;
  } catch (error) {
    throw new ContentError(`Invalid frontmatter in ${shown}: ${(error as Error).message}`);
  }
  const parsed = LessonFrontmatter.safeParse(data);
  if (!parsed.success) throw new ContentError(`Invalid frontmatter in ${shown}: ${describeIssues(parsed.error)}`);
  if (!trackIds.has(parsed.data.track)) {
    throw new ContentError(
      `Invalid frontmatter in ${shown}: "track": "${parsed.data.track}" is not in content/tracks.json (${[...trackIds].join(', ')}).`,
    );
  }
  return { slug, ...parsed.data };
}

export function loadContent(contentDir: string = CONTENT_DIR): ContentLibrary {
  const tracks = readTracks(contentDir);
  const trackIds = new Set(tracks.map((track) => track.id));
  const lessonDir = path.join(contentDir, 'lessons');
  const lessons = readdirSync(lessonDir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => readLesson(path.join(lessonDir, name), trackIds));
  const withLessons = tracks.map((track) => {
    const own = lessons.filter((lesson) => lesson.track === track.id).sort((a, b) => a.order - b.order);
    for (let i = 1; i < own.length; i++) {
      if (own[i]!.order === own[i - 1]!.order) {
        throw new ContentError(
          `Lessons ${own[i - 1]!.slug}.mdx and ${own[i]!.slug}.mdx both have order ${own[i]!.order} in track "${track.id}".`,
        );
      }
    }
    return { ...track, lessons: own };
  });
  return { tracks: withLessons, lessons: withLessons.flatMap((track) => track.lessons) };
}

let cached: ContentLibrary | undefined;

/** The content library, read once per server process (content only changes with a new build). */
export function contentLibrary(): ContentLibrary {
  if (process.env.NODE_ENV === 'development') return loadContent();
  return (cached ??= loadContent());
}

export function findLesson(slug: string): Lesson | undefined {
  return contentLibrary().lessons.find((lesson) => lesson.slug === slug);
}

export function lessonNeighbours(slug: string): { previous?: Lesson; next?: Lesson } {
  const { lessons } = contentLibrary();
  const index = lessons.findIndex((lesson) => lesson.slug === slug);
  if (index < 0) return {};
  return { previous: lessons[index - 1], next: lessons[index + 1] };
}

export interface LocatedChallenge {
  /** The lesson's slug, or "guide:<slug>" for a guide's demo challenge, which belongs to no lesson. */
  lessonSlug: string;
  spec: AnyChallengeSpec;
}

let cachedGuideChallenges: LocatedChallenge[] | undefined;

/** The guides' demo challenges (their frontmatter's `challenges:`), such as the authoring guide's. */
export function guideChallenges(contentDir: string = CONTENT_DIR): LocatedChallenge[] {
  if (cachedGuideChallenges && process.env.NODE_ENV !== 'development' && contentDir === CONTENT_DIR)
    return cachedGuideChallenges;
  const found = guideSlugs(contentDir).flatMap((slug) => {
    const parsed = GuideFrontmatter.safeParse(matter(guideSource(slug, contentDir)).data);
    if (!parsed.success)
      throw new ContentError(`Invalid frontmatter in content/guides/${slug}.mdx: ${describeIssues(parsed.error)}`);
    return (parsed.data.challenges ?? []).map((spec) => ({ lessonSlug: `guide:${slug}`, spec }));
  });
  if (contentDir === CONTENT_DIR) cachedGuideChallenges = found;
  return found;
}

/** A challenge by id, with the lesson (or guide) it belongs to; undefined for an unknown id. */
export function findChallenge(id: string): LocatedChallenge | undefined {
  for (const lesson of contentLibrary().lessons) {
    const spec = lesson.challenges?.find((challenge) => challenge.id === id);
    if (spec) return { lessonSlug: lesson.slug, spec };
  }
  return guideChallenges().find((challenge) => challenge.spec.id === id);
}

/** The MDX source of a lesson, for tools that read it as data (quiz scoring, the content checker). */
export function lessonSource(slug: string, contentDir: string = CONTENT_DIR): string {
  return readFileSync(path.join(contentDir, 'lessons', `${slug}.mdx`), 'utf8');
}

/** Pages written as MDX outside the lesson list (content/guides/*.mdx), such as the authoring guide. */
export function guideSlugs(contentDir: string = CONTENT_DIR): string[] {
  const dir = path.join(contentDir, 'guides');
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.mdx'))
        .map((name) => name.replace(/\.mdx$/, ''))
    : [];
}

export function guideSource(slug: string, contentDir: string = CONTENT_DIR): string {
  return readFileSync(path.join(contentDir, 'guides', `${slug}.mdx`), 'utf8');
}
