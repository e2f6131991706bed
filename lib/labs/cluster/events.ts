/**
 * A lab's timeline: what happened and when, newest last, kept to a bounded length. Each event has
 * its sentence (`text`) and, for the page to read without parsing that sentence, what kind of
 * event it is and its figures (shard, slots, progress, outage…).
 */
export type LabEventKind =
  | 'ready'
  | 'failover'
  | 'unreachable'
  | 'suspected'
  | 'failed'
  | 'promoted'
  | 'served-again'
  | 'not-recovered'
  | 'endpoint-moved'
  | 'restarted'
  | 'rejoined'
  | 'reshard-started'
  | 'reshard-progress'
  | 'reshard-paused'
  | 'reshard-resumed'
  | 'reshard-done'
  | 'reshard-stopped'
  | 'slot-repaired'
  | 'write-loss'
  | 'note';

export interface LabEventFields {
  kind?: LabEventKind;
  /** The shard concerned (1–3; 1 for the replication shape). */
  shard?: number;
  /** The node concerned, "127.0.0.1:PORT". */
  node?: string;
  /** A reshard's slots: how many in all, and the first and last moved. */
  slots?: { count: number; first: number; last: number };
  /** A reshard's source and target shards. */
  from?: number;
  to?: number;
  /** A reshard's progress: slots and keys moved so far. */
  progress?: { slots: number; keys: number };
  /** A reshard paused mid-slot: the slot half moved; an open slot repaired. */
  slot?: number;
  /** Milliseconds during which writes to the shard failed. */
  outageMs?: number;
}

export interface LabEvent extends LabEventFields {
  /** ISO 8601 time, to the millisecond. */
  at: string;
  text: string;
}

const MAX_EVENTS = 200;

export class LabTimeline {
  private readonly events: LabEvent[] = [];

  record(text: string, fields: LabEventFields = {}, at = Date.now()): void {
    this.events.push({ at: new Date(at).toISOString(), text, kind: 'note', ...fields });
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS);
  }

  list(): LabEvent[] {
    return [...this.events];
  }
}
