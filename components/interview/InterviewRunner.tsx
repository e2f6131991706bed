'use client';

import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/Button';
import { Prose } from '@/components/ui/Prose';
import { submitInterviewResult } from '@/lib/interview/api-client';
import type { InterviewResultSummary, InterviewSession } from '@/lib/interview/types';
import { EndInterview } from './EndInterview';
import { QuestionPrompt } from './QuestionPrompt';
import { Rubric } from './Rubric';
import { answeringSeconds } from '@/lib/interview/saved-interview';
import { useAnsweringClock } from './use-answering-clock';
import {
  interviewAnswers,
  isMarked,
  reviewedCount,
  spentOnOthers,
  useInterviewRun,
  type InterviewRun,
} from './use-interview-run';
import { useSavedRun } from './use-saved-run';

/**
 * One question at a time: answer against the clocks, show the model answer (the clocks pause),
 * mark the rubric, next. The clocks count answering time only, so a 15-minute interview is 15
 * minutes of answering however long the learner spends reading model answers. `initial` is a new
 * run or a saved one resumed after a reload; either way the run is saved as it changes.
 */
export function InterviewRunner({
  session,
  initial,
  onFinished,
}: {
  session: InterviewSession;
  initial: InterviewRun;
  onFinished: (summary: InterviewResultSummary, answered: number) => void;
}) {
  const [run, dispatch] = useInterviewRun(initial);
  useSavedRun(session, run);
  const { index, revealed, since } = run;
  const total = session.questions.length;
  const question = session.questions[index]!;
  const review = run.reviews[index]!;
  const questionBudget = question.minutes * 60;
  const interviewBudget = session.minutes * 60;
  const spentOthers = spentOnOthers(run);
  const { now, announcement } = useAnsweringClock({
    question: index,
    since,
    questionBudget,
    interviewBudget,
    spentOthers,
  });
  const elapsed = answeringSeconds(run, now);
  const isLast = index === total - 1;

  const questionHeading = useRef<HTMLHeadingElement>(null);
  const answerHeading = useRef<HTMLHeadingElement>(null);
  const firstAssessment = useRef<HTMLInputElement>(null);
  const keepGoing = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    questionHeading.current?.focus();
  }, [index]);
  useEffect(() => {
    if (revealed) answerHeading.current?.focus();
  }, [revealed]);
  useEffect(() => {
    if (run.confirmingEnd) keepGoing.current?.focus();
  }, [run.confirmingEnd]);

  const reveal = () => dispatch({ type: 'reveal', at: Date.now() });

  /** Sends the first `count` questions (all reviewed) to be scored. */
  const finish = async (count: number) => {
    dispatch({ type: 'saving', count });
    const result = await submitInterviewResult({
      minutes: session.minutes,
      topics: session.topics,
      ...interviewAnswers(session, run, count),
    });
    if (!result.ok) return dispatch({ type: 'saveFailed', count, error: result.error });
    onFinished(result, count);
  };

  const next = () => {
    if (!isMarked(question, review)) {
      dispatch({ type: 'assessmentMissing' });
      firstAssessment.current?.focus();
      return;
    }
    if (isLast) return void finish(total);
    dispatch({ type: 'next', at: Date.now() });
  };

  return (
    <section aria-labelledby="interview-question-heading" className="mt-6">
      <QuestionPrompt
        question={question}
        position={index + 1}
        total={total}
        headingRef={questionHeading}
        clock={{ questionBudget, interviewBudget, elapsed, spentOthers, paused: since === null }}
        announcement={announcement}
        draft={run.drafts[index]!}
        onDraft={(text) => dispatch({ type: 'draft', text })}
        revealed={revealed}
        onReveal={reveal}
      />

      {revealed && (
        <section aria-labelledby="interview-model-answer" className="mt-6 border-t border-line pt-5">
          <h3
            id="interview-model-answer"
            ref={answerHeading}
            tabIndex={-1}
            className="text-lg font-semibold focus:outline-none"
          >
            Model answer
          </h3>
          {/* Rendered on the server by micromark, which escapes raw HTML in the Markdown. */}
          <Prose size="sm" className="mt-2" html={question.modelAnswerHtml} />
          <Rubric
            question={question}
            index={index}
            review={review}
            onCover={(point, covered) => dispatch({ type: 'cover', point, covered })}
            onAssess={(assessment) => dispatch({ type: 'assess', assessment })}
            missingAssessment={run.missingAssessment}
            firstAssessmentRef={firstAssessment}
          />
          <div className="mt-6 flex flex-wrap gap-2">
            <Button size="lg" onClick={next} disabled={run.saving.status === 'saving'}>
              {isLast ? 'Finish and see your results' : 'Next question'}
            </Button>
          </div>
        </section>
      )}

      <EndInterview
        reviewedCount={reviewedCount(run, question)}
        confirming={run.confirmingEnd}
        onConfirming={(open) => dispatch({ type: 'confirmEnd', open })}
        keepGoingRef={keepGoing}
        saving={run.saving}
        onFinish={(count) => void finish(count)}
      />
    </section>
  );
}
