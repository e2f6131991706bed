import type { ReactNode } from 'react';

/** A reference table that a keyboard can scroll sideways on a narrow screen (the region is focusable). */
export function ScrollableTable({ label, caption, children }: { label: string; caption: string; children: ReactNode }) {
  return (
    <div
      className="mt-4 overflow-x-auto rounded-sm focus-visible:outline-2 focus-visible:outline-ring"
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function HeaderCell({ children, last = false }: { children: ReactNode; last?: boolean }) {
  return (
    <th scope="col" className={`py-2 font-semibold ${last ? '' : 'pr-4'}`}>
      {children}
    </th>
  );
}
