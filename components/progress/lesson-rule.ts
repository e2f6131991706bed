/** The rule a lesson is counted done by, in words: shown wherever lessons are counted, so the counts explain themselves. */
export const LESSON_DONE_RULE =
  'A lesson counts as done when you have read it to the end, answered every quiz right (retries count) and passed every challenge.';

/** "1 / 4", or "none" for a lesson without any of that step. */
export const stepCount = (done: number, total: number) => (total === 0 ? 'none' : `${done} / ${total}`);
