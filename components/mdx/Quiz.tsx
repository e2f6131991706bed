import { Children, isValidElement, type ReactNode } from 'react';
import { QuizWidget, type QuizChoice } from './QuizWidget';

interface ChoiceProps {
  correct?: boolean;
  /**
   * Why this choice is wrong (or, in a select-all quiz, why a right one is right), shown beside it
   * the moment a learner picks it. Optional in the type; the content checker requires it on every
   * wrong choice. Plain text: `backticks` show as code.
   */
  why?: string;
  children: ReactNode;
}

/** Marker children of <Quiz>: authors write them, Quiz reads them by type. */
export function Choice({ children }: ChoiceProps) {
  return <>{children}</>;
}

export function Explanation({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

/** An attribute string cannot hold Markdown, so the one piece of it a reason needs, `code`, is read here. */
function reasonWithCode(why: string): ReactNode {
  return why
    .trim()
    .split('`')
    .map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part));
}

/**
 * A question with one right answer (radio buttons) or several ("select all that apply", when more
 * than one <Choice correct>). Reads its <Choice> and <Explanation> children on the server and
 * hands plain data to the interactive widget, so authors write natural MDX:
 *   <Quiz id="…" question="…">
 *     <Choice why="Why a learner might think so, and why not">…</Choice>
 *     <Choice correct>…</Choice>
 *     <Explanation>…</Explanation>
 *   </Quiz>
 * The id keys the learner's recorded answer; the server scores it from the same MDX, by choice index.
 */
export function Quiz({ id, question, children }: { id: string; question: string; children: ReactNode }) {
  const choices: QuizChoice[] = [];
  let explanation: ReactNode = null;
  Children.forEach(children, (child) => {
    if (!isValidElement<ChoiceProps>(child)) return;
    if (child.type === Choice) {
      const why = child.props.why?.trim() ? reasonWithCode(child.props.why) : null;
      choices.push({ content: child.props.children, correct: child.props.correct === true, why });
    } else if (child.type === Explanation) explanation = child.props.children;
  });
  const correctCount = choices.filter((choice) => choice.correct).length;
  if (choices.length < 2 || correctCount < 1 || !id) {
    // Caught by the build (and, with the line number, by the content checker): a quiz that cannot be answered must not ship.
    throw new Error(
      `<Quiz question="${question}"> needs an id, at least two <Choice> and at least one <Choice correct> (has ${choices.length} and ${correctCount}).`,
    );
  }
  return (
    <QuizWidget id={id} question={question} choices={choices} explanation={explanation} multiple={correctCount > 1} />
  );
}
