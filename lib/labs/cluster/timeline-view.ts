/**
 * What the lab page reads out of the timeline's sentences (lib/labs/cluster/failover.ts and
 * reshard.ts write them): the measured write-unavailable time of each failover, and the progress
 * of the latest reshard. Pure and client-safe.
 */
export interface TimelineEvent {
  at: string;
  text: string;
}

/** The milliseconds during which writes failed, when the event reports them. */
export function writeUnavailableMs(text: string): number | null {
  const match = /writes failed for (\d+) ms/.exec(text);
  return match ? Number(match[1]) : null;
}

export interface ReshardProgress {
  from: number;
  to: number;
  moved: number;
  total: number;
  keys: number;
  state: 'running' | 'done' | 'stopped';
}

/** The latest reshard's progress, or null when the lab has not resharded. */
export function reshardProgress(events: readonly TimelineEvent[]): ReshardProgress | null {
  let progress: ReshardProgress | null = null;
  for (const { text } of events) {
    const started = /^Resharding: moving (\d+) slots .* from shard (\d+) to shard (\d+)/.exec(text);
    if (started) {
      progress = {
        total: Number(started[1]),
        from: Number(started[2]),
        to: Number(started[3]),
        moved: 0,
        keys: 0,
        state: 'running',
      };
      continue;
    }
    if (!progress) continue;
    const step = /^Resharding: (\d+) of (\d+) slots moved \((\d+) keys\)/.exec(text);
    if (step) {
      progress = { ...progress, moved: Number(step[1]), keys: Number(step[3]) };
      continue;
    }
    const done = /^Resharding done: (\d+) slots and (\d+) keys/.exec(text);
    if (done) progress = { ...progress, moved: Number(done[1]), keys: Number(done[2]), state: 'done' };
    else if (text.startsWith('Resharding stopped')) progress = { ...progress, state: 'stopped' };
  }
  return progress;
}

/** "22:41:07.512", in the viewer's time zone: events are seconds apart, so milliseconds matter. */
export function eventTime(at: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}
