'use client';

import { useId, useState } from 'react';
import type { LabShape } from '@/lib/labs/cluster/api-client';
import { Button } from '@/components/ui/Button';
import { useElapsedSeconds } from '@/components/ui/use-elapsed-seconds';
import { OnElastiCache } from './OnElastiCache';

const SHAPES: { shape: LabShape; title: string; detail: string }[] = [
  {
    shape: 'cluster',
    title: 'Cluster mode enabled',
    detail: '3 shards, each a primary and one replica: 6 valkey-server processes, the 16,384 slots split evenly.',
  },
  {
    shape: 'replication',
    title: 'Cluster mode disabled',
    detail: 'One primary and two replicas (3 processes), behind a primary endpoint and a reader endpoint.',
  },
];

/** The shape chooser and the Start button; while a lab starts, what is happening and for how long. */
export function LabStarter({
  starting,
  notice,
  onStart,
}: {
  starting: { shape: LabShape; since: number } | null;
  notice?: string;
  onStart(shape: LabShape): void;
}) {
  const [shape, setShape] = useState<LabShape>(starting?.shape ?? 'cluster');
  const elapsed = useElapsedSeconds(starting?.since ?? null);
  const progressId = useId();

  return (
    <section aria-labelledby="lab-start-heading" className="rounded-lg border border-line p-4 sm:p-6">
      <h2 id="lab-start-heading" className="text-xl font-semibold">
        Start your lab
      </h2>
      <form
        className="mt-4"
        onSubmit={(event) => {
          event.preventDefault();
          onStart(shape);
        }}
      >
        <fieldset disabled={starting !== null}>
          <legend className="font-medium">Shape</legend>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            {SHAPES.map((option) => (
              <label
                key={option.shape}
                className="flex cursor-pointer gap-3 rounded-md border border-line-strong p-3 has-[:checked]:border-accent-line has-[:checked]:bg-accent-soft dark:has-[:checked]:bg-slate-900"
              >
                <input
                  type="radio"
                  name="lab-shape"
                  value={option.shape}
                  checked={shape === option.shape}
                  onChange={() => setShape(option.shape)}
                  className="mt-1"
                />
                <span>
                  <span className="block font-medium">{option.title}</span>
                  <span className="block text-sm text-muted">{option.detail}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <Button type="submit" className="mt-4" disabled={starting !== null} aria-describedby={progressId}>
          {starting ? 'Starting…' : 'Start the lab'}
        </Button>
        <div id={progressId} role="status" className="mt-3 text-sm">
          {starting ? (
            <>
              <progress className="block h-2 w-full max-w-sm" aria-label="Starting your lab" />
              <span className="mt-1 block">
                Starting {starting.shape === 'cluster' ? '6 nodes and forming the cluster' : '3 nodes and replication'}…{' '}
                {elapsed} s (a few seconds)
              </span>
            </>
          ) : (
            notice && <span className="font-medium">{notice}</span>
          )}
        </div>
      </form>
      <OnElastiCache>
        Cluster mode enabled spreads the slots over shards behind one configuration endpoint; cluster mode disabled
        keeps one primary, with a primary endpoint for writes and a reader endpoint that spreads reads over the
        replicas. You can move a cluster from disabled to enabled, never back.
      </OnElastiCache>
    </section>
  );
}
