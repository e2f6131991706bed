'use client';

import { useId, useState } from 'react';
import type { LabConsoleMode, LabTopology } from '@/lib/labs/cluster/api-client';
import { CommandBar } from '@/components/sandbox/CommandBar';
import { ConsoleOutput } from '@/components/sandbox/ConsoleOutput';
import { OnElastiCache } from './OnElastiCache';
import type { useLabConsole } from './use-lab-console';

const MODES: Record<LabTopology['shape'], { mode: LabConsoleMode; label: string; hint: string }[]> = {
  cluster: [
    { mode: 'cluster', label: 'Cluster', hint: 'follows MOVED and ASK, like valkey-cli -c' },
    { mode: 'node', label: 'One node', hint: 'MOVED and ASK come back raw' },
  ],
  replication: [
    { mode: 'primary', label: 'Primary endpoint', hint: 'writes and reads on the primary' },
    { mode: 'reader', label: 'Reader endpoint', hint: 'each command goes to the next replica' },
    { mode: 'node', label: 'One node', hint: 'a node by its address' },
  ],
};

/**
 * The lab's console: the sandbox's output and command line (valkey-cli's text, unchanged), a mode
 * selector and, in node mode, the node to talk to. Each reply names the node that answered.
 */
export function LabConsole({
  topology,
  console: labConsole,
}: {
  topology: LabTopology;
  console: ReturnType<typeof useLabConsole>;
}) {
  const modes = MODES[topology.shape];
  const [chosenMode, setMode] = useState<LabConsoleMode>(modes[0]?.mode ?? 'node');
  const mode = modes.some((option) => option.mode === chosenMode) ? chosenMode : (modes[0]?.mode ?? 'node');
  const addresses = topology.shards.flatMap((shard) => shard.nodes.map((node) => node.address)).sort();
  const [chosenNode, setNode] = useState('');
  const node = addresses.includes(chosenNode) ? chosenNode : (addresses[0] ?? '');
  const nodeSelectId = useId();
  const headingId = useId();

  return (
    <div className="min-w-0">
      <section
        aria-labelledby={headingId}
        className="flex h-[28rem] min-w-0 flex-col rounded-lg border border-line-strong bg-slate-950 text-slate-100"
      >
        <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-800 px-3 py-2">
          <h2 id={headingId} className="text-sm font-semibold">
            Lab console <span className="font-normal text-slate-400">· valkey-cli on your lab</span>
          </h2>
          <button
            type="button"
            onClick={labConsole.clear}
            className="rounded px-2 py-1 text-xs text-slate-300 hover:bg-slate-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring"
          >
            Clear
          </button>
        </header>
        <div className="flex flex-wrap items-end gap-x-4 gap-y-2 border-b border-slate-800 px-3 py-2 text-xs">
          <fieldset className="flex flex-wrap gap-x-3 gap-y-1">
            <legend className="sr-only">Console mode</legend>
            {modes.map((option) => (
              <label key={option.mode} className="flex items-center gap-1.5" title={option.hint}>
                <input
                  type="radio"
                  name="lab-console-mode"
                  value={option.mode}
                  checked={mode === option.mode}
                  onChange={() => setMode(option.mode)}
                />
                {option.label}
              </label>
            ))}
          </fieldset>
          {mode === 'node' && (
            <span className="flex items-center gap-1.5">
              <label htmlFor={nodeSelectId}>Node</label>
              <select
                id={nodeSelectId}
                value={node}
                onChange={(event) => setNode(event.target.value)}
                className="rounded border border-slate-600 bg-slate-900 px-1 py-0.5 font-mono text-slate-100"
              >
                {addresses.map((address) => (
                  <option key={address} value={address}>
                    {address}
                  </option>
                ))}
              </select>
            </span>
          )}
          <span className="text-slate-400">{modes.find((option) => option.mode === mode)?.hint}</span>
        </div>
        <ConsoleOutput entries={labConsole.entries} busy={labConsole.busy} label="Lab console output" />
        <CommandBar onRun={(command) => void labConsole.run(command, mode, node)} onClearOutput={labConsole.clear} />
      </section>
      <OnElastiCache>
        cluster-aware clients (as valkey-cli -c here) refresh their slot map when a node answers MOVED, and send ASKING
        before retrying after an ASK during a reshard. With cluster mode disabled, the application writes to the primary
        endpoint and reads from the reader endpoint.
      </OnElastiCache>
    </div>
  );
}
