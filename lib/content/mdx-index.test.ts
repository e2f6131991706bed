import { describe, expect, it } from 'vitest';
import { indexMdx } from './mdx-index';

const lesson = `---
title: "x"
---

Intro with a [link](/learn/other) and \`{braces}\` in code.

<Run command='SET greeting "hello world"' />

<Quiz id="q1" question="Pick two">
  <Choice correct>A</Choice>
  <Choice>B</Choice>
  <Choice correct>C</Choice>
  <Explanation>
Because.
  </Explanation>
</Quiz>

<Challenge id="c1">
Do it.
<Hint>Like this.</Hint>
</Challenge>
`;

describe('indexMdx', () => {
  it('finds runs, quizzes with their answer key, challenges and links, with lines', () => {
    const index = indexMdx(lesson);
    expect(index.runs).toEqual([{ command: 'SET greeting "hello world"', line: 7, engine: null }]);
    expect(index.quizzes).toHaveLength(1);
    expect(index.quizzes[0]).toMatchObject({ id: 'q1', question: 'Pick two', line: 9, hasExplanation: true });
    expect(index.quizzes[0]?.choices.map((choice) => choice.correct)).toEqual([true, false, true]);
    expect(index.challenges).toEqual([{ id: 'c1', line: 18 }]);
    expect(index.links).toEqual([{ url: '/learn/other', line: 5 }]);
    expect(index.elements.map((element) => element.name)).toEqual([
      'Run',
      'Quiz',
      'Choice',
      'Choice',
      'Choice',
      'Explanation',
      'Challenge',
      'Hint',
    ]);
  });

  it("reads each choice's why, trimmed, and null when it is missing, blank or an expression", () => {
    const index = indexMdx(
      '<Quiz id="q" question="?">\n  <Choice correct>A</Choice>\n  <Choice why=" Not `B`: it reads. ">B</Choice>\n  <Choice why="  ">C</Choice>\n  <Choice why={x}>D</Choice>\n</Quiz>\n',
    );
    expect(index.quizzes[0]?.choices).toEqual([
      { correct: true, text: 'A', why: null, line: 2 },
      { correct: false, text: 'B', why: 'Not `B`: it reads.', line: 3 },
      { correct: false, text: 'C', why: null, line: 4 },
      { correct: false, text: 'D', why: null, line: 5 },
    ]);
  });

  it('marks expression attributes as null, not as their source text', () => {
    const index = indexMdx('<Run command={someVariable} />\n');
    expect(index.runs).toEqual([{ command: null, line: 1, engine: null }]);
  });

  it('throws with a line number on bad MDX', () => {
    let thrown: unknown;
    try {
      indexMdx('Fine.\n\nA bare {user:42} in prose.\n');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ line: 3 });
  });
});
