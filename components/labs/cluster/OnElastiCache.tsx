import type { ReactNode } from 'react';

/** The "On ElastiCache" note each step of the lab carries: how the managed service does what the lab shows. */
export function OnElastiCache({ children }: { children: ReactNode }) {
  return (
    <aside className="mt-4 rounded-md border-l-4 border-accent-line bg-accent-soft p-3 text-sm dark:bg-slate-900">
      <p>
        <strong>On ElastiCache:</strong> {children}
      </p>
    </aside>
  );
}
