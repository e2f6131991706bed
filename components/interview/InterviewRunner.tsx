'use client';

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { submitInterviewResult } from '@/lib/interview/api-client';
import { crossedMilestones, interviewMilestones, questionMilestones, spokenDuration } from '@/lib/interview/clock';
import { ASSESSMENT_SCORES, scenarioScore, toPercent } from '@/lib/interview/scoring';
import { TOPIC_LABELS } from '@/lib/content/topics';
import { SELF_ASSESSMENTS, type InterviewAnswer, type InterviewResultSummary, type InterviewSession, type SelfAssessment } from '@/lib/interview/types';
import { InterviewTimers } from './InterviewTimers';

interface Review {
  covered: number[];
  assessment: SelfAssessment | null;
}

const ASSESSMENT_LABELS: Record<SelfAssessment, string> = { covered: 'Covered it', partly: 'Partly', missed: 'Missed it' };

const MAX_SECONDS = 36_000;
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

const secondary = 'min-h-11 rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800';
const primary = 'min-h-11 rounded-md bg-sky-700 px-5 py-2 font-medium text-white hover:bg-sky-800 disabled:opacity-60';

/**
 * One question at a time: answer against the clocks, show the model answer (the clocks pause),
 * mark the rubric, next. The clocks count answering time only, so a 15-minute interview is 15
 * minutes of answering however long the learner spends reading model answers.
 */
