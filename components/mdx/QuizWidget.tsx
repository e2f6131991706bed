'use client';

import { useId, useState, type ReactNode } from 'react';
import { refreshProgress } from '@/components/progress/use-progress';
import { useHydrated } from '@/components/ui/use-hydrated';
import { answerQuiz } from '@/lib/progress/api-client';

interface QuizWidgetProps {
  id: string;
  question: string;
  choices: { content: ReactNode; correct: boolean }[];
  explanation: ReactNode;
  /** Several right answers: checkboxes, and the answer is right only with exactly those ticked. */
  multiple: boolean;
}

type Verdict = { right: boolean; picked: number[] };

export function QuizWidget({ id, question, choices, explanation, multiple }: QuizWidgetProps) {
  const [selected, setSelected] = useState<number[]>([]);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
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
    const picked = [...selected].sort((a, b) => a - b);
    const right = choices.every((choice, index) => choice.correct === picked.includes(index));
    setVerdict({ right, picked });
    setSaveError(null);
    // The local verdict shows at once; the server scores and keeps its own.
    void answerQuiz(id, picked).then((result) => (result.ok ? refreshProgress() : setSaveError(result.error)));
  };

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
              const shown = verdict?.picked.includes(index) ? (choice.correct ? 'right' : 'wrong') : null;
              return (
                <label
                  key={inputId}
                  htmlFor={inputId}
                  className={`flex cursor-pointer items-start gap-3 rounded-md border px-3 py-2 text-sm ${
                    shown === 'right'
                      ? 'border-emerald-600 bg-emerald-50 dark:bg-emerald-950/40'
                      : shown === 'wrong'
                        ? 'border-rose-600 bg-rose-50 dark:bg-rose-950/40'
                        : 'border-slate-200 hover:border-slate-400 dark:border-slate-700'
                  }`}
                >
                  <input
                    id={inputId}
                    type={multiple ? 'checkbox' : 'radio'}
                    name={groupId}
                    className="mt-1"
                    checked={selected.includes(index)}
                    disabled={!hydrated}
                    onChange={() => toggle(index)}
                  />
                  <span className="[&_code]:font-mono">{choice.content}</span>
                </label>
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
      <div aria-live="polite" className="mt-3 text-sm">
        {verdict && (
          <div className={verdict.right ? 'text-success-text' : 'text-danger-text'}>
            <p className="font-semibold">
              {verdict.right
                ? 'Correct.'
                : multiple
                  ? 'Not quite: tick every right answer and only those. Try again.'
                  : 'Not quite. Try another answer.'}
            </p>
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
