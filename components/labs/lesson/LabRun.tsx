'use client';

import { useState } from 'react';
import type { LabConsoleMode } from '@/lib/labs/cluster/api-client';
import { replicaOfKey, resolveLabCommand, shardPrimary } from '@/lib/labs/cluster/lab-placeholders';
import { Button } from '@/components/ui/Button';
import { useHydrated } from '@/components/ui/use-hydrated';
import { lessonLab, useLessonLab } from './lesson-lab-store';

const MODE_NAMES: Record<LabConsoleMode, string> = {
  cluster: 'cluster mode',
  primary: 'primary endpoint',
  reader: 'reader endpoint',
  node: 'one node',
};

/**
 * A command the learner runs in the lesson's lab (`<LabRun command="CLUSTER KEYSLOT foo" />`): the
 * reply appears in the lab panel's console, as if typed there, in the given mode. With
 * `mode="node" shard={2}` it runs on shard 2's primary (node mode: MOVED and ASK come back raw),
 * and `$ID_OF_SHARD_n` / `$PORT_OF_SHARD_n` in the command are filled in from the learner's lab.
 * With `replicaOf="foo"` it runs in node mode on a replica of the shard that owns `foo`'s slot; the
 * console keeps one connection per node, so a `READONLY` run there holds for the next blocks.
 */
export function LabRun({
  command,
  mode: modeProp,
  shard,
  replicaOf,
}: {
  command: string;
  mode?: LabConsoleMode;
  /** With mode "node": the shard whose primary runs it (MDX gives "2"). */
  shard?: number | string;
  /** A key: runs on a replica of the shard that owns its slot (node mode). */
  replicaOf?: string;
}) {
  const mode: LabConsoleMode = replicaOf !== undefined ? 'node' : (modeProp ?? 'cluster');
  const shardNumber = shard === undefined ? undefined : Number(shard);
  const lab = useLessonLab();
  const hydrated = useHydrated();
  const [notice, setNotice] = useState<string | null>(null);
  const resolved = lab.topology ? resolveLabCommand(command, lab.topology) : null;
  const node = !lab.topology
    ? null
    : replicaOf !== undefined
      ? replicaOfKey(lab.topology, replicaOf)
      : mode === 'node' && shardNumber !== undefined
        ? shardPrimary(lab.topology, shardNumber)
        : null;
  const where =
    replicaOf !== undefined
      ? `a replica of ${replicaOf}'s shard${node ? ` (${node.address})` : ''}`
      : mode === 'node' && shard !== undefined
        ? `shard ${shard}'s primary${node ? ` (${node.address})` : ''}`
        : MODE_NAMES[mode];
  return (
    <div className="not-prose my-3 flex flex-wrap items-center gap-2 rounded-md border border-line bg-slate-950 px-3 py-2 text-slate-100">
      <code className="min-w-0 flex-1 break-all font-mono text-sm">{resolved ?? command}</code>
      <span className="text-xs text-slate-400">{where}</span>
      <Button
        size="xs"
        variant="secondary"
        disabled={!hydrated || lab.busy}
        aria-label={`Run ${command} in your lab${replicaOf !== undefined ? ` on a replica of ${replicaOf}'s shard` : ''}`}
        onClick={async () => {
          if (lab.running !== null && (resolved === null || (mode === 'node' && !node))) {
            setNotice(
              replicaOf !== undefined
                ? 'That shard has no serving replica right now: see the topology.'
                : 'That shard has no serving primary right now: see the topology.',
            );
            return;
          }
          const ran = await lessonLab.run(resolved ?? command, mode, node?.address);
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
