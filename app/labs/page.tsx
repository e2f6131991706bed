import type { Metadata } from 'next';
import Link from 'next/link';
import { LABS } from '@/lib/labs/catalog';
import { contentLibrary } from '@/lib/content/lessons';

export const metadata: Metadata = { title: 'Labs' };

export default function LabsPage() {
  const titles = new Map(contentLibrary().lessons.map((lesson) => [lesson.slug, lesson.title]));
  return (
    <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Labs</h1>
      <p className="mt-2 max-w-3xl text-slate-600 dark:text-slate-300">
        Real servers of your own, started when you open a lab and stopped when you leave it unused. Each lab is also
        embedded in the lessons that need it.
      </p>
      <ul className="mt-8 grid gap-4 md:grid-cols-2">
        {LABS.map((lab) => (
          <li key={lab.href} className="rounded-lg border border-line p-5">
            <h2 className="text-xl font-semibold">
              <Link href={lab.href} className="underline decoration-accent-line underline-offset-4 hover:decoration-2">
                {lab.title}
              </Link>
            </h2>
            <p className="mt-2 text-slate-700 dark:text-slate-300">{lab.summary}</p>
            <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">Runs: {lab.runs}</p>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              In the lessons:{' '}
              {lab.lessons.map((slug, index) => (
                <span key={slug}>
                  {index > 0 && ', '}
                  <Link href={`/learn/${slug}`} className="underline underline-offset-2">
                    {titles.get(slug) ?? slug}
                  </Link>
                </span>
              ))}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
