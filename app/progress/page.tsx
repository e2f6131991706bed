import type { Metadata } from 'next';
import { PracticeSections } from '@/components/dashboard/PracticeSections';
import { LessonProgressTable } from '@/components/progress/LessonProgressTable';
import { ProgressPanel } from '@/components/progress/ProgressPanel';
import { contentLibrary } from '@/lib/content/lessons';

export const metadata: Metadata = {
  title: 'Your progress',
  description:
    'Lessons read, quizzes answered and challenges passed, lesson by lesson; flashcard reviews and interview scores.',
};

/** The learner's dashboard: the totals, each lesson's steps, the drills and the mock interviews. */
export default function ProgressPage() {
  const lessons = contentLibrary().lessons.map(({ slug, title }) => ({ slug, title }));
  return (
    <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Your progress</h1>
      <section aria-labelledby="lessons-progress" className="mt-8">
        <h2 id="lessons-progress" className="mb-4 text-2xl font-semibold">
          Lessons
        </h2>
        <ProgressPanel lessons={lessons} />
        <div className="mt-6">
          <LessonProgressTable lessons={lessons} />
        </div>
      </section>
      <PracticeSections />
    </div>
  );
}
