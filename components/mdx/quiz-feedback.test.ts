import { describe, expect, it } from 'vitest';
import { judgeQuizAnswer, markedWrong } from './quiz-feedback';

describe('judgeQuizAnswer', () => {
  it('one answer: a wrong pick is wrong and names no right choice', () => {
    expect(judgeQuizAnswer([false, true, false], [2], false)).toEqual({
      right: false,
      picked: [2],
      wrong: [2],
      missed: [],
    });
    expect(judgeQuizAnswer([false, true, false], [1], false)).toEqual({
      right: true,
      picked: [1],
      wrong: [],
      missed: [],
    });
  });

  it('select all: names each wrong selection and each missed right one', () => {
    expect(judgeQuizAnswer([true, true, false, false], [3, 0, 3], true)).toEqual({
      right: false,
      picked: [0, 3],
      wrong: [3],
      missed: [1],
    });
    expect(judgeQuizAnswer([true, true, false], [1, 0], true)).toMatchObject({ right: true, wrong: [], missed: [] });
  });
});

describe('markedWrong', () => {
  it('keeps earlier wrong picks marked after a later try, right or wrong', () => {
    const first = markedWrong([], judgeQuizAnswer([false, true, false], [0], false));
    const second = markedWrong(first, judgeQuizAnswer([false, true, false], [2], false));
    expect(second).toEqual([0, 2]);
    expect(markedWrong(second, judgeQuizAnswer([false, true, false], [1], false))).toEqual([0, 2]);
  });
});
