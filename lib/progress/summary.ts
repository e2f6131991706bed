/**
 * What a learner has done, per lesson and per track. Pure: content and progress in, numbers out.
 * A lesson is done when it was read to the end, every quiz in it was answered right (retries
 * allowed) and every challenge passed. A track's percent counts every one of those steps.
 * "Continue" leads to the lesson last worked on while it is not done, then to the next lesson
 * not done after it in curriculum order.
 */
import type { LessonItems } from '@/lib/content/quizzes';
import type { Progress } from './types';

export interface LessonSummary {
  slug: string;
  read: boolean;
  quizzesRight: number;
  quizzesFirstTry: number;
  quizzes: number;
  challengesPassed: number;
  challenges: number;
  done: boolean;
}

export interface TrackSummary {
  id: string;
  lessonsDone: number;
  lessons: number;
  /** Steps done (reads, quizzes answered right, challenges passed) out of all steps, 0–100. */
  percent: number;
}

/** Where the learner goes next: "Continue: <lesson>" once started, else the curriculum's first lesson. */
export interface NextLesson {
  slug: string;
  /** Whether the learner has started (opened, read or answered anything); false means "Start". */
  started: boolean;
}

export interface ProgressSummary {
  lessons: Record<string, LessonSummary>;
  /** Undefined once every lesson is done. */
  next?: NextLesson;
  tracks: Record<string, TrackSummary>;
  totals: {
    lessonsDone: number;
    lessons: number;
    challengesPassed: number;
    challenges: number;
    quizzesFirstTry: number;
    quizzesAnswered: number;
    percent: number;
  };
}

export function summarizeProgress(items: LessonItems[], progress: Progress): ProgressSummary {
  const lessons: Record<string, LessonSummary> = {};
  const tracks: Record<string, TrackSummary & { steps: number; stepsDone: number }> = {};
  let quizzesAnswered = 0;
  for (const item of items) {
    const answered = item.quizIds.map((id) => progress.quizzes[id]).filter((record) => record !== undefined);
    quizzesAnswered += answered.length;
    const summary: LessonSummary = {
      slug: item.slug,
      read: progress.lessons[item.slug] !== undefined,
      quizzesRight: answered.filter((record) => record.correct).length,
      quizzesFirstTry: answered.filter((record) => record.firstTryCorrect).length,
      quizzes: item.quizIds.length,
      challengesPassed: item.challengeIds.filter((id) => progress.challenges[id] !== undefined).length,
      challenges: item.challengeIds.length,
      done: false,
    };
    summary.done =
      summary.read && summary.quizzesRight === summary.quizzes && summary.challengesPassed === summary.challenges;
    lessons[item.slug] = summary;
    const track = (tracks[item.track] ??= {
      id: item.track,
      lessonsDone: 0,
      lessons: 0,
      percent: 0,
      steps: 0,
      stepsDone: 0,
    });
    track.lessons++;
    if (summary.done) track.lessonsDone++;
    track.steps += 1 + summary.quizzes + summary.challenges;
    track.stepsDone += (summary.read ? 1 : 0) + summary.quizzesRight + summary.challengesPassed;
  }
  const all = Object.values(tracks);
  const steps = all.reduce((sum, track) => sum + track.steps, 0);
  const stepsDone = all.reduce((sum, track) => sum + track.stepsDone, 0);
  const percent = (done: number, total: number) => (total === 0 ? 0 : Math.round((done / total) * 100));
  const summaries = Object.values(lessons);
  return {
    lessons,
    next: nextLesson(summaries, progress.lastLesson),
    tracks: Object.fromEntries(
      all.map(({ steps: total, stepsDone: done, ...track }) => [track.id, { ...track, percent: percent(done, total) }]),
    ),
    totals: {
      lessonsDone: summaries.filter((lesson) => lesson.done).length,
      lessons: summaries.length,
      challengesPassed: summaries.reduce((sum, lesson) => sum + lesson.challengesPassed, 0),
      challenges: summaries.reduce((sum, lesson) => sum + lesson.challenges, 0),
      quizzesFirstTry: summaries.reduce((sum, lesson) => sum + lesson.quizzesFirstTry, 0),
      quizzesAnswered,
      percent: percent(stepsDone, steps),
    },
  };
}

const isStarted = (lesson: LessonSummary) => lesson.read || lesson.quizzesRight > 0 || lesson.challengesPassed > 0;

/** The lesson "Continue" leads to; `ordered` is in curriculum order. */
function nextLesson(ordered: LessonSummary[], lastLesson: string | undefined): NextLesson | undefined {
  const last = ordered.findIndex((lesson) => lesson.slug === lastLesson);
  const started = last >= 0 || ordered.some(isStarted);
  // From the lesson last worked on (itself first), wrapping round to the lessons before it.
  const from = Math.max(last, 0);
  const candidates = [...ordered.slice(from), ...ordered.slice(0, from)];
  const lesson = candidates.find((candidate) => !candidate.done);
  return lesson && { slug: lesson.slug, started };
}
