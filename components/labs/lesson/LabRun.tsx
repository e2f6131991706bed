'use client';

import { useState } from 'react';
import type { LabConsoleMode } from '@/lib/labs/cluster/api-client';
import { Button } from '@/components/ui/Button';
import { useHydrated } from '@/components/ui/use-hydrated';
import { lessonLab, useLessonLab } from './lesson-lab-store';

type LabRunMode = Exclude<LabConsoleMode, 'node'>;

const MODE_NAMES: Record<LabRunMode, string> = {
  cluster: 'cluster mode',
  primary: 'primary endpoint',
  reader: 'reader endpoint',
};

/**
 * A command the learner runs in the lesson's lab (`<LabRun command="CLUSTER KEYSLOT foo" />`): the
 * reply appears in the lab panel's console, as if typed there, in the given mode.
 */
export function LabRun({ command, mode = 'cluster' }: { command: string; mode?: LabRunMode }) {
  const lab = useLessonLab();
  const hydrated = useHydrated();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="not-prose my-3 flex flex-wrap items-center gap-2 rounded-md border border-line bg-slate-950 px-3 py-2 text-slate-100">
      <code className="min-w-0 flex-1 break-all font-mono text-sm">{command}</code>
      <span className="text-xs text-slate-400">{MODE_NAMES[mode]}</span>
      <Button
        size="xs"
        variant="secondary"
        disabled={!hydrated || lab.busy}
        aria-label={`Run ${command} in your lab`}
        onClick={async () => {
          const ran = await lessonLab.run(command, mode);
          setNotice(ran ? null : 'Start the lab in this lesson first.');
        }}
      >
        Run in lab
      </Button>
      {notice && (
        <p role="status" className="w-full text-xs text-amber-300">
          {notice}
        </p>
      )}
    </div>
  );
}
