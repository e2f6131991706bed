import type { Metadata } from 'next';
import Link from 'next/link';
import { CliBuilder } from '@/components/tools/CliBuilder';

export const metadata: Metadata = { title: 'ElastiCache command builder' };

export default function CliBuilderPage() {
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">ElastiCache command builder</h1>
      <p className="mt-2 max-w-3xl text-slate-600 dark:text-slate-300">
        Fill in the form and the <code>aws elasticache</code> command follows as you type, checked against what AWS
        rejects (errors) and what a reviewer would question (warnings). It starts from the production example of the{' '}
        <Link href="/learn/limits-quotas-pricing" className="text-accent-text underline underline-offset-2">
          limits, quotas and pricing
        </Link>{' '}
        lesson. Quotas are dated in <code>content/facts/elasticache.json</code>: check Service Quotas in your account.
      </p>
      <div className="mt-6">
        <CliBuilder />
      </div>
    </div>
  );
}
