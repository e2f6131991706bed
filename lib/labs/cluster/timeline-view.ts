/**
 * What the lab page reads out of the timeline (lib/labs/cluster/events.ts): the measured
 * write-unavailable time of each failover, and the progress of the latest reshard, from the
 * events' structured fields (never from their sentences, which are for people). Pure and client-safe.
 */
import type { LabEvent } from './events';

export type TimelineEvent = LabEvent;

/** The milliseconds during which writes failed, when the event reports them. */
export function writeUnavailableMs(event: TimelineEvent): number | null {
  return typeof event.outageMs === 'number' ? event.outageMs : null;
}

export interface ReshardProgress {
  from: number;
  to: number;
  moved: number;
  total: number;
  keys: number;
  state: 'running' | 'paused' | 'done' | 'stopped';
  /** The slot left half moved while paused. */
  slot?: number;
}

const RESHARD_STATES: Partial<Record<NonNullable<LabEvent['kind']>, ReshardProgress['state']>> = {
  'reshard-started': 'running',
  'reshard-progress': 'running',
  'reshard-resumed': 'running',
  'reshard-paused': 'paused',
  'reshard-done': 'done',
  'reshard-stopped': 'stopped',
};

/** The latest reshard's progress, or null when the lab has not resharded. */
export function reshardProgress(events: readonly TimelineEvent[]): ReshardProgress | null {
  let progress: ReshardProgress | null = null;
  for (const event of events) {
    const state = event.kind && RESHARD_STATES[event.kind];
    if (!state) continue;
    if (event.kind === 'reshard-started')
      progress = { from: event.from ?? 0, to: event.to ?? 0, total: event.slots?.count ?? 0, moved: 0, keys: 0, state };
    if (!progress) continue;
    progress = {
      ...progress,
      state,
      moved: event.progress?.slots ?? progress.moved,
      keys: event.progress?.keys ?? progress.keys,
      ...(state === 'paused' ? { slot: event.slot } : { slot: undefined }),
    };
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
