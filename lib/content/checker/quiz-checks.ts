/**
 * The content checker's quiz rules (first pass, from the files alone): quiz ids unique across all
 * lessons and guides, at least two choices, a right answer but not only right answers, an
 * explanation, and a why="…" on each choice the widget explains.
 */
import type { IndexedQuiz, MdxIndex } from '../mdx-index';
import type { ContentProblem } from './problems';

export function checkQuizzes(file: string, index: MdxIndex, quizIds: Map<string, string>, problems: ContentProblem[]) {
  for (const quiz of index.quizzes) {
    const where = { file, line: quiz.line };
    if (quiz.id) {
      const other = quizIds.get(quiz.id);
      if (other)
        problems.push({
          ...where,
          message: `quiz id "${quiz.id}" is also used in ${other}: ids must be unique across all lessons`,
        });
      quizIds.set(quiz.id, file);
    }
    if (quiz.choices.length < 2)
      problems.push({
        ...where,
        message: `quiz "${quiz.id ?? quiz.question}" needs at least two <Choice> (has ${quiz.choices.length})`,
      });
    if (!quiz.choices.some((choice) => choice.correct))
      problems.push({
        ...where,
        message: `quiz "${quiz.id ?? quiz.question}" has no right answer: mark one or more choices <Choice correct>`,
      });
    if (quiz.choices.length > 0 && quiz.choices.every((choice) => choice.correct))
      problems.push({
        ...where,
        message: `quiz "${quiz.id ?? quiz.question}" marks every choice correct: nothing to think about`,
      });
    if (!quiz.hasExplanation)
      problems.push({
        ...where,
        message: `quiz "${quiz.id ?? quiz.question}" needs an <Explanation> saying why the answer is right`,
      });
    checkChoiceReasons(file, quiz, problems);
  }
}

/**
 * A wrong pick is explained at once, beside the choice (components/mdx/QuizWidget.tsx), so every
 * wrong choice needs its own why="…". In a select-all-that-apply quiz a missed right choice is
 * explained too, so there the right choices need one as well.
 */
function checkChoiceReasons(file: string, quiz: IndexedQuiz, problems: ContentProblem[]) {
  const multiple = quiz.choices.filter((choice) => choice.correct).length > 1;
  quiz.choices.forEach((choice, index) => {
    const label = choice.text.length > 60 ? `${choice.text.slice(0, 57)}…` : choice.text;
    // The widget shows `…` as code (components/mdx/Quiz.tsx); an odd count would turn the rest into code.
    if (choice.why && (choice.why.match(/`/g)?.length ?? 0) % 2 === 1) {
      problems.push({
        file,
        line: choice.line,
        message: `quiz "${quiz.id ?? quiz.question}": choice ${index + 1} ("${label}") has a why="…" with an unclosed backtick`,
      });
    }
    if (choice.why || (choice.correct && !multiple)) return;
    const reason = choice.correct
      ? 'why it is right, shown when a learner misses it'
      : 'why a learner might pick it and why it is wrong, shown when they do';
    problems.push({
      file,
      line: choice.line,
      message: `quiz "${quiz.id ?? quiz.question}": choice ${index + 1} ("${label}") needs a why="…" attribute with a plain string saying ${reason}`,
    });
  });
}
