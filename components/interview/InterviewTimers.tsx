import { formatRemaining } from '@/lib/interview/clock';

interface TimerProps {
  label: string;
  budgetSeconds: number;
  elapsedSeconds: number;
  paused: boolean;
}

/**
 * One countdown. role="timer" is not announced as it changes (its live setting is off), so a screen
 * reader reads it only when the learner moves to it; milestones are announced by the runner.
 */
function Timer({ label, budgetSeconds, elapsedSeconds, paused }: TimerProps) {
  const { text, over } = formatRemaining(budgetSeconds, elapsedSeconds);
  return (
    <div
      role="timer"
      aria-atomic="true"
      className={`rounded-md border px-3 py-1.5 ${over ? 'border-amber-500 bg-amber-50 dark:border-amber-500 dark:bg-amber-950/40' : 'border-slate-200 dark:border-slate-700'}`}
    >
      {/* One line, paused or not, so the two timers stay level on a 360 px phone. */}
      <span className="block whitespace-nowrap text-xs text-muted">
        {label}
        {paused && <span className="ml-1">(paused)</span>}
      </span>
      <span className={`font-mono text-lg tabular-nums ${over ? 'text-amber-900 dark:text-amber-200' : ''}`}>
        {text}
      </span>
    </div>
  );
}

/** The per-question and whole-interview countdowns, side by side (they fit a 360 px phone, labels on one line). */
export function InterviewTimers({
  question,
  interview,
  paused,
}: {
  question: Omit<TimerProps, 'label' | 'paused'>;
  interview: Omit<TimerProps, 'label' | 'paused'>;
  paused: boolean;
}) {
  return (
    <div className="grid grid-cols-2 gap-2 text-sm" data-testid="interview-timers">
      <Timer label="Question" paused={paused} {...question} />
      <Timer label="Interview" paused={paused} {...interview} />
    </div>
  );
}
