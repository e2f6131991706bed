import { describe, expect, it } from 'vitest';
import { eventTime, reshardProgress, writeUnavailableMs } from './timeline-view';

const at = '2026-12-04T22:41:07.512Z';

describe('writeUnavailableMs', () => {
  it('reads the measured time from the failover watchers’ sentences', () => {
    expect(writeUnavailableMs("Shard 2's slots served again: writes failed for 4213 ms")).toBe(4213);
    expect(writeUnavailableMs('Primary endpoint moved to 127.0.0.1:27002: writes failed for 88 ms')).toBe(88);
    expect(writeUnavailableMs('Replica 127.0.0.1:27004 promoted to primary of shard 1')).toBeNull();
  });
});

describe('reshardProgress', () => {
  it('is null before any reshard', () => {
    expect(reshardProgress([{ at, text: 'Cluster of 3 shards (3 primaries, 3 replicas) ready in 900 ms' }])).toBeNull();
  });

  it('follows the latest reshard from start to done', () => {
    const events = [
      { at, text: 'Resharding: moving 100 slots (0–99) from shard 1 to shard 2' },
      { at, text: 'Resharding: 25 of 100 slots moved (3 keys)' },
    ];
    expect(reshardProgress(events)).toEqual({ from: 1, to: 2, total: 100, moved: 25, keys: 3, state: 'running' });
    events.push({ at, text: 'Resharding done: 100 slots and 12 keys moved from shard 1 to shard 2' });
    expect(reshardProgress(events)).toMatchObject({ moved: 100, keys: 12, state: 'done' });
    events.push({ at, text: 'Resharding: moving 5 slots (10923–10927) from shard 3 to shard 1' });
    events.push({ at, text: 'Resharding stopped: ERR something' });
    expect(reshardProgress(events)).toEqual({ from: 3, to: 1, total: 5, moved: 0, keys: 0, state: 'stopped' });
  });
});

describe('eventTime', () => {
  it('shows hours to milliseconds in local time, and the raw text when it is not a date', () => {
    expect(eventTime(at)).toMatch(/^\d\d:\d\d:07\.512$/);
    expect(eventTime('soon')).toBe('soon');
  });
});
