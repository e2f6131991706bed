import type { Metadata } from 'next';
import Link from 'next/link';
import { SizingEstimator } from '@/components/tools/SizingEstimator';

export const metadata: Metadata = { title: 'ElastiCache sizing and cost estimator' };

export default function SizingPage() {
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Sizing and cost estimator</h1>
      <p className="mt-2 max-w-3xl text-slate-600 dark:text-slate-300">
        Describe the workload; a node-based plan and a Serverless estimate update as you type. Prices are estimates with
        their date and source, computed by the same code as the figures in the{' '}
        <Link href="/learn/limits-quotas-pricing" className="text-accent-text underline underline-offset-2">
          limits, quotas and pricing
        </Link>{' '}
        lesson. The node type comes from a dated table of AWS’s node memory; node-hour prices are not in our references,
        so enter yours from the AWS pricing page for a monthly figure.
      </p>
      <div className="mt-6">
        <SizingEstimator />
      </div>
    </div>
  );
}
