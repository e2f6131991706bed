/**
 * The slot map as the lab page draws it (components/labs/cluster/SlotBar.tsx): each shard's slot
 * ranges placed on a bar over 0–16383, the ranges nobody serves, and a sentence per shard for
 * screen readers. Pure and client-safe.
 */
import { SLOT_COUNT } from './keyslot';

export interface SlotOwner {
  id: number;
  slots: readonly (readonly [number, number])[];
}

export interface SlotSegment {
  /** The shard serving these slots, or null for a range no shard serves. */
  shard: number | null;
  start: number;
  end: number;
  /** Where the segment starts and how wide it is, in percent of the whole bar. */
  left: number;
  width: number;
}

const percent = (slots: number) => (slots * 100) / SLOT_COUNT;

/** Segments covering 0–16383 in order: each shard's ranges, and the gaps between them marked unserved. */
export function slotSegments(shards: readonly SlotOwner[]): SlotSegment[] {
  const ranges = shards
    .flatMap((shard) => shard.slots.map(([start, end]) => ({ shard: shard.id, start, end })))
    .sort((a, b) => a.start - b.start);
  const segments: SlotSegment[] = [];
  let next = 0;
  const push = (shard: number | null, start: number, end: number) =>
    segments.push({ shard, start, end, left: percent(start), width: percent(end - start + 1) });
  for (const range of ranges) {
    if (range.end < next) continue;
    const start = Math.max(range.start, next);
    if (start > next) push(null, next, start - 1);
    push(range.shard, start, range.end);
    next = range.end + 1;
  }
  if (next < SLOT_COUNT) push(null, next, SLOT_COUNT - 1);
  return segments;
}

export const slotCount = (slots: readonly (readonly [number, number])[]): number =>
  slots.reduce((sum, [start, end]) => sum + end - start + 1, 0);

/** "0–5460" or "0–99, 5461–10922"; "no slots" when empty. */
export function describeRanges(slots: readonly (readonly [number, number])[]): string {
  if (slots.length === 0) return 'no slots';
  return slots.map(([start, end]) => (start === end ? `${start}` : `${start}–${end}`)).join(', ');
}

/** The shard that serves `slot`, or null when none does (mid-failover, or a slot left unassigned). */
export function shardOfSlot(shards: readonly SlotOwner[], slot: number): number | null {
  return shards.find((shard) => shard.slots.some(([start, end]) => slot >= start && slot <= end))?.id ?? null;
}
