/**
 * The interview timers' text and what screen readers hear. The visible timers tick every second
 * but are not live regions (that would announce every second); a polite live region announces
 * only the milestones below, each once, when the time crosses it.
 */

/** Whole seconds as mm:ss (minutes keep counting past 59: 75:00). */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** "04:59 left" while time remains, "00:12 over" after. */
export function formatRemaining(budgetSeconds: number, elapsedSeconds: number): { text: string; over: boolean } {
  const left = budgetSeconds - Math.floor(elapsedSeconds);
  return left >= 0
    ? { text: `${formatClock(left)} left`, over: false }
    : { text: `${formatClock(-left)} over`, over: true };
}

/** "6 minutes", "1 minute", "90 seconds": for sentences read aloud. */
export function spokenDuration(totalSeconds: number): string {
  if (totalSeconds % 60 !== 0) return `${totalSeconds} seconds`;
  const minutes = totalSeconds / 60;
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export interface Milestone {
  /** Elapsed seconds at which to announce. */
  at: number;
  message: string;
}

export function questionMilestones(budgetSeconds: number): Milestone[] {
  return [
    ...(budgetSeconds > 120 ? [{ at: budgetSeconds - 60, message: '1 minute left for this question.' }] : []),
    { at: budgetSeconds, message: 'Time is up for this question. Finish your thought, then show the model answer.' },
  ];
}

export function interviewMilestones(budgetSeconds: number): Milestone[] {
  return [
    ...(budgetSeconds > 600 ? [{ at: budgetSeconds - 300, message: '5 minutes left in the interview.' }] : []),
    ...(budgetSeconds > 120 ? [{ at: budgetSeconds - 60, message: '1 minute left in the interview.' }] : []),
    { at: budgetSeconds, message: 'The interview time is up. Finish this question, then see your results.' },
  ];
}

/** Milestones passed when the elapsed time moved from `before` (exclusive) to `after` (inclusive). */
export const crossedMilestones = (milestones: readonly Milestone[], before: number, after: number) =>
  milestones.filter((milestone) => milestone.at > before && milestone.at <= after);
