import { DrillDashboard } from './DrillDashboard';
import { InterviewScores } from './InterviewScores';

/** The flashcard and mock-interview panels, as the home page and the progress dashboard show them. */
export function PracticeSections() {
  return (
    <>
      <section aria-labelledby="your-drills" className="mt-10">
        <h2 id="your-drills" className="mb-4 text-2xl font-semibold">
          Flashcards
        </h2>
        <DrillDashboard />
      </section>
      <section aria-labelledby="your-interviews" className="mt-10">
        <h2 id="your-interviews" className="mb-4 text-2xl font-semibold">
          Mock interviews
        </h2>
        <InterviewScores />
      </section>
    </>
  );
}
