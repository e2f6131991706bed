'use client';

import { useCallback, useEffect, useState } from 'react';
import {
  failoverShard,
  reshard,
  reshardPausing,
  restartNode,
  repairOpenSlots,
  resumeReshard,
  type LabConsoleMode,
  type LabShape,
} from '@/lib/labs/cluster/api-client';
import { Button } from '@/components/ui/Button';
import { useElapsedSeconds } from '@/components/ui/use-elapsed-seconds';
import { useLabOperation } from '@/components/labs/cluster/use-lab-operation';
import { LabConsole } from '@/components/labs/cluster/LabConsole';
import { ReshardForm } from '@/components/labs/cluster/ReshardForm';
import { TopologyView } from '@/components/labs/cluster/TopologyView';
import { useClusterLab } from '@/components/labs/cluster/use-cluster-lab';
import { useLabConsole } from '@/components/labs/cluster/use-lab-console';
import { lessonLab } from './lesson-lab-store';

const SHAPE_NAMES: Record<LabShape, string> = {
  cluster: 'cluster mode enabled: 3 shards, each a primary and a replica',
  replication: 'cluster mode disabled: a primary and 2 replicas',
};

/**
 * The lab inside a lesson (`<LabPanel shape="cluster" />`): start the learner's own lab of the
 * lesson's shape, then its topology (with failover and restart), console and, for a cluster, the
 * reshard form: the /labs/cluster page's parts (components/labs/cluster), compact. <LabRun>
 * blocks and lab challenges on the page reach it through lesson-lab-store.ts.
 */
export function LabPanel({ shape }: { shape: LabShape }) {
  const lab = useClusterLab();
  const labConsole = useLabConsole();
  const [deleting, setDeleting] = useState(false);
  const { state } = lab;
  const { operating, operationError, setOperationError, operate } = useLabOperation(lab.showTopology, () =>
    lessonLab.answered(),
  );
  const running = state.status === 'running' && state.topology.shape === shape ? shape : null;
  const elapsed = useElapsedSeconds(state.status === 'starting' ? state.since : null);
  const { run: runInConsole } = labConsole;

  const run = useCallback(
    async (command: string, mode: LabConsoleMode, node?: string) => {
      await runInConsole(command, mode, node);
      lessonLab.answered();
    },
    [runInConsole],
  );
  useEffect(() => {
    lessonLab.attach(run, running);
  }, [run, running]);
  useEffect(() => () => lessonLab.detach(run), [run]);
  useEffect(() => lessonLab.setBusy(labConsole.busy || operating), [labConsole.busy, operating]);
  const topology = state.status === 'running' && running !== null ? state.topology : null;
  useEffect(() => lessonLab.setTopology(topology), [topology]);

  // A failover or reshard goes on after its request answers: the checks run again as the topology moves.
  const events = state.status === 'running' ? state.topology.events.length : 0;
  useEffect(() => {
    if (events > 0) lessonLab.answered();
  }, [events]);

  return (
    <section
      aria-label="Your lab"
      className="not-prose my-6 grid gap-3 rounded-lg border-2 border-accent-border p-3 sm:p-4"
    >
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <p className="font-semibold">Your lab</p>
        <p className="text-muted">{SHAPE_NAMES[shape]}</p>
        {running !== null && (
          <Button
            size="xs"
            variant="secondary"
            className="ml-auto"
            disabled={deleting}
            onClick={async () => {
              setDeleting(true);
              setOperationError(await lab.remove());
              setDeleting(false);
              lessonLab.answered();
            }}
          >
            {deleting ? 'Deleting…' : 'Delete the lab'}
          </Button>
        )}
        {running === null && (
          <Button
            size="sm"
            className="ml-auto"
            disabled={state.status === 'starting' || state.status === 'loading'}
            onClick={() => void lab.start(shape)}
          >
            {state.status === 'starting'
              ? 'Starting…'
              : state.status === 'running'
                ? 'Switch to this lab'
                : 'Start the lab'}
          </Button>
        )}
      </div>
      <div role="status" className="text-sm">
        {state.status === 'starting' && (
          <>
            <progress className="block h-2 w-full max-w-sm" aria-label="Starting your lab" />
            <span className="mt-1 block">Starting your lab… {elapsed} s (a few seconds)</span>
          </>
        )}
        {state.status === 'none' && state.notice && <span className="font-medium">{state.notice}</span>}
        {state.status === 'error' && (
          <span className="text-danger-text">Could not reach your lab: {state.message}</span>
        )}
        {state.status === 'running' && running === null && (
          <span>Your lab has the other shape: switching replaces it with one for this lesson.</span>
        )}
      </div>
      {operationError && (
        <p role="alert" className="rounded-md border border-danger-line p-3 text-sm">
          {operationError}
        </p>
      )}
      {state.status === 'running' && running !== null && (
        <>
          <TopologyView
            topology={state.topology}
            busy={operating}
            stale={state.stale}
            onFailover={(shard, kind) => void operate(() => failoverShard(shard, kind))}
            onRestart={(node) => void operate(() => restartNode(node))}
          />
          <LabConsole
            topology={state.topology}
            console={{
              ...labConsole,
              run: (command, mode, node) => {
                const answered = labConsole.run(command, mode, node);
                void answered.then(() => lessonLab.answered());
                return answered;
              },
            }}
          />
          {shape === 'cluster' && (
            <ReshardForm
              topology={state.topology}
              busy={operating}
              onReshard={(from, to, slots, pauseAfterKeys) =>
                void operate(() =>
                  pauseAfterKeys === null ? reshard(from, to, slots) : reshardPausing(from, to, slots, pauseAfterKeys),
                )
              }
              onResume={() => void operate(resumeReshard)}
              onRepair={() => void operate(repairOpenSlots)}
            />
          )}
        </>
      )}
    </section>
  );
}
