import type { Metadata } from 'next';
import Link from 'next/link';
import { DrillSession } from '@/components/drills/DrillSession';

export const metadata: Metadata = {
  title: 'Drills',
  description: 'Spaced-repetition flashcards for ElastiCache, Valkey and caching interviews, scheduled with FSRS.',
};

export default function DrillsPage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Interview drills</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        Flashcards scheduled with FSRS, the algorithm behind modern Anki: each card comes back just before you would
        forget it. Answer in your head, show the answer, and grade yourself honestly. For a timed practice with
        scenarios, try a{' '}
        <Link href="/interview" className="text-accent-text underline">
          mock interview
        </Link>
        .
      </p>
      <div className="mt-6">
        <DrillSession />
      </div>
    </div>
  );
}
