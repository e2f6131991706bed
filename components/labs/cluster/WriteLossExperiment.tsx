import type { LabTopology } from '@/lib/labs/cluster/api-client';
import {
  WRITE_LOSS_KEY,
  WRITE_LOSS_PAUSE_MS,
  WRITE_LOSS_VALUE_BYTES,
  type WriteLossRound,
} from '@/lib/labs/cluster/write-loss-experiment';
import { Button } from '@/components/ui/Button';
import { OnElastiCache } from './OnElastiCache';

const PHASE_TEXT: Record<WriteLossRound['phase'], string> = {
  writing: 'Writing as fast as one connection can…',
  lagging: 'Replicas paused: the primary keeps acknowledging writes they do not have…',
  'failing-over': 'Primary killed: waiting for a replica to take over…',
  checking: 'Reading the counter on the new primary…',
  restarting: 'Restarting the killed node as a replica…',
  done: 'Done.',
  failed: 'Stopped.',
};

function RoundFigures({ title, round }: { title: string; round: WriteLossRound | undefined }) {
  return (
    <div className="rounded-md border border-line p-3 text-sm" aria-label={title} role="group">
      <h3 className="font-semibold">{title}</h3>
      {!round ? (
        <p className="mt-1 text-muted">Not run yet.</p>
      ) : (
        <>
          <p className="mt-1">{round.message ?? PHASE_TEXT[round.phase]}</p>
          <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-3 gap-y-0.5">
            <dt>Writes sent</dt>
            <dd className="text-right font-mono">{round.sent}</dd>
            <dt>Acknowledged{round.waitForReplica ? ' (WAIT saw a replica)' : ''}</dt>
            <dd className="text-right font-mono">
              {round.acknowledged}
              {round.writesPerSecond > 0 ? ` (${round.writesPerSecond}/s)` : ''}
            </dd>
            {round.waitForReplica && (
              <>
                <dt>Taken, but WAIT saw no replica in 100 ms</dt>
                <dd className="text-right font-mono">{round.unconfirmed}</dd>
              </>
            )}
            <dt>Cut off by the kill</dt>
            <dd className="text-right font-mono">{round.failed}</dd>
            <dt className="font-semibold">Acknowledged writes lost</dt>
            <dd className="text-right font-mono font-semibold" data-testid="writes-lost">
              {round.lost ?? '—'}
            </dd>
          </dl>
          {round.killed && (
            <p className="mt-2 text-xs text-muted">
              Killed {round.killed} after acknowledging up to {round.lastAcknowledged}
              {round.promoted ? `; ${round.promoted} took over with the counter at ${round.survived}` : ''}.
            </p>
          )}
        </>
      )}
    </div>
  );
}

/**
 * The guided write-loss experiment (lib/labs/cluster/write-loss.ts, run in the app): writes as
 * fast as it can while the primary is killed, counts the acknowledged writes the new primary
 * lacks, then again with WAIT 1 100 after each write. Its figures come with the topology.
 */
export function WriteLossExperiment({
  topology,
  disabled,
  onRun,
}: {
  topology: LabTopology;
  disabled: boolean;
  onRun(): void;
}) {
  const report = topology.writeLoss;
  const running = report?.state === 'running';
  return (
    <section aria-labelledby="write-loss-heading" className="rounded-lg border border-line p-3 sm:p-4">
      <h2 id="write-loss-heading" className="text-lg font-semibold">
        Write loss, measured
      </h2>
      <p className="mt-1 text-sm">
        Replication is asynchronous: a primary acknowledges a write before its replicas have it. This experiment
        increments <code className="font-mono">{WRITE_LOSS_KEY}</code> as fast as one connection can (dozens of writes
        in flight, each with a {WRITE_LOSS_VALUE_BYTES / 1024} KB value),
        {topology.shape === 'cluster' ? ' kills the primary of the shard that owns it,' : ' kills the primary,'} waits
        for a replica to take over and counts the acknowledged writes the new primary does not have. Then it restarts
        the killed node and does it again with <code className="font-mono">WAIT 1 100</code> after each write. It takes
        about 15 seconds.
      </p>
      <p className="mt-1 text-sm">
        To model a lagging replica (a cross-AZ link under load), it pauses the replicas for {WRITE_LOSS_PAUSE_MS} ms
        just before the kill; on one machine they would otherwise be microseconds behind and lose nothing.
      </p>
      <Button type="button" size="sm" className="mt-2" disabled={disabled || running} onClick={onRun}>
        {running ? 'Running…' : 'Run the experiment'}
      </Button>
      {report?.state === 'failed' && report.message && (
        <p className="mt-2 text-sm text-danger-text">The experiment stopped: {report.message}</p>
      )}
      <div className="mt-3 grid gap-3 sm:grid-cols-2" aria-busy={running}>
        <RoundFigures title="Without WAIT" round={report?.rounds.find((round) => !round.waitForReplica)} />
        <RoundFigures title="With WAIT 1 100" round={report?.rounds.find((round) => round.waitForReplica)} />
      </div>
      <p className="mt-2 text-xs text-muted">
        With WAIT, a write no replica confirmed within 100 ms is not acknowledged: it is counted apart, and may be lost.
        WAIT does not make a failover wait for a replica, and a real failover can still promote a replica that missed a
        confirmed write if the one that had it is gone too.
      </p>
      <OnElastiCache>
        Multi-AZ promotes the replica with the least replication lag, so a failover can still lose the writes that had
        not reached it. Valkey 9.0 on ElastiCache adds durability (a Multi-AZ transaction log): with it on, the loss is
        limited to asynchronous durability&apos;s window.
      </OnElastiCache>
    </section>
  );
}
