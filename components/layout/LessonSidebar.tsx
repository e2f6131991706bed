import Link from 'next/link';
import { LessonStatus } from '@/components/progress/LessonStatus';
import { TrackProgress } from '@/components/progress/TrackProgress';
import type { TrackWithLessons } from '@/lib/content/lessons';

function LessonLinks({ tracks, currentSlug }: { tracks: TrackWithLessons[]; currentSlug: string }) {
  return (
    <ol className="space-y-5">
      {tracks
        .filter((track) => track.lessons.length > 0)
        .map((track) => (
          <li key={track.id}>
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
              {track.title}
            </p>
            <div className="mb-2 pr-2">
              <TrackProgress trackId={track.id} title={track.title} />
            </div>
            <ol className="space-y-1 border-l border-line">
              {track.lessons.map((lesson) => {
                const current = lesson.slug === currentSlug;
                return (
                  <li key={lesson.slug}>
                    <Link
                      href={`/learn/${lesson.slug}`}
                      // Prefetching every visible lesson cost each lesson view ~140 KB of other
                      // lessons' payloads; a click still loads the next lesson on demand.
                      prefetch={false}
                      aria-current={current ? 'page' : undefined}
                      className={`-ml-px block border-l-2 py-1 pl-3 text-sm ${
                        current
                          ? 'border-accent-line font-medium text-accent-text-strong'
                          : 'border-transparent text-muted hover:border-slate-400 hover:text-slate-900 dark:hover:text-slate-100'
                      }`}
                    >
                      {lesson.title}
                      <LessonStatus slug={lesson.slug} />
                    </Link>
                  </li>
                );
              })}
            </ol>
          </li>
        ))}
    </ol>
  );
}

/** All lessons by track: a column on wide screens, a disclosure on phones. */
export function LessonSidebar({ tracks, currentSlug }: { tracks: TrackWithLessons[]; currentSlug: string }) {
  return (
    <nav aria-label="Lessons">
      <details className="rounded-md border border-line p-3 lg:hidden">
        <summary className="cursor-pointer text-sm font-medium">All lessons</summary>
        <div className="mt-3">
          <LessonLinks tracks={tracks} currentSlug={currentSlug} />
        </div>
      </details>
      <div className="hidden lg:block">
        <LessonLinks tracks={tracks} currentSlug={currentSlug} />
      </div>
    </nav>
  );
}
