/**
 * The content checker's first pass: everything that can be proven from the files alone. Each
 * problem names the file, the line and what to fix (command lines: command-checks.ts; quizzes:
 * quiz-checks.ts; challenge data: challenge-spec-checks.ts; components, links and citations:
 * element-checks.ts). The second pass (live-checks.ts) runs
 * the challenges, and the Redis OSS and Memcached <Run> blocks, on real servers.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { describeIssues, GuideFrontmatter, LessonFrontmatter, TrackList, type AnyChallengeSpec } from '../schema';
import { checkChallengeSpec } from './challenge-spec-checks';
import { checkCitedSources, checkElements, checkLinks } from './element-checks';
import { checkRuns, type EngineRun } from './command-checks';
import { indexMdx, type MdxIndex } from '../mdx-index';
import { LESSON_MINIMUMS } from './component-rules';
import { lineOfText, type ContentProblem } from './problems';
import { checkQuizzes } from './quiz-checks';

export interface CheckedChallenge {
  file: string;
  line: number;
  spec: AnyChallengeSpec;
}

export interface StaticCheckResult {
  problems: ContentProblem[];
  /** Run blocks on Redis OSS and Memcached, in file order: the live pass runs them there. */
  engineRuns: EngineRun[];
  /** Challenges whose data is valid: the live pass runs these. */
  challenges: CheckedChallenge[];
  lessonCount: number;
  quizCount: number;
  runCount: number;
}

interface ParsedLesson {
  file: string;
  slug: string;
  source: string;
  track?: string;
  order?: number;
  challenges: AnyChallengeSpec[];
  index?: MdxIndex;
}

function checkTracks(contentDir: string, problems: ContentProblem[]): Set<string> {
  const file = path.join(contentDir, 'tracks.json');
  const shown = 'content/tracks.json';
  try {
    const parsed = TrackList.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return new Set(parsed.data.map((track) => track.id));
    problems.push({ file: shown, line: 0, message: `invalid track list: ${describeIssues(parsed.error)}` });
  } catch (error) {
    problems.push({ file: shown, line: 0, message: `cannot read the track list: ${(error as Error).message}` });
  }
  return new Set();
}

function readLesson(contentDir: string, name: string, trackIds: Set<string>, problems: ContentProblem[]): ParsedLesson {
  const file = `content/lessons/${name}`;
  const source = readFileSync(path.join(contentDir, 'lessons', name), 'utf8');
  const slug = name.replace(/\.mdx$/, '');
  const lesson: ParsedLesson = { file, slug, source, challenges: [] };
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug))
    problems.push({
      file,
      line: 0,
      message: 'the file name must be lowercase words joined by hyphens, such as choosing-an-engine.mdx',
    });
  let data: unknown;
  try {
    data = matter(source).data;
  } catch (error) {
    problems.push({
      file,
      line: 1,
      message: `the frontmatter is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
    });
    return lesson;
  }
  const parsed = LessonFrontmatter.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 10)) {
      const [first, index] = issue.path;
      const challengeId =
        first === 'challenges' && typeof index === 'number'
          ? (data as { challenges?: { id?: string }[] }).challenges?.[index]?.id
          : undefined;
      const line = challengeId
        ? lineOfText(source, `id: ${challengeId}`)
        : typeof first === 'string'
          ? lineOfText(source, `${first}:`)
          : 1;
      problems.push({ file, line, message: `frontmatter "${issue.path.join('.')}": ${issue.message}` });
    }
  } else {
    lesson.track = parsed.data.track;
    lesson.order = parsed.data.order;
    lesson.challenges = parsed.data.challenges ?? [];
    if (!trackIds.has(parsed.data.track)) {
      problems.push({
        file,
        line: lineOfText(source, 'track:'),
        message: `track "${parsed.data.track}" is not in content/tracks.json (${[...trackIds].join(', ')})`,
      });
    }
  }
  try {
    lesson.index = indexMdx(source);
  } catch (error) {
    const place = error as { line?: number; reason?: string; message: string };
    problems.push({
      file,
      line: place.line ?? 0,
      message: `MDX syntax error: ${place.reason ?? place.message}. In prose, write { } and < inside backticks.`,
    });
  }
  return lesson;
}

/** Pages such as the authoring guide: the same component, link, command and quiz rules, no lesson minimums. */
function checkGuides(
  contentDir: string,
  publicDir: string,
  slugs: Set<string>,
  challengeIds: Map<string, string>,
  quizIds: Map<string, string>,
  result: StaticCheckResult,
) {
  const { problems } = result;
  const dir = path.join(contentDir, 'guides');
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).filter((candidate) => candidate.endsWith('.mdx'))) {
    const file = `content/guides/${name}`;
    const source = readFileSync(path.join(dir, name), 'utf8');
    let index: MdxIndex;
    try {
      index = indexMdx(source);
    } catch (error) {
      const place = error as { line?: number; reason?: string; message: string };
      problems.push({
        file,
        line: place.line ?? 0,
        message: `MDX syntax error: ${place.reason ?? place.message}. In prose, write { } and < inside backticks.`,
      });
      continue;
    }
    const page: ParsedLesson = { file, slug: name.replace(/\.mdx$/, ''), source, challenges: [] };
    // A guide's frontmatter holds only demo challenges, which count for no lesson.
    let data: unknown = {};
    try {
      data = matter(source).data;
    } catch (error) {
      problems.push({
        file,
        line: 1,
        message: `the frontmatter is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
      });
    }
    const frontmatter = GuideFrontmatter.safeParse(data);
    if (!frontmatter.success)
      problems.push({
        file,
        line: 1,
        message: `frontmatter: ${describeIssues(frontmatter.error)} (a guide's frontmatter may hold only "challenges:")`,
      });
    else page.challenges = frontmatter.data.challenges ?? [];
    for (const challenge of page.challenges) checkChallengeSpec(file, source, challenge, challengeIds, result);
    checkElements(page.file, index, publicDir, problems);
    checkLinks(page.file, index, slugs, problems);
    checkQuizzes(file, index, quizIds, problems);
    checkRuns(file, index, problems, result.engineRuns);
    for (const tag of index.challenges) {
      if (tag.id && !challengeIds.has(tag.id))
        problems.push({
          file,
          line: tag.line,
          message: `<Challenge id="${tag.id}"> is not a challenge of any lesson, nor of this guide's frontmatter`,
        });
    }
  }
}

