'use client';

import { useId, useState, type ReactNode } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';

interface QuizWidgetProps {
  question: string;
  choices: { content: ReactNode; correct: boolean }[];
  explanation: ReactNode;
}

export function QuizWidget({ question, choices, explanation }: QuizWidgetProps) {
  const [selected, setSelected] = useState<number | null>(null);
  const [checked, setChecked] = useState<number | null>(null);
  const groupId = useId();
  const hydrated = useHydrated();
  const isRight = checked !== null && choices[checked]?.correct === true;

  return (
    <section aria-labelledby={`${groupId}-q`} className="not-prose my-8 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
      <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Quiz</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (selected !== null) setChecked(selected);
        }}
      >
        <fieldset>
          <legend id={`${groupId}-q`} className="mb-3 font-medium">
            {question}
          </legend>
          <div className="space-y-2">
            {choices.map((choice, index) => {
              const id = `${groupId}-${index}`;
              const verdict = checked === index ? (choice.correct ? 'right' : 'wrong') : null;
              return (
                <label
                  key={id}
                  htmlFor={id}
                  className={`flex cursor-pointer items-start gap-3 rounded-md border px-3 py-2 text-sm ${
                    verdict === 'right'
                      ? 'border-emerald-600 bg-emerald-50 dark:bg-emerald-950/40'
                      : verdict === 'wrong'
                        ? 'border-rose-600 bg-rose-50 dark:bg-rose-950/40'
                        : 'border-slate-200 hover:border-slate-400 dark:border-slate-700'
                  }`}
                >
                  <input
                    id={id}
                    type="radio"
                    name={groupId}
                    className="mt-1"
                    checked={selected === index}
                    disabled={!hydrated}
                    onChange={() => setSelected(index)}
                  />
                  <span className="[&_code]:font-mono">{choice.content}</span>
                </label>
              );
            })}
          </div>
        </fieldset>
        <button
          type="submit"
          disabled={selected === null}
          className="mt-4 rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white disabled:cursor-not-allowed disabled:opacity-50 dark:bg-slate-100 dark:text-slate-900"
        >
          Check answer
        </button>
      </form>
      <div aria-live="polite" className="mt-3 text-sm">
        {checked !== null && (
          <div className={isRight ? 'text-emerald-800 dark:text-emerald-300' : 'text-rose-800 dark:text-rose-300'}>
            <p className="font-semibold">{isRight ? 'Correct.' : 'Not quite. Try another answer.'}</p>
            {isRight && explanation && <div className="mt-2 text-slate-700 dark:text-slate-300 [&_code]:font-mono">{explanation}</div>}
          </div>
        )}
      </div>
    </section>
  );
}
