import 'server-only';
/** Progress lives in the app's own Valkey (appendonly, so it survives restarts), one hash per learner (lib/valkey/keys.ts). */
import { AppError } from '@/lib/errors';
import { getValkey } from '@/lib/valkey/connections';
import { progressKey } from '@/lib/valkey/keys';
import { isCorrectAnswer, quizKeys } from '@/lib/content/quizzes';
import { contentLibrary, findChallenge } from '@/lib/content/lessons';
import { emptyProgress, QuizRecord, type Progress } from './types';

const now = () => new Date().toISOString();

/** The hash field holding the slug of the lesson last worked on (see Progress.lastLesson). */
const LAST_LESSON_FIELD = 'last:lesson';
const isLessonSlug = (slug: string) => contentLibrary().lessons.some((lesson) => lesson.slug === slug);

export async function readProgress(learnerId: string): Promise<Progress> {
  const fields = await (await getValkey('app')).hgetall(progressKey(learnerId));
  const progress = emptyProgress();
  for (const [field, value] of Object.entries(fields)) {
    const separator = field.indexOf(':');
    const kind = field.slice(0, separator);
    const id = field.slice(separator + 1);
    if (kind === 'lesson') progress.lessons[id] = value;
    else if (kind === 'challenge') progress.challenges[id] = value;
    else if (field === LAST_LESSON_FIELD) progress.lastLesson = value;
    else if (kind === 'quiz') {
      const parsed = QuizRecord.safeParse(JSON.parse(value));
      if (parsed.success) progress.quizzes[id] = parsed.data;
    }
  }
  return progress;
}

/** A lesson, quiz or challenge id the content does not have (404). */
export class UnknownContentError extends AppError {
  override name = 'UnknownContentError';
  constructor(message: string) {
    super('not_found', message);
  }
}

/** Marks a lesson read. The first time counts; later visits keep the original date. */
export async function recordLessonRead(learnerId: string, slug: string): Promise<void> {
  if (!isLessonSlug(slug)) throw new UnknownContentError(`There is no lesson "${slug}".`);
  await (
    await getValkey('app')
  )
    .multi()
    .hsetnx(progressKey(learnerId), `lesson:${slug}`, now())
    .hset(progressKey(learnerId), LAST_LESSON_FIELD, slug)
    .exec();
}

/** Remembers the lesson the learner opened, so "Continue" leads back to it. */
export async function recordLessonVisit(learnerId: string, slug: string): Promise<void> {
  if (!isLessonSlug(slug)) throw new UnknownContentError(`There is no lesson "${slug}".`);
  await (await getValkey('app')).hset(progressKey(learnerId), LAST_LESSON_FIELD, slug);
}

/** Scores an answer on the server (the browser's verdict is not trusted) and records it. */
export async function recordQuizAnswer(learnerId: string, quizId: string, choices: number[]): Promise<QuizRecord> {
  const key = quizKeys().get(quizId);
  if (!key) throw new UnknownContentError(`There is no quiz "${quizId}".`);
  if (choices.length === 0 || choices.some((choice) => choice >= key.choiceCount)) {
    throw new AppError(
      'bad_request',
      `Quiz "${quizId}" has ${key.choiceCount} choices, numbered from 0: pick at least one.`,
    );
  }
  const valkey = await getValkey('app');
  const field = `quiz:${quizId}`;
  const previous = await valkey.hget(progressKey(learnerId), field);
  const before = previous ? QuizRecord.safeParse(JSON.parse(previous)) : null;
  const correct = isCorrectAnswer(key, choices);
  const record: QuizRecord = {
    choices: [...new Set(choices)].sort((a, b) => a - b),
    correct,
    firstTryCorrect: before?.success ? before.data.firstTryCorrect : correct,
    attempts: before?.success ? before.data.attempts + 1 : 1,
    at: now(),
  };
  // Demo quizzes in guides (lessonSlug "guide:…") are scored but lead nowhere.
  const lastLesson = isLessonSlug(key.lessonSlug) ? { [LAST_LESSON_FIELD]: key.lessonSlug } : {};
  await valkey.hset(progressKey(learnerId), { [field]: JSON.stringify(record), ...lastLesson });
  return record;
}

