/**
 * The four grades a learner gives a card, numbered as ts-fsrs numbers them (Rating.Again … Easy)
 * and as the keyboard shortcuts 1–4. No dependencies: the grade buttons import this.
 */
export const GRADES = [1, 2, 3, 4] as const;
export type GradeValue = (typeof GRADES)[number];

export const GRADE_NAMES: Record<GradeValue, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

export const isGrade = (value: number): value is GradeValue => (GRADES as readonly number[]).includes(value);

const INTERVAL_UNITS: Record<string, string> = { m: 'minute', h: 'hour', d: 'day', mo: 'month', y: 'year' };

/**
 * A button interval ("10m", "4d", "<1m", "1.3y", as lib/srs/scheduler.ts writes them) in words:
 * "10 minutes", "4 days", "less than a minute". Anything else is returned as it is.
 */
export function intervalInWords(interval: string): string {
  if (interval === '<1m') return 'less than a minute';
  const match = /^(\d+(?:\.\d+)?)(mo|m|h|d|y)$/.exec(interval);
  if (!match) return interval;
  const [, amount, unit] = match;
  return `${amount} ${INTERVAL_UNITS[unit!]}${amount === '1' ? '' : 's'}`;
}
