/**
 * What a quiz tells the learner after a check, from the choices' answer key alone. The widget
 * shows it at once; the server scores the same answer from the MDX (lib/content/quizzes.ts).
 */
export interface QuizVerdict {
  right: boolean;
  /** The picked choices, in order. */
  picked: number[];
  /** Picked but wrong: each is explained beside its choice. */
  wrong: number[];
  /** Right but not picked (select-all quizzes only): each is explained beside its choice. */
  missed: number[];
}

export function judgeQuizAnswer(
  correct: readonly boolean[],
  selected: readonly number[],
  multiple: boolean,
): QuizVerdict {
  const picked = [...new Set(selected)].sort((a, b) => a - b);
  const wrong = picked.filter((index) => !correct[index]);
  // In a one-answer quiz a wrong pick says enough; naming the right one would give the answer away.
  const missed = multiple
    ? correct.flatMap((isRight, index) => (isRight && !picked.includes(index) ? [index] : []))
    : [];
  const right = correct.every((isRight, index) => isRight === picked.includes(index));
  return { right, picked, wrong, missed };
}

/** Wrong picks stay marked across tries, so a learner does not pick the same wrong choice twice. */
export function markedWrong(earlier: readonly number[], verdict: QuizVerdict): number[] {
  return [...new Set([...earlier, ...verdict.wrong])].sort((a, b) => a - b);
}
