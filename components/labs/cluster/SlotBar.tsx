import { SLOT_COUNT } from '@/lib/labs/cluster/keyslot';
import { describeRanges, slotCount, slotSegments, type SlotOwner } from '@/lib/labs/cluster/slot-map';
import { shardFill, shardText } from './shard-style';

/**
 * The 16,384 slots as a bar, each shard's ranges in its colour and numbered; a list beside it
 * says the same in words (the bar itself is hidden from screen readers). `mark` points at a slot.
 */
export function SlotBar({ shards, mark }: { shards: readonly SlotOwner[]; mark?: number }) {
  const segments = slotSegments(shards);
  return (
    <figure className="mt-2">
      <div aria-hidden="true" className="relative h-8 w-full overflow-hidden rounded-md border border-line-strong">
        {segments.map((segment) => (
          <div
            key={segment.start}
            className={`absolute inset-y-0 flex items-center justify-center overflow-hidden border-r border-white/60 text-xs font-semibold dark:border-slate-950/60 ${
              segment.shard === null
                ? 'bg-[repeating-linear-gradient(45deg,transparent_0_4px,rgb(148_163_184/0.5)_4px_8px)]'
                : `${shardFill(segment.shard)} ${shardText(segment.shard)}`
            }`}
            style={{ left: `${segment.left}%`, width: `${segment.width}%` }}
          >
            {segment.shard !== null && segment.width > 4 ? segment.shard : ''}
          </div>
        ))}
        {mark !== undefined && (
          <div
            className="absolute inset-y-0 w-0.5 bg-slate-950 ring-2 ring-white dark:bg-white dark:ring-slate-950"
            style={{ left: `${(mark * 100) / SLOT_COUNT}%` }}
          />
        )}
      </div>
      <div aria-hidden="true" className="mt-1 flex justify-between font-mono text-xs text-muted">
        <span>0</span>
        <span>{SLOT_COUNT - 1}</span>
      </div>
      <figcaption className="mt-1 text-sm">
        <span className="sr-only">Slot map, 0 to {SLOT_COUNT - 1}: </span>
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {shards.map((shard) => (
            <li key={shard.id} className="flex items-center gap-1.5">
              <span aria-hidden="true" className={`inline-block size-3 rounded-sm ${shardFill(shard.id)}`} />
              Shard {shard.id}: {describeRanges(shard.slots)} ({slotCount(shard.slots).toLocaleString('en')} slots)
            </li>
          ))}
          {segments.some((segment) => segment.shard === null) && (
            <li>
              Not served:{' '}
              {describeRanges(
                segments.filter((segment) => segment.shard === null).map((segment) => [segment.start, segment.end]),
              )}
            </li>
          )}
        </ul>
      </figcaption>
    </figure>
  );
}
