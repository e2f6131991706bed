'use client';

import type { KeyboardEvent, Ref } from 'react';
import { Button } from '@/components/ui/Button';
import { spokenDuration } from '@/lib/interview/clock';
import { TOPIC_LABELS } from '@/lib/content/topics';
import type { InterviewQuestion } from '@/lib/interview/types';
import { InterviewTimers } from './InterviewTimers';

/** The question's heading, clocks and prompt, and the learner's answer box; Ctrl+Enter shows the model answer. */
export function QuestionPrompt({
  question,
  position,
  total,
  headingRef,
  clock,
  announcement,
  draft,
  onDraft,
  revealed,
  onReveal,
}: {
  question: InterviewQuestion;
  /** 1-based. */
  position: number;
  total: number;
  headingRef: Ref<HTMLHeadingElement>;
  clock: { questionBudget: number; interviewBudget: number; elapsed: number; spentOthers: number; paused: boolean };
  announcement: string;
  draft: string;
  onDraft: (text: string) => void;
  revealed: boolean;
  onReveal: () => void;
}) {
  const onAnswerKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onReveal();
    }
  };

  return (
    <>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h2
            id="interview-question-heading"
            ref={headingRef}
            tabIndex={-1}
            className="text-xl font-semibold focus:outline-none"
          >
            Question {position} of {total}
          </h2>
          <p className="mt-1 text-sm text-muted">
            {question.kind === 'scenario' ? 'Scenario' : 'Flashcard'} · {spokenDuration(clock.questionBudget)} ·{' '}
            {question.topics.map((topic) => TOPIC_LABELS[topic]).join(', ')}
          </p>
        </div>
        <div className="sm:w-80">
          <InterviewTimers
            question={{ budgetSeconds: clock.questionBudget, elapsedSeconds: clock.elapsed }}
            interview={{ budgetSeconds: clock.interviewBudget, elapsedSeconds: clock.spentOthers + clock.elapsed }}
            paused={clock.paused}
          />
        </div>
      </div>
      <p className="sr-only" aria-live="polite" data-testid="interview-announcement">
        {announcement}
      </p>

      <div
        id="interview-prompt"
        className="mt-5 text-lg font-medium leading-snug [&_code]:font-mono [&_code]:text-base"
        dangerouslySetInnerHTML={{ __html: question.promptHtml }}
      />

      <label htmlFor="interview-answer" className="mt-5 block text-sm font-medium">
        Your answer{' '}
        <span className="font-normal text-muted">
          (type it or outline it; it stays in this browser, even if you reload)
        </span>
      </label>
      <textarea
        id="interview-answer"
        aria-describedby="interview-answer-hint"
        value={draft}
        onChange={(event) => onDraft(event.target.value)}
        onKeyDown={onAnswerKey}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        readOnly={revealed}
        rows={revealed ? 4 : 9}
        className="mt-1 w-full rounded-md border border-line-strong bg-white p-3 text-base read-only:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring dark:bg-slate-900 dark:read-only:bg-slate-900/50"
      />
      <p id="interview-answer-hint" className="mt-1 text-xs text-muted">
        {revealed
          ? 'Your answer, kept for comparing with the model answer.'
          : 'Ctrl+Enter (⌘+Enter on a Mac) shows the model answer.'}
      </p>

      {!revealed && (
        <div className="mt-4 flex flex-wrap gap-2">
          <Button size="lg" onClick={onReveal}>
            Show model answer
          </Button>
        </div>
      )}
    </>
  );
}
