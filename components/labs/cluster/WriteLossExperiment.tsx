'use client';

import { useEffect, useRef, useState } from 'react';
import { execInLab, failoverShard, fetchTopology, restartNode, type LabTopology } from '@/lib/labs/cluster/api-client';
import {
  runWriteLoss,
  WRITE_LOSS_KEY,
  type WriteLossApi,
  type WriteLossRun,
} from '@/lib/labs/cluster/write-loss-experiment';
import { Button } from '@/components/ui/Button';
import { OnElastiCache } from './OnElastiCache';

const api: WriteLossApi = {
  exec: (command, mode, node) => execInLab(command, mode, node),
  topology: async () => {
    const result = await fetchTopology();
    return result.kind === 'topology' ? result.topology : null;
  },
  failover: async (shard, kind) => {
    const result = await failoverShard(shard, kind);
    return result.ok ? { ok: true } : result;
  },
  restart: async (node) => {
    const result = await restartNode(node);
    return result.ok ? { ok: true } : result;
  },
};

const PHASE_TEXT: Record<WriteLossRun['phase'], string> = {
  preparing: 'Preparing…',
  writing: 'Writing…',
  'failing-over': 'Primary killed: writing on through the failover…',
  checking: 'Counting what the new primary has…',
  restarting: 'Restarting the killed node as a replica…',
  done: 'Done.',
  failed: 'Stopped.',
};

function RunFigures({ title, run }: { title: string; run: WriteLossRun | null }) {
  return (
    <div className="rounded-md border border-line p-3 text-sm">
      <h3 className="font-semibold">{title}</h3>
      {run === null ? (
        <p className="mt-1 text-muted">Not run yet.</p>
      ) : (
        <>
          <p className="mt-1">{run.message ?? PHASE_TEXT[run.phase]}</p>
          <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-3 gap-y-0.5">
            <dt>Writes sent</dt>
            <dd className="text-right font-mono">{run.attempted}</dd>
            <dt>Acknowledged{run.waitForReplica ? ' (WAIT saw a replica)' : ''}</dt>
            <dd className="text-right font-mono">{run.acknowledged}</dd>
            {run.waitForReplica && (
              <>
                <dt>Taken, but WAIT saw no replica in 100 ms</dt>
                <dd className="text-right font-mono">{run.unconfirmed}</dd>
              </>
            )}
            <dt>Failed while the shard had no primary</dt>
            <dd className="text-right font-mono">{run.failed}</dd>
            <dt className="font-semibold">Acknowledged writes lost</dt>
            <dd className="text-right font-mono font-semibold" data-testid="writes-lost">
              {run.lost ?? '—'}
            </dd>
          </dl>
          {run.killed && (
            <p className="mt-2 text-xs text-muted">
              Killed {run.killed}
              {run.promoted ? `; ${run.promoted} took over with the counter at ${run.survived}` : ''}.
            </p>
          )}
        </>
      )}
    </div>
  );
}

/**
 * The guided write-loss experiment: writes continuously while the primary is killed, counts the
 * acknowledged writes the new primary lacks, then again with WAIT 1 100 after each write.
 */
export function WriteLossExperiment({ topology, disabled }: { topology: LabTopology; disabled: boolean }) {
  const [runs, setRuns] = useState<{ plain: WriteLossRun | null; waited: WriteLossRun | null }>({
    plain: null,
    waited: null,
  });
  const [running, setRunning] = useState(false);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = async () => {
    controller.current = new AbortController();
    const signal = controller.current.signal;
    setRunning(true);
    setRuns({ plain: null, waited: null });
    const plain = await runWriteLoss(api, false, (run) => setRuns((current) => ({ ...current, plain: run })), signal);
    if (plain.phase === 'done')
      await runWriteLoss(api, true, (run) => setRuns((current) => ({ ...current, waited: run })), signal);
    setRunning(false);
  };

  return (
    <section aria-labelledby="write-loss-heading" className="rounded-lg border border-line p-3 sm:p-4">
      <h2 id="write-loss-heading" className="text-lg font-semibold">
        Write loss, measured
      </h2>
      <p className="mt-1 text-sm">
        Replication is asynchronous: a primary acknowledges a write before its replicas have it. This experiment
        increments <code className="font-mono">{WRITE_LOSS_KEY}</code> several times a second,
        {topology.shape === 'cluster' ? ' kills the primary of the shard that owns it,' : ' kills the primary,'} keeps
        writing through the failover, and counts the acknowledged writes the promoted replica does not have. Then it
        restarts the killed node and does it again with <code className="font-mono">WAIT 1 100</code> after each write.
        It takes about half a minute and uses your lab&apos;s console allowance while it runs.
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button type="button" size="sm" disabled={disabled || running} onClick={() => void start()}>
          {running ? 'Running…' : 'Run the experiment'}
        </Button>
        {running && (
          <Button type="button" size="sm" variant="secondary" onClick={() => controller.current?.abort()}>
            Stop
          </Button>
        )}
      </div>
      <div className="mt-3 grid gap-3 sm:grid-cols-2" aria-busy={running}>
        <RunFigures title="Without WAIT" run={runs.plain} />
        <RunFigures title="With WAIT 1 100" run={runs.waited} />
      </div>
      <p className="mt-2 text-xs text-muted">
        On one machine the replicas are microseconds behind, so the loss here is often zero even without WAIT; across
        Availability Zones the window is wider. WAIT narrows it but does not close it: a write WAIT could not confirm
        may still be lost.
      </p>
      <OnElastiCache>
        Multi-AZ promotes the replica with the least replication lag, so a failover can still lose the writes that had
        not reached it. Valkey 9.0 on ElastiCache adds durability (a Multi-AZ transaction log): with it on, the loss is
        limited to asynchronous durability&apos;s window.
      </OnElastiCache>
    </section>
  );
}
