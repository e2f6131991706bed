import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'ElastiCache tools' };

const TOOLS = [
  {
    href: '/tools/cli-builder',
    title: 'Command builder',
    summary:
      'Build aws elasticache create-replication-group, create-cache-cluster and create-serverless-cache commands, checked against what AWS rejects, with every flag explained.',
  },
  {
    href: '/tools/sizing',
    title: 'Sizing and cost estimator',
    summary:
      'Turn a dataset and a request rate into shards, nodes and a Serverless bill, side by side, from dated quotas and prices.',
  },
] as const;

export default function ToolsPage() {
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">ElastiCache tools</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        The two jobs of a design review: write the command that creates the cache, and say what it will cost. Both tools
        use the same dated facts as the lessons, and say where those facts run out.
      </p>
      <ul className="mt-6 grid gap-4 sm:grid-cols-2">
        {TOOLS.map((tool) => (
          <li key={tool.href} className="rounded-lg border border-line p-4 hover:bg-surface-hover">
            <h2 className="text-lg font-semibold">
              <Link href={tool.href} className="text-accent-text underline-offset-2 hover:underline">
                {tool.title}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{tool.summary}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
