'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { formatClock } from '@/lib/interview/clock';
import { isWeak, WEAK_BELOW } from '@/lib/interview/scoring';
import { TOPIC_LABELS } from '@/lib/content/topics';
import type { InterviewQuestion, InterviewResultSummary } from '@/lib/interview/types';
import { Button } from '@/components/ui/Button';

const scoreColour = (percent: number) =>
  isWeak(percent) ? 'bg-amber-500 dark:bg-amber-400' : 'bg-emerald-600 dark:bg-emerald-400';

/** The end of an interview: score per topic, weak topics with their lessons, and each question's score. */
export function InterviewSummary({
  summary,
  questions,
  onRestart,
}: {
  summary: InterviewResultSummary;
  questions: InterviewQuestion[];
  onRestart: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { result, weakTopics, cardsBroughtForward } = summary;
  const byId = new Map(questions.map((question) => [`${question.kind}:${question.id}`, question]));

  return (
    <section aria-labelledby="interview-summary-heading" className="mt-6">
      <h2
        id="interview-summary-heading"
        ref={heading}
        tabIndex={-1}
        className="text-2xl font-semibold focus:outline-none"
      >
        Your results
      </h2>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Overall{' '}
        <strong className="tabular-nums" data-testid="interview-overall-score">
          {result.score}%
        </strong>{' '}
        over {result.questions.length} question
        {result.questions.length === 1 ? '' : 's'}
        {result.elapsedSeconds !== null && <>, in {formatClock(result.elapsedSeconds)} of answering</>}.
      </p>

      <table className="mt-6 w-full border-collapse text-sm">
        <caption className="mb-2 text-left font-semibold">Score per topic (weak below {WEAK_BELOW}%)</caption>
        <thead>
          <tr className="border-b border-line-strong text-left">
            <th scope="col" className="py-2 pr-3 font-medium">
              Topic
            </th>
            <th scope="col" className="w-2/5 py-2 pr-3 font-medium">
              Score
            </th>
            <th scope="col" className="py-2 font-medium">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {result.topicScores.map((entry) => (
            <tr key={entry.topic} className="border-b border-line align-top">
              <th scope="row" className="py-2 pr-3 text-left font-normal">
                {TOPIC_LABELS[entry.topic]}
                <span className="block text-xs text-muted">
                  {entry.questions} question{entry.questions === 1 ? '' : 's'}
                </span>
              </th>
              <td className="py-2 pr-3">
                <span className="tabular-nums">{entry.score}%</span>
                <span aria-hidden="true" className="mt-1 block h-2 w-full rounded bg-slate-200 dark:bg-slate-800">
                  <span
                    className={`block h-2 rounded ${scoreColour(entry.score)}`}
                    style={{ width: `${Math.max(entry.score, 2)}%` }}
                  />
                </span>
              </td>
              <td className="py-2">
                {isWeak(entry.score) ? (
                  <span className="font-medium text-amber-900 dark:text-amber-200">Weak</span>
                ) : (
                  'OK'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {weakTopics.length > 0 ? (
        <div className="mt-6 rounded-lg border border-amber-400 bg-amber-50/60 p-4 dark:border-amber-600 dark:bg-amber-950/30">
          <h3 className="font-semibold">Weak topics: go over these lessons</h3>
          <ul className="mt-2 space-y-2 text-sm">
            {weakTopics.map((weak) => (
              <li key={weak.topic}>
                <span className="font-medium">
                  {weak.label} ({weak.score}%)
                </span>
                {weak.lessons.length > 0 && ': '}
                {weak.lessons.map((lesson, at) => (
                  <span key={lesson.slug}>
                    {at > 0 && ', '}
                    <Link href={lesson.href} className="text-accent-text-strong underline">
                      {lesson.title}
                    </Link>
                  </span>
                ))}
              </li>
            ))}
          </ul>
          <p className="mt-3 text-sm">
            Their flashcards now come first in your{' '}
            <Link href="/drills" className="text-accent-text-strong underline">
              drills
            </Link>
            :{' '}
            {cardsBroughtForward > 0
              ? `${cardsBroughtForward} card${cardsBroughtForward === 1 ? '' : 's'} you have reviewed ${cardsBroughtForward === 1 ? 'is' : 'are'} due now, and `
              : ''}
            new cards on these topics come before the others for two weeks.
          </p>
        </div>
      ) : (
        <p className="mt-6 rounded-lg border border-emerald-400 bg-emerald-50/60 p-4 text-sm dark:border-emerald-700 dark:bg-emerald-950/30">
          No weak topics: every topic scored {WEAK_BELOW}% or more.
        </p>
      )}

      <h3 className="mt-8 font-semibold">Question by question</h3>
      <ol className="mt-2 space-y-2 text-sm">
        {result.questions.map((entry, at) => {
          const question = byId.get(`${entry.kind}:${entry.id}`);
          return (
            <li
              key={`${entry.kind}:${entry.id}`}
              className="flex items-start justify-between gap-3 rounded-md border border-line p-3"
            >
              <span>
                <span className="text-xs text-muted">
                  {at + 1}.{' '}
                  {entry.kind === 'scenario'
                    ? `Scenario: ${entry.covered?.length ?? 0} of ${entry.keyPoints ?? 0} key points`
                    : `Flashcard: ${entry.assessment}`}
                </span>
                {question && (
                  <span
                    className="block [&_code]:font-mono"
                    dangerouslySetInnerHTML={{ __html: question.promptHtml }}
                  />
                )}
              </span>
              <span className="shrink-0 font-medium tabular-nums">{entry.score}%</span>
            </li>
          );
        })}
      </ol>

      <Button size="lg" onClick={onRestart} className="mt-8">
        Start another interview
      </Button>
    </section>
  );
}