/** Runs every check that needs no server. */
export function checkContentStatic(contentDir: string, publicDir: string): StaticCheckResult {
  const problems: ContentProblem[] = [];
  const trackIds = checkTracks(contentDir, problems);
  const names = readdirSync(path.join(contentDir, 'lessons')).filter((name) => name.endsWith('.mdx'));
  const lessons = names.map((name) => readLesson(contentDir, name, trackIds, problems));
  const slugs = new Set(lessons.map((lesson) => lesson.slug));
  const result: StaticCheckResult = {
    problems,
    challenges: [],
    engineRuns: [],
    lessonCount: lessons.length,
    quizCount: 0,
    runCount: 0,
  };

  const orders = new Map<string, string>();
  for (const lesson of lessons) {
    if (lesson.track === undefined || lesson.order === undefined) continue;
    const key = `${lesson.track}#${lesson.order}`;
    const other = orders.get(key);
    if (other)
      problems.push({
        file: lesson.file,
        line: lineOfText(lesson.source, 'order:'),
        message: `order ${lesson.order} is already used by ${other} in track "${lesson.track}": give each lesson its own position`,
      });
    else orders.set(key, lesson.file);
  }

  const quizIds = new Map<string, string>();
  const challengeIds = new Map<string, string>();
  for (const lesson of lessons) {
    const { file, source } = lesson;
    for (const challenge of lesson.challenges) checkChallengeSpec(file, source, challenge, challengeIds, result);
    const index = lesson.index;
    if (!index) continue;
    checkElements(lesson.file, index, publicDir, problems);
    checkLinks(lesson.file, index, slugs, problems);
    result.quizCount += index.quizzes.length;
    result.runCount += index.runs.length;

    checkQuizzes(file, index, quizIds, problems);
    checkCitedSources(file, index, problems);
    if (index.quizzes.length < LESSON_MINIMUMS.quizzes)
      problems.push({
        file,
        line: 0,
        message: `has ${index.quizzes.length} quiz${index.quizzes.length === 1 ? '' : 'zes'}: every lesson needs at least ${LESSON_MINIMUMS.quizzes}`,
      });
    for (const required of ['Recap', 'Sources']) {
      if (!index.elements.some((element) => element.name === required))
        problems.push({
          file,
          line: 0,
          message: `has no <${required}>: end every lesson with a <Recap> and its <Sources>`,
        });
    }

    checkRuns(file, index, problems, result.engineRuns);
    const tagged = new Set<string>();
    for (const tag of index.challenges) {
      if (!tag.id) continue;
      tagged.add(tag.id);
      if (!lesson.challenges.some((challenge) => challenge.id === tag.id)) {
        problems.push({
          file,
          line: tag.line,
          message: `<Challenge id="${tag.id}"> has no entry with that id under "challenges:" in this lesson's frontmatter`,
        });
      }
    }
    for (const challenge of lesson.challenges) {
      if (!tagged.has(challenge.id))
        problems.push({
          file,
          line: lineOfText(source, `id: ${challenge.id}`),
          message: `challenge "${challenge.id}" is in the frontmatter but no <Challenge id="${challenge.id}"> shows it`,
        });
    }
  }
  checkGuides(contentDir, publicDir, slugs, challengeIds, quizIds, result);
  return result;
}
