import Link from 'next/link';
import { LessonStatus } from '@/components/progress/LessonStatus';
import { TrackProgress } from '@/components/progress/TrackProgress';
import type { TrackWithLessons } from '@/lib/content/lessons';

/** The tracks and their lessons, as cards. Tracks still being written say so. */
export function TrackList({ tracks, headingLevel = 'h2' }: { tracks: TrackWithLessons[]; headingLevel?: 'h2' | 'h3' }) {
  const Heading = headingLevel;
  return (
    <ol className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {tracks.map((track, index) => (
        <li key={track.id} className="flex flex-col rounded-lg border border-line p-5">
          <p className="text-xs font-semibold uppercase tracking-wide text-accent-text">Track {index + 1}</p>
          <Heading className="mt-1 text-lg font-semibold">{track.title}</Heading>
          <p className="mt-2 text-sm text-muted">{track.summary}</p>
          {track.lessons.length > 0 && <TrackProgress trackId={track.id} title={track.title} />}
          {track.lessons.length > 0 ? (
            <ul className="mt-4 space-y-2 text-sm">
              {track.lessons.map((lesson) => (
                <li key={lesson.slug}>
                  <Link
                    href={`/learn/${lesson.slug}`}
                    className="font-medium text-accent-text underline-offset-2 hover:underline"
                  >
                    {lesson.title}
                  </Link>
                  <LessonStatus slug={lesson.slug} />
                  <span className="text-slate-500 dark:text-slate-400"> · {lesson.minutes} min</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-4 text-sm italic text-slate-500 dark:text-slate-400">Lessons in preparation.</p>
          )}
        </li>
      ))}
    </ol>
  );
}
