'use client';

import { useId, useState, type ReactNode } from 'react';
import { refreshProgress } from '@/components/progress/use-progress';
import { useHydrated } from '@/components/ui/use-hydrated';
import { answerQuiz } from '@/lib/progress/api-client';
import { judgeQuizAnswer, markedWrong, type QuizVerdict } from './quiz-feedback';

export interface QuizChoice {
  content: ReactNode;
  correct: boolean;
  /** This choice's own explanation (from <Choice why="…">), or null. */
  why: ReactNode;
}

interface QuizWidgetProps {
  id: string;
  question: string;
  choices: QuizChoice[];
  explanation: ReactNode;
  /** Several right answers: checkboxes, and the answer is right only with exactly those ticked. */
  multiple: boolean;
}

type ChoiceMark = 'right' | 'wrong' | 'missed' | null;

const MARK_STYLES: Record<NonNullable<ChoiceMark> | 'none', string> = {
  right: 'border-emerald-600 bg-emerald-50 dark:bg-emerald-950/40',
  wrong: 'border-rose-600 bg-rose-50 dark:bg-rose-950/40',
  missed: 'border-amber-600 bg-amber-50 dark:bg-amber-950/40',
  none: 'border-slate-200 hover:border-slate-400 dark:border-slate-700',
};

/** Words, not only colour, say what a mark means. */
const NOTE_LEAD = { wrong: 'Not this one: ', missed: 'Also right: ' } as const;
const NOTE_FALLBACK = { wrong: 'this choice is wrong.', missed: 'tick this one too.' } as const;

function ChoiceNote({ id, mark, why }: { id: string; mark: 'wrong' | 'missed'; why: ReactNode }) {
  return (
    <p
      id={id}
      className={`border-t px-3 py-2 text-sm [&_code]:font-mono ${
        mark === 'wrong'
          ? 'border-rose-200 text-danger-text dark:border-rose-900'
          : 'border-amber-200 text-amber-900 dark:border-amber-900 dark:text-amber-200'
      }`}
    >
      <span className="font-semibold">{NOTE_LEAD[mark]}</span>
      {why ?? NOTE_FALLBACK[mark]}
    </p>
  );
}

export function QuizWidget({ id, question, choices, explanation, multiple }: QuizWidgetProps) {
  const [selected, setSelected] = useState<number[]>([]);
  const [verdict, setVerdict] = useState<QuizVerdict | null>(null);
  const [wrongPicks, setWrongPicks] = useState<number[]>([]);
  // Counts checks, so the live region's content is replaced (and read again) even when a try repeats the last one.
  const [attempt, setAttempt] = useState(0);
  const [saveError, setSaveError] = useState<string | null>(null);
  const groupId = useId();
  const hydrated = useHydrated();

  const toggle = (index: number) => {
    setSelected((current) =>
      multiple
        ? current.includes(index)
          ? current.filter((choice) => choice !== index)
          : [...current, index]
        : [index],
    );
  };

  const check = () => {
    if (selected.length === 0) return;
    const next = judgeQuizAnswer(
      choices.map((choice) => choice.correct),
      selected,
      multiple,
    );
    setVerdict(next);
    setWrongPicks((earlier) => markedWrong(earlier, next));
    setAttempt((count) => count + 1);
    setSaveError(null);
    // The local verdict shows at once; the server scores and keeps its own.
    void answerQuiz(id, next.picked).then((result) => (result.ok ? refreshProgress() : setSaveError(result.error)));
  };

  const markOf = (index: number): ChoiceMark => {
    if (wrongPicks.includes(index)) return 'wrong';
    if (verdict?.missed.includes(index)) return 'missed';
    if (verdict?.picked.includes(index) && choices[index]?.correct) return 'right';
    return null;
  };
  const noteId = (index: number) => `${groupId}-${index}-why`;

  return (
    <section
      aria-labelledby={`${groupId}-q`}
      data-quiz-id={id}
      className="not-prose my-8 rounded-lg border border-slate-200 p-4 dark:border-slate-700"
    >
      <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
        {multiple ? 'Quiz · select all that apply' : 'Quiz'}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          check();
        }}
      >
        <fieldset>
          <legend id={`${groupId}-q`} className="mb-3 font-medium">
            {question}
          </legend>
          <div className="space-y-2">
            {choices.map((choice, index) => {
              const inputId = `${groupId}-${index}`;
              const mark = markOf(index);
              const noted = mark === 'wrong' || mark === 'missed' ? mark : null;
              return (
                <div key={inputId} className={`rounded-md border ${MARK_STYLES[mark ?? 'none']}`}>
                  <label htmlFor={inputId} className="flex cursor-pointer items-start gap-3 px-3 py-2 text-sm">
                    <input
                      id={inputId}
                      type={multiple ? 'checkbox' : 'radio'}
                      name={groupId}
                      className="mt-1"
                      checked={selected.includes(index)}
                      disabled={!hydrated}
                      aria-describedby={noted ? noteId(index) : undefined}
                      onChange={() => toggle(index)}
                    />
                    <span className="[&_code]:font-mono">{choice.content}</span>
                  </label>
                  {noted && <ChoiceNote id={noteId(index)} mark={noted} why={choice.why} />}
                </div>
              );
            })}
          </div>
        </fieldset>
        <button
          type="submit"
          disabled={selected.length === 0}
          className="mt-4 rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white disabled:cursor-not-allowed disabled:opacity-50 dark:bg-slate-100 dark:text-slate-900"
        >
          Check answer
        </button>
      </form>
      {/*
        The quiz's one live region: each check is read once, reasons included; the same reasons sit
        visibly beside their choices. Not atomic (role=status would be), so a late "not saved" note
        is read alone rather than with the whole verdict again.
      */}
      <div role="status" aria-live="polite" aria-atomic="false" className="mt-3 text-sm">
        {verdict && (
          <div key={attempt} className={verdict.right ? 'text-success-text' : 'text-danger-text'}>
            <p className="font-semibold">
              {verdict.right
                ? 'Correct.'
                : multiple
                  ? 'Not quite: tick every right answer and only those. Try again.'
                  : 'Not quite. Try another answer.'}
            </p>
            {!verdict.right && (
              <div className="sr-only">
                {[
                  ...verdict.wrong.map((index) => ['wrong', index] as const),
                  ...verdict.missed.map((index) => ['missed', index] as const),
                ].map(([mark, index]) => (
                  <p key={`${mark}-${index}`}>
                    {NOTE_LEAD[mark]}
                    {choices[index]?.content}. {choices[index]?.why ?? NOTE_FALLBACK[mark]}
                  </p>
                ))}
              </div>
            )}
            {verdict.right && explanation && (
              <div className="mt-2 text-slate-700 dark:text-slate-300 [&_code]:font-mono">{explanation}</div>
            )}
          </div>
        )}
        {saveError && <p className="mt-2 text-amber-800 dark:text-amber-300">Your answer was not saved: {saveError}</p>}
      </div>
    </section>
  );
}
