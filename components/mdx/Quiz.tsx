import { Children, isValidElement, type ReactNode } from 'react';
import { QuizWidget } from './QuizWidget';

/** Marker children of <Quiz>: authors write them, Quiz reads them by type. */
export function Choice({ children }: { correct?: boolean; children: ReactNode }) {
  return <>{children}</>;
}

export function Explanation({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

/**
 * A question with one right answer (radio buttons) or several ("select all that apply", when more
 * than one <Choice correct>). Reads its <Choice> and <Explanation> children on the server and
 * hands plain data to the interactive widget, so authors write natural MDX:
 *   <Quiz id="…" question="…"><Choice>…</Choice><Choice correct>…</Choice><Explanation>…</Explanation></Quiz>
 * The id keys the learner's recorded answer; the server scores it from the same MDX.
 */
export function Quiz({ id, question, children }: { id: string; question: string; children: ReactNode }) {
  const choices: { content: ReactNode; correct: boolean }[] = [];
  let explanation: ReactNode = null;
  Children.forEach(children, (child) => {
    if (!isValidElement<{ correct?: boolean; children: ReactNode }>(child)) return;
    if (child.type === Choice) choices.push({ content: child.props.children, correct: child.props.correct === true });
    else if (child.type === Explanation) explanation = child.props.children;
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
