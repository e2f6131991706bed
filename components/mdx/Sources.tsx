import type { ReactNode } from 'react';

/** Where the lesson's facts come from, with the date each was checked. */
export function Sources({ children }: { children: ReactNode }) {
  return (
    <section aria-labelledby="sources-heading" className="mt-10 border-t border-line pt-2 text-sm">
      <h2 id="sources-heading" className="!text-base">
        Sources
      </h2>
      {children}
    </section>
  );
}
