'use client';

import type { Ref } from 'react';
import { ASSESSMENT_SCORES, scenarioScore, toPercent } from '@/lib/interview/scoring';
import { SELF_ASSESSMENTS, type InterviewQuestion, type SelfAssessment } from '@/lib/interview/types';
import type { Review } from './use-interview-run';

const ASSESSMENT_LABELS: Record<SelfAssessment, string> = {
  covered: 'Covered it',
  partly: 'Partly',
  missed: 'Missed it',
};

/** Marking a question: tick a scenario's key points (with its common mistakes), or self-assess a flashcard. */
export function Rubric({
  question,
  index,
  review,
  onCover,
  onAssess,
  missingAssessment,
  firstAssessmentRef,
}: {
  question: InterviewQuestion;
  /** The question's index: names the radio group, so each question's choices are their own group. */
  index: number;
  review: Review;
  onCover: (point: number, covered: boolean) => void;
  onAssess: (assessment: SelfAssessment) => void;
  missingAssessment: boolean;
  firstAssessmentRef: Ref<HTMLInputElement>;
}) {
  if (question.kind === 'scenario') {
    return (
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
                  onChange={(event) => onCover(at, event.target.checked)}
                />
                <span className="[&_code]:font-mono" dangerouslySetInnerHTML={{ __html: point }} />
              </label>
            ))}
          </div>
          <p className="mt-3 text-sm font-medium" data-testid="rubric-score">
            {review.covered.length} of {question.keyPointsHtml.length} key points:{' '}
            {toPercent(scenarioScore(question.keyPointsHtml.length, review.covered))}%
          </p>
        </fieldset>
        <h3 className="mt-6 font-semibold">Common mistakes</h3>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm [&_code]:font-mono">
          {question.commonMistakesHtml.map((mistake, at) => (
            <li key={at} dangerouslySetInnerHTML={{ __html: mistake }} />
          ))}
        </ul>
      </>
    );
  }
  return (
    <fieldset
      className="mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-700"
      aria-describedby={missingAssessment ? 'interview-missing-assessment' : undefined}
    >
      <legend className="px-1 font-semibold">How much of this did you cover?</legend>
      <div className="flex flex-wrap gap-2">
        {SELF_ASSESSMENTS.map((assessment, at) => (
          <label
            key={assessment}
            className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-line-strong px-3 text-sm has-[:checked]:border-accent-line has-[:checked]:bg-accent-soft"
          >
            <input
              ref={at === 0 ? firstAssessmentRef : undefined}
              type="radio"
              name={`assessment-${index}`}
              checked={review.assessment === assessment}
              onChange={() => onAssess(assessment)}
            />
            {ASSESSMENT_LABELS[assessment]} ({toPercent(ASSESSMENT_SCORES[assessment])}%)
          </label>
        ))}
      </div>
      {missingAssessment && (
        <p id="interview-missing-assessment" role="alert" className="mt-2 text-sm text-danger-text">
          Choose how much you covered first.
        </p>
      )}
    </fieldset>
  );
}
