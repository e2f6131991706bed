import Link from 'next/link';
import { buttonProps } from '@/components/ui/Button';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-16 text-center sm:px-6">
      <p className="font-mono text-sm text-slate-500 dark:text-slate-400">(nil)</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Page not found</h1>
      <p className="mt-4 text-slate-600 dark:text-slate-300">
        There is no page at this address. It may have moved, or the link may be mistyped.
      </p>
      <Link href="/learn" {...buttonProps({ className: 'mt-6' })}>
        See all lessons
      </Link>
    </div>
  );
}
