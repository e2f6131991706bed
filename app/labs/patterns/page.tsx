import type { Metadata } from 'next';
import Link from 'next/link';
import { PatternsLab } from '@/components/labs/patterns/PatternsLab';

export const metadata: Metadata = { title: 'Caching patterns lab' };

export default function PatternsLabPage() {
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Caching patterns lab</h1>
      <p className="mt-2 max-w-3xl text-slate-600 dark:text-slate-300">
        A real database (PostgreSQL) behind a real Valkey, measured under load. Run the same workload through two
        caching patterns and compare hit ratio, latency, load on the database and stale reads; start a stampede and stop
        it; fill a small cache under each eviction policy; send the same commands one round trip at a time and in a
        pipeline. Every run is bounded (30 seconds, 100 clients, 500 readers) and your results are kept for the
        lessons&apos; challenges.
      </p>
      <p className="mt-2 text-sm">
        Also: the{' '}
        <Link href="/labs/cluster" className="underline">
          cluster and failover lab
        </Link>
        .
      </p>
      <div className="mt-6">
        <PatternsLab />
      </div>
    </div>
  );
}
