'use client';

import type { Ref } from 'react';
import { GRADE_NAMES, intervalInWords } from '@/lib/srs/grades';

const GRADES = [
  { grade: 1, label: GRADE_NAMES[1], className: 'bg-rose-700 hover:bg-rose-800' },
  { grade: 2, label: GRADE_NAMES[2], className: 'bg-amber-800 hover:bg-amber-900' },
  { grade: 3, label: GRADE_NAMES[3], className: 'bg-emerald-700 hover:bg-emerald-800' },
  { grade: 4, label: GRADE_NAMES[4], className: 'bg-accent hover:bg-accent-hover' },
] as const;

/** The grade Space (or Enter) picks once the answer shows, as in Anki: focus lands on it after a reveal. */
export const DEFAULT_GRADE = 3;

/**
 * Again / Hard / Good / Easy: the grade's name, its key (1–4) in a <kbd> badge, and the interval it
 * would schedule in words. Screen readers hear one sentence: "Good, next review in 10 minutes, key 3".
 */
export function GradeButtons({
  intervals,
  disabled,
  onGrade,
  cram,
  defaultGradeRef,
}: {
  intervals: Record<string, string>;
  disabled: boolean;
  onGrade: (grade: number) => void;
  cram: boolean;
  defaultGradeRef: Ref<HTMLButtonElement>;
}) {
  return (
    <div role="group" aria-label="Grade your answer" className="grid grid-cols-2 gap-2 sm:grid-cols-4">
      {GRADES.map(({ grade, label, className }) => {
        const interval = intervalInWords(intervals[String(grade)] ?? '?');
        return (
          <button
            key={grade}
            ref={grade === DEFAULT_GRADE ? defaultGradeRef : undefined}
            type="button"
            disabled={disabled}
            onClick={() => onGrade(grade)}
            aria-keyshortcuts={String(grade)}
            aria-label={cram ? `${label}, key ${grade}` : `${label}, next review in ${interval}, key ${grade}`}
            className={`flex min-h-14 flex-col items-center justify-center gap-0.5 rounded-lg px-3 py-2 text-white disabled:opacity-60 ${className}`}
          >
            <span className="flex items-center gap-2">
              <span className="font-semibold">{label}</span>
              <kbd className="rounded border border-white/70 px-1.5 text-xs leading-5">{grade}</kbd>
            </span>
            <span className="text-xs opacity-90">{cram ? 'cram: no schedule' : `in ${interval}`}</span>
          </button>
        );
      })}
    </div>
  );
}