export function InterviewRunner({ session, startedAt, onFinished }: { session: InterviewSession; startedAt: number; onFinished: (summary: InterviewResultSummary, answered: number) => void }) {
  const total = session.questions.length;
  const [index, setIndex] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const [drafts, setDrafts] = useState<string[]>(() => session.questions.map(() => ''));
  const [reviews, setReviews] = useState<Review[]>(() => session.questions.map(() => ({ covered: [], assessment: null })));
  /** Answering seconds per question, set when its model answer is shown. */
  const [spent, setSpent] = useState<number[]>(() => session.questions.map(() => 0));
  /** When the current question's answering started; null while reviewing. */
  const [since, setSince] = useState<number | null>(startedAt);
  const [now, setNow] = useState(startedAt);
  const [announcement, setAnnouncement] = useState('');
  const [missingAssessment, setMissingAssessment] = useState(false);
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const [saving, setSaving] = useState<{ status: 'idle' } | { status: 'saving'; count: number } | { status: 'error'; count: number; error: string }>({ status: 'idle' });

  const questionHeading = useRef<HTMLHeadingElement>(null);
  const answerHeading = useRef<HTMLHeadingElement>(null);
  const firstAssessment = useRef<HTMLInputElement>(null);
  const keepGoing = useRef<HTMLButtonElement>(null);

  const question = session.questions[index]!;
  const review = reviews[index]!;
  const questionBudget = question.minutes * 60;
  const interviewBudget = session.minutes * 60;
  const spentOthers = sum(spent) - spent[index]!;
  const elapsed = since === null ? spent[index]! : Math.max(0, (now - since) / 1000);
  const isLast = index === total - 1;

  // Ticks while answering; announces only the milestones crossed since the last tick.
  useEffect(() => {
    if (since === null) return;
    const questionMarks = questionMilestones(questionBudget);
    const interviewMarks = interviewMilestones(interviewBudget);
    let last = 0;
    const timer = setInterval(() => {
      const tick = Date.now();
      const seconds = Math.floor((tick - since) / 1000);
      const crossed = [...crossedMilestones(questionMarks, last, seconds), ...crossedMilestones(interviewMarks, spentOthers + last, spentOthers + seconds)];
      last = seconds;
      setNow(tick);
      if (crossed.length > 0) setAnnouncement(crossed.map((milestone) => milestone.message).join(' '));
    }, 500);
    return () => clearInterval(timer);
  }, [since, questionBudget, interviewBudget, spentOthers]);

  useEffect(() => {
    questionHeading.current?.focus();
  }, [index]);
  useEffect(() => {
    if (revealed) answerHeading.current?.focus();
  }, [revealed]);
  useEffect(() => {
    if (confirmingEnd) keepGoing.current?.focus();
  }, [confirmingEnd]);

  const updateReview = (change: Partial<Review>) => setReviews((current) => current.map((entry, at) => (at === index ? { ...entry, ...change } : entry)));

  const reveal = () => {
    if (revealed) return;
    const tick = Date.now();
    const seconds = since === null ? spent[index]! : Math.min(MAX_SECONDS, Math.round((tick - since) / 1000));
    setSpent((current) => current.map((value, at) => (at === index ? seconds : value)));
    setSince(null);
    setNow(tick);
    setRevealed(true);
    setConfirmingEnd(false);
  };

  /** Sends the first `count` questions (all reviewed) to be scored. */
  const finish = async (count: number) => {
    setConfirmingEnd(false);
    setSaving({ status: 'saving', count });
    const answers = session.questions.slice(0, count).map((entry, at): InterviewAnswer => {
      const seconds = spent[at]!;
      return entry.kind === 'scenario'
        ? { kind: 'scenario', id: entry.id, covered: reviews[at]!.covered, seconds }
        : { kind: 'flashcard', id: entry.id, assessment: reviews[at]!.assessment ?? 'missed', seconds };
    });
    const result = await submitInterviewResult({ minutes: session.minutes, topics: session.topics, answers, elapsedSeconds: Math.min(MAX_SECONDS, sum(spent.slice(0, count))) });
    if (!result.ok) return setSaving({ status: 'error', count, error: result.error });
    onFinished(result, count);
  };

  const next = () => {
    if (question.kind === 'flashcard' && review.assessment === null) {
      setMissingAssessment(true);
      firstAssessment.current?.focus();
      return;
    }
    if (isLast) return void finish(total);
    const tick = Date.now();
    setIndex(index + 1);
    setRevealed(false);
    setSince(tick);
    setNow(tick);
    setMissingAssessment(false);
    setAnnouncement('');
  };

  /** Ending early scores the questions reviewed so far; the current one counts once its rubric is marked. */
  const reviewedCount = revealed && (question.kind === 'scenario' || review.assessment !== null) ? index + 1 : index;
  const busy = saving.status === 'saving';

  const onAnswerKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      reveal();
    }
  };

  const rubricPercent = question.kind === 'scenario' ? toPercent(scenarioScore(question.keyPointsHtml.length, review.covered)) : review.assessment ? toPercent(ASSESSMENT_SCORES[review.assessment]) : null;

  return (
    <section aria-labelledby="interview-question-heading" className="mt-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h2 id="interview-question-heading" ref={questionHeading} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
            Question {index + 1} of {total}
          </h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {question.kind === 'scenario' ? 'Scenario' : 'Flashcard'} · {spokenDuration(questionBudget)} · {question.topics.map((topic) => TOPIC_LABELS[topic]).join(', ')}
          </p>
        </div>
        <div className="sm:w-80">
          <InterviewTimers question={{ budgetSeconds: questionBudget, elapsedSeconds: elapsed }} interview={{ budgetSeconds: interviewBudget, elapsedSeconds: spentOthers + elapsed }} paused={since === null} />
        </div>
      </div>
      <p className="sr-only" aria-live="polite" data-testid="interview-announcement">
        {announcement}
      </p>

      <div id="interview-prompt" className="mt-5 text-lg font-medium leading-snug [&_code]:font-mono [&_code]:text-base" dangerouslySetInnerHTML={{ __html: question.promptHtml }} />

      <label htmlFor="interview-answer" className="mt-5 block text-sm font-medium">
        Your answer <span className="font-normal text-slate-600 dark:text-slate-400">(type it or outline it; it stays in this browser)</span>
      </label>
      <textarea
        id="interview-answer"
        aria-describedby="interview-answer-hint"
        value={drafts[index]}
        onChange={(event) => setDrafts((current) => current.map((draft, at) => (at === index ? event.target.value : draft)))}
        onKeyDown={onAnswerKey}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        readOnly={revealed}
        rows={revealed ? 4 : 9}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white p-3 text-base read-only:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-700 dark:bg-slate-900 dark:read-only:bg-slate-900/50"
      />
      <p id="interview-answer-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        {revealed ? 'Your answer, kept for comparing with the model answer.' : 'Ctrl+Enter (⌘+Enter on a Mac) shows the model answer.'}
      </p>

      {!revealed && (
        <div className="mt-4 flex flex-wrap gap-2">
          <button type="button" onClick={reveal} className={primary}>
            Show model answer
          </button>
        </div>
      )}

      {revealed && (
        <section aria-labelledby="interview-model-answer" className="mt-6 border-t border-slate-200 pt-5 dark:border-slate-800">
          <h3 id="interview-model-answer" ref={answerHeading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
            Model answer
          </h3>
          <div
            className="prose prose-sm prose-slate mt-2 max-w-none dark:prose-invert prose-code:before:content-none prose-code:after:content-none [&_pre:focus-visible]:outline-2 [&_pre:focus-visible]:outline-sky-500 [&_pre:focus-visible]:outline"
            // Rendered on the server by micromark, which escapes raw HTML in the Markdown.
            dangerouslySetInnerHTML={{ __html: question.modelAnswerHtml }}
          />

          {question.kind === 'scenario' ? (
            <>
              <fieldset className="mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
                <legend className="px-1 font-semibold">Rubric: tick the key points you covered</legend>
                <div className="space-y-2">
                  {question.keyPointsHtml.map((point, at) => (
                    <label key={at} className="flex cursor-pointer items-start gap-3 text-sm">
                      <input
                        type="checkbox"
                        className="mt-1 size-4 shrink-0"
                        checked={review.covered.includes(at)}
                        onChange={(event) => updateReview({ covered: event.target.checked ? [...review.covered, at].sort((a, b) => a - b) : review.covered.filter((value) => value !== at) })}
                      />
                      <span className="[&_code]:font-mono" dangerouslySetInnerHTML={{ __html: point }} />
                    </label>
                  ))}
                </div>
                <p className="mt-3 text-sm font-medium" data-testid="rubric-score">
                  {review.covered.length} of {question.keyPointsHtml.length} key points: {rubricPercent}%
                </p>
              </fieldset>
              <h3 className="mt-6 font-semibold">Common mistakes</h3>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm [&_code]:font-mono">
                {question.commonMistakesHtml.map((mistake, at) => (
                  <li key={at} dangerouslySetInnerHTML={{ __html: mistake }} />
                ))}
              </ul>
            </>
          ) : (
            <fieldset className="mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-700" aria-describedby={missingAssessment ? 'interview-missing-assessment' : undefined}>
              <legend className="px-1 font-semibold">How much of this did you cover?</legend>
              <div className="flex flex-wrap gap-2">
                {SELF_ASSESSMENTS.map((assessment, at) => (
                  <label key={assessment} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 text-sm has-[:checked]:border-sky-700 has-[:checked]:bg-sky-50 dark:border-slate-700 dark:has-[:checked]:border-sky-400 dark:has-[:checked]:bg-sky-950/40">
                    <input
                      ref={at === 0 ? firstAssessment : undefined}
                      type="radio"
                      name={`assessment-${index}`}
                      checked={review.assessment === assessment}
                      onChange={() => {
                        updateReview({ assessment });
                        setMissingAssessment(false);
                      }}
                    />
                    {ASSESSMENT_LABELS[assessment]} ({toPercent(ASSESSMENT_SCORES[assessment])}%)
                  </label>
                ))}
              </div>
              {missingAssessment && (
                <p id="interview-missing-assessment" role="alert" className="mt-2 text-sm text-rose-800 dark:text-rose-300">
                  Choose how much you covered first.
                </p>
              )}
            </fieldset>
          )}

          <div className="mt-6 flex flex-wrap gap-2">
            <button type="button" onClick={next} disabled={busy} className={primary}>
              {isLast ? 'Finish and see your results' : 'Next question'}
            </button>
          </div>
        </section>
      )}

      <div className="mt-8 border-t border-slate-200 pt-4 dark:border-slate-800">
        {confirmingEnd ? (
          <div role="group" aria-label="Confirm ending the interview" className="flex flex-wrap items-center gap-2 text-sm">
            <p className="w-full">
              End now and score the {reviewedCount} question{reviewedCount === 1 ? '' : 's'} you have marked? The rest are left out.
            </p>
            <button type="button" ref={keepGoing} onClick={() => setConfirmingEnd(false)} className={secondary}>
              Keep going
            </button>
            <button type="button" onClick={() => void finish(reviewedCount)} className={secondary}>
              End and score
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirmingEnd(true)} disabled={reviewedCount === 0 || busy} className={secondary}>
            End the interview early
          </button>
        )}
        {reviewedCount === 0 && !confirmingEnd && <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">You can end early once a question is marked.</p>}
      </div>

      <div className="mt-3 text-sm">
        <p role="status">{saving.status === 'saving' ? 'Scoring and saving your interview…' : ''}</p>
        {saving.status === 'error' && (
          <div role="alert" className="rounded-md border border-rose-400 p-3">
            <p>Your results could not be saved: {saving.error}</p>
            <button type="button" onClick={() => void finish(saving.count)} className={`mt-2 ${secondary}`}>
              Try again
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
