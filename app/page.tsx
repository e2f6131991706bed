import Link from 'next/link';
import { TrackList } from '@/components/layout/TrackList';
import { ContinueLink } from '@/components/progress/ContinueLink';
import { ProgressPanel } from '@/components/progress/ProgressPanel';
import { PracticeSections } from '@/components/dashboard/PracticeSections';
import { contentLibrary } from '@/lib/content/lessons';
import { buttonProps } from '@/components/ui/Button';

export default function HomePage() {
  const { tracks, lessons } = contentLibrary();
  // In curriculum order (lib/content): the first is where a new learner starts.
  const lessonLinks = lessons.map(({ slug, title }) => ({ slug, title }));
  return (
    <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6 sm:py-16">
      <section className="max-w-3xl">
        <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">Learn caching by doing.</h1>
        <p className="mt-4 text-lg text-slate-600 dark:text-slate-300">
          Keyspace teaches Amazon ElastiCache and the engines behind it (Valkey, Redis OSS and Memcached) with short
          lessons, quizzes and a live console that runs your commands on a real Valkey server.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <ContinueLink lessons={lessonLinks} />
          <Link href="/sandbox" {...buttonProps({ variant: 'secondary' })}>
            Open the sandbox
          </Link>
        </div>
      </section>
      <section aria-labelledby="your-progress" className="mt-12">
        <h2 id="your-progress" className="mb-4 text-2xl font-semibold">
          Your progress
        </h2>
        <ProgressPanel lessons={lessonLinks} onHome />
      </section>
      <PracticeSections />
      <section aria-labelledby="tracks" className="mt-14">
        <h2 id="tracks" className="mb-6 text-2xl font-semibold">
          Lesson tracks
        </h2>
        <TrackList tracks={tracks} headingLevel="h3" />
      </section>
    </div>
  );
}
