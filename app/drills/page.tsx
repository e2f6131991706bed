import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Drills' };

export default function DrillsPage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Interview drills</h1>
      <p className="mt-4 text-slate-600 dark:text-slate-300">
        Spaced-repetition flashcards and mock interviews on ElastiCache, Valkey and caching design are being built. Until they arrive,
        the lessons end with quizzes you can use to check yourself.
      </p>
      <Link href="/learn" className="mt-6 inline-block rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800">
        Browse the lessons
      </Link>
    </div>
  );
}
