import type { Metadata } from 'next';
import Link from 'next/link';
import { ClusterLab } from '@/components/labs/cluster/ClusterLab';

export const metadata: Metadata = { title: 'Cluster and failover lab' };

export default function ClusterLabPage() {
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Cluster and failover lab</h1>
      <p className="mt-2 max-w-3xl text-slate-600 dark:text-slate-300">
        A real Valkey cluster of your own, on this machine: shard it, break it and watch it heal. Run commands on the
        whole cluster or on one node, move slots between shards, kill a primary and time how long writes fail. Your lab
        is stopped and deleted when you leave it without a command or an operation for a while (the page says how long).
      </p>
      <p className="mt-2 text-sm">
        Also: the{' '}
        <Link href="/labs/patterns" className="underline">
          caching patterns lab
        </Link>{' '}
        (a real database behind a real cache, measured under load).
      </p>
      <div className="mt-6">
        <ClusterLab />
      </div>
    </div>
  );
}
