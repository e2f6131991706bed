'use client';

import { GRADE_NAMES } from '@/lib/srs/grades';

const GRADES = [
  { grade: 1, label: GRADE_NAMES[1], className: 'bg-rose-700 hover:bg-rose-800' },
  { grade: 2, label: GRADE_NAMES[2], className: 'bg-amber-800 hover:bg-amber-900' },
  { grade: 3, label: GRADE_NAMES[3], className: 'bg-emerald-700 hover:bg-emerald-800' },
  { grade: 4, label: GRADE_NAMES[4], className: 'bg-accent hover:bg-accent-hover' },
] as const;

/** Again / Hard / Good / Easy, each with its key (1–4) and the interval it would schedule. */
export function GradeButtons({
  intervals,
  disabled,
  onGrade,
  cram,
}: {
  intervals: Record<string, string>;
  disabled: boolean;
  onGrade: (grade: number) => void;
  cram: boolean;
}) {
  return (
    <div role="group" aria-label="Grade your answer" className="grid grid-cols-2 gap-2 sm:grid-cols-4">
      {GRADES.map(({ grade, label, className }) => (
        <button
          key={grade}
          type="button"
          disabled={disabled}
          onClick={() => onGrade(grade)}
          aria-keyshortcuts={String(grade)}
          aria-label={
            cram
              ? `${label} (key ${grade})`
              : `${label}, next review in ${intervals[String(grade)] ?? '?'} (key ${grade})`
          }
          className={`flex min-h-14 flex-col items-center justify-center rounded-lg px-3 py-2 text-white disabled:opacity-60 ${className}`}
        >
          <span className="font-semibold">{label}</span>
          <span className="text-xs opacity-90">
            {cram ? 'cram' : intervals[String(grade)]} · {grade}
          </span>
        </button>
      ))}
    </div>
  );
}
