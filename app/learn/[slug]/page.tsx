import type { Metadata } from 'next';
import type { ComponentType } from 'react';
import { notFound } from 'next/navigation';
import { LessonPager } from '@/components/layout/LessonPager';
import { LessonSidebar } from '@/components/layout/LessonSidebar';
import { LessonReadMarker } from '@/components/progress/LessonReadMarker';
import { SandboxPanel } from '@/components/sandbox/SandboxPanel';
import { SandboxProvider } from '@/components/sandbox/SandboxProvider';
import { Prose } from '@/components/ui/Prose';
import { contentLibrary, findLesson, lessonNeighbours } from '@/lib/content/lessons';

type Params = { slug: string };

// Only lessons that exist at build time have pages; any other slug is a 404.
export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return contentLibrary().lessons.map((lesson) => ({ slug: lesson.slug }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const lesson = findLesson((await params).slug);
  return lesson ? { title: lesson.title, description: lesson.summary } : {};
}

export default async function LessonPage({ params }: { params: Promise<Params> }) {
  const { slug } = await params;
  const lesson = findLesson(slug);
  if (!lesson) notFound();
  const { default: LessonContent } = (await import(`@/content/lessons/${slug}.mdx`)) as { default: ComponentType };
  const { previous, next } = lessonNeighbours(slug);
  const track = contentLibrary().tracks.find((candidate) => candidate.id === lesson.track);

  return (
    <SandboxProvider>
      <div className="mx-auto grid max-w-[96rem] gap-8 px-4 py-6 sm:px-6 lg:grid-cols-[15rem_minmax(0,1fr)] xl:grid-cols-[15rem_minmax(0,1fr)_26rem]">
        <article className="min-w-0">
          <p className="text-sm text-slate-500 dark:text-slate-400">
            {track?.title} · {lesson.minutes} min read
          </p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight">{lesson.title}</h1>
          <p className="mt-3 text-lg text-slate-600 dark:text-slate-300">{lesson.summary}</p>
          <section aria-labelledby="objectives" className="mt-6 rounded-md bg-slate-50 p-4 dark:bg-slate-900">
            <h2 id="objectives" className="text-sm font-semibold">
              By the end you can
            </h2>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
              {lesson.objectives.map((objective) => (
                <li key={objective}>{objective}</li>
              ))}
            </ul>
          </section>
          <Prose className="mt-8">
            <LessonContent />
          </Prose>
          <LessonReadMarker slug={slug} />
          {lesson.reviewed && (
            <p className="mt-10 text-xs text-slate-500 dark:text-slate-400">Facts last reviewed {lesson.reviewed}.</p>
          )}
          <LessonPager slug={slug} previous={previous} next={next} />
        </article>
        {/* After the article in the page's order, so the skip link lands on the lesson text; first on screen. */}
        <aside className="order-first lg:sticky lg:top-20 lg:max-h-[calc(100vh-6rem-var(--sticky-end-overlap,0px))] lg:self-start lg:overflow-y-auto">
          <LessonSidebar tracks={contentLibrary().tracks} currentSlug={slug} />
        </aside>
        {/* Below xl a sheet docked at the bottom of the window (out of the grid's flow), from xl the third column. */}
        <SandboxPanel heading="Try it" />
      </div>
    </SandboxProvider>
  );
}
