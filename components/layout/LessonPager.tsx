import Link from 'next/link';
import { LessonEndCard } from '@/components/progress/LessonEndCard';
import type { Lesson } from '@/lib/content/lessons';

/**
 * The foot of a lesson: the end-of-lesson card (what is done, what is left, what is next) when the
 * lesson's slug is given, then the links to the previous and next lessons.
 */
export function LessonPager({ slug, previous, next }: { slug?: string; previous?: Lesson; next?: Lesson }) {
  return (
    <>
      {slug && <LessonEndCard slug={slug} next={next && { slug: next.slug, title: next.title }} />}
      <LessonNeighbours previous={previous} next={next} />
    </>
  );
}

function LessonNeighbours({ previous, next }: { previous?: Lesson; next?: Lesson }) {
  if (!previous && !next) return null;
  return (
    <nav aria-label="Previous and next lessons" className="mt-8 grid gap-3 border-t border-line pt-6 sm:grid-cols-2">
      {previous ? (
        <Link
          href={`/learn/${previous.slug}`}
          rel="prev"
          className="rounded-md border border-line p-3 hover:border-accent-line"
        >
          <span className="block text-xs text-slate-500 dark:text-slate-400">Previous</span>
          <span className="font-medium">{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next && (
        <Link
          href={`/learn/${next.slug}`}
          rel="next"
          className="rounded-md border border-line p-3 text-right hover:border-accent-line sm:col-start-2"
        >
          <span className="block text-xs text-slate-500 dark:text-slate-400">Next</span>
          <span className="font-medium">{next.title}</span>
        </Link>
      )}
    </nav>
  );
}
