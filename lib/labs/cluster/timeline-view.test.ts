import { describe, expect, it } from 'vitest';
import type { LabEvent } from './events';
import { eventTime, reshardProgress, writeUnavailableMs } from './timeline-view';

const at = '2026-12-04T22:41:07.512Z';
const slots = { count: 100, first: 0, last: 99 };

describe('writeUnavailableMs', () => {
  it('reads the measured time from the event, not its sentence', () => {
    expect(writeUnavailableMs({ at, text: 'served again', kind: 'served-again', outageMs: 4213 })).toBe(4213);
    expect(writeUnavailableMs({ at, text: 'writes failed for 88 ms', kind: 'note' })).toBeNull();
  });
});

describe('reshardProgress', () => {
  it('is null before any reshard', () => {
    expect(reshardProgress([{ at, text: 'ready', kind: 'ready' }])).toBeNull();
  });

  it('follows the latest reshard from start through a pause to done', () => {
    const events: LabEvent[] = [
      { at, text: '', kind: 'reshard-started', from: 1, to: 2, slots, progress: { slots: 0, keys: 0 } },
      { at, text: '', kind: 'reshard-progress', from: 1, to: 2, slots, progress: { slots: 25, keys: 3 } },
    ];
    expect(reshardProgress(events)).toEqual({ from: 1, to: 2, total: 100, moved: 25, keys: 3, state: 'running' });
    events.push({ at, text: '', kind: 'reshard-paused', slot: 30, progress: { slots: 29, keys: 4 } });
    expect(reshardProgress(events)).toMatchObject({ state: 'paused', slot: 30, moved: 29, keys: 4 });
    events.push({ at, text: '', kind: 'reshard-resumed', slot: 30 });
    expect(reshardProgress(events)).toMatchObject({ state: 'running', slot: undefined });
    events.push({ at, text: '', kind: 'reshard-done', slots, progress: { slots: 100, keys: 12 } });
    expect(reshardProgress(events)).toMatchObject({ moved: 100, keys: 12, state: 'done' });
    events.push({
      at,
      text: '',
      kind: 'reshard-started',
      from: 3,
      to: 1,
      slots: { count: 5, first: 10923, last: 10927 },
    });
    events.push({ at, text: '', kind: 'reshard-stopped', from: 3, to: 1 });
    expect(reshardProgress(events)).toMatchObject({ from: 3, to: 1, total: 5, moved: 0, keys: 0, state: 'stopped' });
  });
});

describe('eventTime', () => {
  it('shows hours to milliseconds in local time, and the raw text when it is not a date', () => {
    expect(eventTime(at)).toMatch(/^\d\d:\d\d:07\.512$/);
    expect(eventTime('soon')).toBe('soon');
  });
});