/**
 * Records a lesson's challenge as passed (the first date counts). A guide's demo challenge (the
 * authoring guide's) belongs to no lesson: its pass is checked but stored nowhere, so it can
 * never count towards a lesson or move "Continue".
 */
export async function recordChallengePassed(learnerId: string, challengeId: string): Promise<void> {
  const found = findChallenge(challengeId);
  if (!found) throw new UnknownContentError(`There is no challenge "${challengeId}".`);
  if (!isLessonSlug(found.lessonSlug)) return;
  await (
    await getValkey('app')
  )
    .multi()
    .hsetnx(progressKey(learnerId), `challenge:${challengeId}`, now())
    .hset(progressKey(learnerId), LAST_LESSON_FIELD, found.lessonSlug)
    .exec();
}

/**
 * The largest progress file the import route reads. A file with every lesson, quiz and challenge
 * of today's content is about 9.4 KB (history-limits.test.ts measures it); this leaves room for
 * the content to grow.
 */
export const PROGRESS_IMPORT_MAX_BYTES = 64 * 1024;

export interface ImportOutcome {
  imported: number;
  /** Entries for lessons, quizzes or challenges this version of Keyspace does not have. */
  skipped: number;
}

const earlier = (a: string | undefined, b: string) => (a && a < b ? a : b);

/**
 * A timestamp from a file in the form the app writes (24 characters, milliseconds): the schema
 * accepts any number of fractional digits, and a stored value must not be as long as the file.
 */
function normalisedTimestamp(at: string): string | null {
  const time = Date.parse(at.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/**
 * Merges an exported progress file into the learner's own: the earliest completion wins, quiz
 * answers are re-scored here, and nothing already recorded is lost. Only ids the content has are
 * stored, with normalised timestamps, so the hash never holds more than one short field per
 * lesson, quiz and challenge.
 */
export async function importProgress(learnerId: string, incoming: Progress): Promise<ImportOutcome> {
  const current = await readProgress(learnerId);
  const lessonSlugs = new Set(contentLibrary().lessons.map((lesson) => lesson.slug));
  const keys = quizKeys();
  const fields: Record<string, string> = {};
  let skipped = 0;
  for (const [slug, raw] of Object.entries(incoming.lessons)) {
    const at = normalisedTimestamp(raw);
    if (lessonSlugs.has(slug) && at) fields[`lesson:${slug}`] = earlier(current.lessons[slug], at);
    else skipped++;
  }
  for (const [id, raw] of Object.entries(incoming.challenges)) {
    const at = normalisedTimestamp(raw);
    if (isLessonSlug(findChallenge(id)?.lessonSlug ?? '') && at)
      fields[`challenge:${id}`] = earlier(current.challenges[id], at);
    else skipped++;
  }
  for (const [id, record] of Object.entries(incoming.quizzes)) {
    const key = keys.get(id);
    const at = normalisedTimestamp(record.at);
    if (!key || !at || record.choices.length === 0 || record.choices.some((choice) => choice >= key.choiceCount)) {
      skipped++;
      continue;
    }
    if (current.quizzes[id]) continue;
    const correct = isCorrectAnswer(key, record.choices);
    const choices = [...new Set(record.choices)].sort((a, b) => a - b);
    fields[`quiz:${id}`] = JSON.stringify({
      ...record,
      choices,
      at,
      correct,
      firstTryCorrect: record.firstTryCorrect && correct,
    });
  }
  const imported = Object.keys(fields).length;
  // Where to continue is the file's only if this browser has no place of its own yet.
  if (imported > 0 && !current.lastLesson && incoming.lastLesson && isLessonSlug(incoming.lastLesson))
    fields[LAST_LESSON_FIELD] = incoming.lastLesson;
  if (imported > 0) await (await getValkey('app')).hset(progressKey(learnerId), fields);
  return { imported, skipped };
}
