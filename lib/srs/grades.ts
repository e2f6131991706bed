/**
 * The four grades a learner gives a card, numbered as ts-fsrs numbers them (Rating.Again … Easy)
 * and as the keyboard shortcuts 1–4. No dependencies: the grade buttons import this.
 */
export const GRADES = [1, 2, 3, 4] as const;
export type GradeValue = (typeof GRADES)[number];

export const GRADE_NAMES: Record<GradeValue, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

export const isGrade = (value: number): value is GradeValue => (GRADES as readonly number[]).includes(value);
