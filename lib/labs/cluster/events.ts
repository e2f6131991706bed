/** A lab's timeline: what happened and when, newest last, kept to a bounded length. */
export interface LabEvent {
  /** ISO 8601 time, to the millisecond. */
  at: string;
  text: string;
}

const MAX_EVENTS = 200;

export class LabTimeline {
  private readonly events: LabEvent[] = [];

  record(text: string, at = Date.now()): void {
    this.events.push({ at: new Date(at).toISOString(), text });
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS);
  }

  list(): LabEvent[] {
    return [...this.events];
  }
}
