import type { ReactNode } from 'react';

/** Detail for the curious, closed by default so the main path stays short. Native <details>: keyboard and screen readers for free. */
export function DeepDive({ title, children }: { title: string; children: ReactNode }) {
  return (
    <details className="group not-prose my-6 rounded-md border border-violet-300 bg-violet-50/60 px-4 py-3 text-sm leading-relaxed dark:border-violet-800 dark:bg-violet-950/30">
      <summary className="cursor-pointer font-semibold marker:text-violet-600">
        <span className="mr-2 text-xs font-semibold uppercase tracking-wide text-violet-700 dark:text-violet-300">
          Deep dive
        </span>
        {title}
      </summary>
      <div className="mt-3 space-y-3 [&_a]:underline [&_code]:font-mono [&_li]:ml-5 [&_ol]:list-decimal [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-900 [&_pre]:p-3 [&_pre]:text-slate-100 [&_ul]:list-disc">
        {children}
      </div>
    </details>
  );
}
