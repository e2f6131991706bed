import type { LabTopology } from '@/lib/labs/cluster/api-client';
import { describeRanges } from '@/lib/labs/cluster/slot-map';
import { Button } from '@/components/ui/Button';
import { NodeCard } from './NodeCard';
import { OnElastiCache } from './OnElastiCache';
import { shardFill } from './shard-style';
import { SlotBar } from './SlotBar';

/**
 * The lab as it is now (refreshed about once a second): the slot map, then one card per shard with
 * its nodes and its failover buttons. Cards sit side by side on wide screens and stack on phones.
 */
export function TopologyView({
  topology,
  busy,
  stale,
  onFailover,
  onRestart,
}: {
  topology: LabTopology;
  busy: boolean;
  stale?: string;
  onFailover(shard: number, kind: 'graceful' | 'kill'): void;
  onRestart(address: string): void;
}) {
  const cluster = topology.shape === 'cluster';
  return (
    <section aria-labelledby="topology-heading" className="rounded-lg border border-line p-3 sm:p-4">
      <h2 id="topology-heading" className="text-lg font-semibold">
        Topology <span className="text-sm font-normal text-muted">· live, about once a second</span>
      </h2>
      {stale && (
        <p role="alert" className="mt-2 rounded-md border border-warning-line p-2 text-sm">
          The topology could not be refreshed: {stale} It shows the last answer.
        </p>
      )}
      {cluster ? (
        <SlotBar shards={topology.shards} />
      ) : (
        <dl className="mt-2 grid gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-3">
          <dt className="font-medium">Primary endpoint</dt>
          <dd className="font-mono">→ {topology.endpoints.primary ?? '—'}</dd>
          <dt className="font-medium">Reader endpoint</dt>
          <dd className="font-mono">→ {topology.endpoints.reader?.join(', ') || '—'}</dd>
        </dl>
      )}
      <ul className={`mt-3 grid gap-3 ${cluster ? 'md:grid-cols-3' : ''}`}>
        {topology.shards.map((shard) => {
          const hasLiveReplica = shard.nodes.some((node) => node.role === 'replica' && node.health !== 'down');
          const name = cluster ? `Shard ${shard.id}` : 'Replication group';
          return (
            <li key={shard.id} className="min-w-0 rounded-md border border-line-strong p-2 sm:p-3">
              <section aria-label={name}>
                <h3 className="flex items-center gap-2 font-semibold">
                  {cluster && (
                    <span aria-hidden="true" className={`inline-block size-3 rounded-sm ${shardFill(shard.id)}`} />
                  )}
                  {name}
                  {cluster && (
                    <span className="text-xs font-normal text-muted">slots {describeRanges(shard.slots)}</span>
                  )}
                </h3>
                <ul className="mt-2 grid gap-2">
                  {shard.nodes.map((node) => (
                    <NodeCard key={node.id} node={node} busy={busy} onRestart={onRestart} />
                  ))}
                </ul>
                <div className="mt-2 flex flex-wrap gap-2">
                  <Button
                    type="button"
                    size="xs"
                    variant="secondary"
                    disabled={busy || !hasLiveReplica}
                    onClick={() => onFailover(shard.id, 'graceful')}
                  >
                    Graceful failover{cluster ? ` of shard ${shard.id}` : ''}
                  </Button>
                  <Button
                    type="button"
                    size="xs"
                    variant="secondary"
                    className="border-danger-line text-danger-text"
                    disabled={busy || !hasLiveReplica}
                    onClick={() => onFailover(shard.id, 'kill')}
                  >
                    Kill the primary{cluster ? ` of shard ${shard.id}` : ''}
                  </Button>
                </div>
              </section>
            </li>
          );
        })}
      </ul>
      <OnElastiCache>
        with Multi-AZ on, ElastiCache promotes the replica with the least replication lag and moves the primary
        endpoint&apos;s DNS name to it, so clients keep the same endpoint; recovery usually takes a few seconds.
        Graceful failover here is what the test-failover API does. Global Datastore has no automatic cross-Region
        failover: you promote a secondary Region yourself.
      </OnElastiCache>
    </section>
  );
}
