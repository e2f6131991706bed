import type { ReactNode } from 'react';

/** An experiment's title: h2 on the lab's page, h3 inside a lesson section (headings must not skip levels). */
export function ExperimentHeading({ id, level, children }: { id: string; level: 2 | 3; children: ReactNode }) {
  const Tag = level === 2 ? 'h2' : 'h3';
  return (
    <Tag id={id} className="text-lg font-semibold">
      {children}
    </Tag>
  );
}
