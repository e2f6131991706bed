import type { ReactNode } from 'react';

/** The lesson's key points, in one box near the end. */
export function Recap({ children }: { children: ReactNode }) {
  return (
    <section
      aria-labelledby="recap-heading"
      className="my-8 rounded-lg border border-emerald-300 bg-emerald-50/60 px-5 py-1 dark:border-emerald-800 dark:bg-emerald-950/30"
    >
      <h2 id="recap-heading" className="!mt-4">
        Recap
      </h2>
      {children}
    </section>
  );
}
