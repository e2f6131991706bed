import type { TopologyNode } from '@/lib/labs/cluster/api-client';
import { Button } from '@/components/ui/Button';
import { formatBytes, HEALTH_STYLE } from './shard-style';

/** One node: address, role, health in words and colour, keys, memory, offset and lag; Restart when it is down. */
export function NodeCard({
  node,
  busy,
  onRestart,
}: {
  node: TopologyNode;
  busy: boolean;
  onRestart(address: string): void;
}) {
  const health = HEALTH_STYLE[node.health];
  return (
    <li
      className="rounded-md border border-line p-2 text-sm"
      aria-label={`${node.address}, ${node.role}, ${health.label}`}
      data-role={node.role}
      data-health={node.health}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono font-medium">{node.address}</span>
        <span
          className={`rounded px-1.5 py-0.5 text-xs font-semibold uppercase ${
            node.role === 'primary'
              ? 'bg-slate-900 text-white dark:bg-white dark:text-slate-950'
              : 'border border-line-strong'
          }`}
        >
          {node.role}
        </span>
        <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${health.className}`}>
          <span aria-hidden="true">{node.health === 'ok' ? '● ' : node.health === 'down' ? '✕ ' : '▲ '}</span>
          {health.label}
        </span>
      </div>
      <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-0.5 text-xs sm:grid-cols-4">
        <div>
          <dt className="text-muted">Keys</dt>
          <dd className="font-mono">{node.keys ?? '—'}</dd>
        </div>
        <div>
          <dt className="text-muted">Memory</dt>
          <dd className="font-mono">{formatBytes(node.usedMemory)}</dd>
        </div>
        <div>
          <dt className="text-muted">Offset</dt>
          <dd className="font-mono">{node.offset ?? '—'}</dd>
        </div>
        <div>
          <dt className="text-muted">Lag</dt>
          <dd className="font-mono">{node.role === 'primary' ? '—' : node.lag === null ? '?' : `${node.lag} B`}</dd>
        </div>
      </dl>
      {node.health === 'down' && (
        <Button
          type="button"
          size="xs"
          variant="secondary"
          className="mt-2"
          disabled={busy}
          onClick={() => onRestart(node.address)}
        >
          Restart {node.address}
        </Button>
      )}
    </li>
  );
}
