import type { LabTopology } from '@/lib/labs/cluster/api-client';
import { eventTime, writeUnavailableMs } from '@/lib/labs/cluster/timeline-view';

/**
 * The lab's timeline, newest first, with the measured write-unavailable time of each failover
 * called out. The page's one polite live region reads out the newest event as it arrives.
 */
export function EventTimeline({ events }: { events: LabTopology['events'] }) {
  const newest = events.at(-1);
  return (
    <section aria-labelledby="timeline-heading" className="rounded-lg border border-line p-3 sm:p-4">
      <h2 id="timeline-heading" className="text-lg font-semibold">
        Timeline
      </h2>
      <p aria-live="polite" className="sr-only">
        {newest ? newest.text : ''}
      </p>
      {events.length === 0 ? (
        <p className="mt-2 text-sm text-muted">Nothing has happened yet.</p>
      ) : (
        <ol
          className="mt-2 max-h-96 space-y-1 overflow-y-auto text-sm"
          aria-label="Lab events, newest first"
          tabIndex={0}
        >
          {[...events].reverse().map((event, index) => {
            const unavailable = writeUnavailableMs(event);
            return (
              <li key={`${event.at}-${events.length - index}`} className="flex gap-3">
                <time dateTime={event.at} className="shrink-0 font-mono text-xs leading-5 text-muted">
                  {eventTime(event.at)}
                </time>
                <span className="min-w-0 break-words">
                  {event.text}
                  {unavailable !== null && (
                    <strong className="ml-2 inline-block rounded bg-rose-100 px-1.5 text-xs text-rose-900 dark:bg-rose-950 dark:text-rose-200">
                      writes unavailable {(unavailable / 1000).toFixed(2)} s
                    </strong>
                  )}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
