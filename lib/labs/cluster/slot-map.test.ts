import { describe, expect, it } from 'vitest';
import { describeRanges, shardOfSlot, slotCount, slotSegments } from './slot-map';

const EVEN = [
  { id: 1, slots: [[0, 5460]] as [number, number][] },
  { id: 2, slots: [[5461, 10922]] as [number, number][] },
  { id: 3, slots: [[10923, 16383]] as [number, number][] },
];

describe('slotSegments', () => {
  it('lays three even shards end to end over the whole bar', () => {
    const segments = slotSegments(EVEN);
    expect(segments.map(({ shard, start, end }) => [shard, start, end])).toEqual([
      [1, 0, 5460],
      [2, 5461, 10922],
      [3, 10923, 16383],
    ]);
    expect(segments[0]?.left).toBe(0);
    expect(segments.reduce((sum, segment) => sum + segment.width, 0)).toBeCloseTo(100, 10);
    expect(segments[1]?.left).toBeCloseTo((5461 * 100) / 16384, 10);
  });

  it('orders split ranges by slot and marks the slots nobody serves', () => {
    const segments = slotSegments([
      {
        id: 2,
        slots: [
          [5461, 10922],
          [0, 99],
        ],
      },
      { id: 1, slots: [[100, 5460]] },
    ]);
    expect(segments.map(({ shard, start, end }) => [shard, start, end])).toEqual([
      [2, 0, 99],
      [1, 100, 5460],
      [2, 5461, 10922],
      [null, 10923, 16383],
    ]);
  });

  it('is one unserved segment when no shard has slots (a failed primary, or the replication shape)', () => {
    expect(slotSegments([{ id: 1, slots: [] }])).toEqual([{ shard: null, start: 0, end: 16383, left: 0, width: 100 }]);
  });
});

describe('slot counts, ranges in words and owners', () => {
  it('counts inclusive ranges', () => {
    expect(slotCount([[0, 5460]])).toBe(5461);
    expect(
      slotCount([
        [0, 0],
        [10, 19],
      ]),
    ).toBe(11);
  });

  it('writes ranges as a reader would say them', () => {
    expect(
      describeRanges([
        [0, 99],
        [5461, 10922],
        [7, 7],
      ]),
    ).toBe('0–99, 5461–10922, 7');
    expect(describeRanges([])).toBe('no slots');
  });

  it('finds the shard that owns a slot, or null', () => {
    expect(shardOfSlot(EVEN, 12182)).toBe(3);
    expect(shardOfSlot(EVEN, 5461)).toBe(2);
    expect(shardOfSlot([{ id: 1, slots: [[0, 10]] }], 11)).toBeNull();
  });
});
