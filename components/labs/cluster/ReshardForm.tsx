'use client';

import { useState } from 'react';
import type { LabTopology } from '@/lib/labs/cluster/api-client';
import { slotCount } from '@/lib/labs/cluster/slot-map';
import { reshardProgress } from '@/lib/labs/cluster/timeline-view';
import { Button } from '@/components/ui/Button';
import { OnElastiCache } from './OnElastiCache';

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const fieldClass = 'mt-1 block w-full rounded-md border border-line-strong bg-white px-2 py-1 dark:bg-slate-900';

/**
 * Move N slots, with their keys, from one shard to another, optionally pausing in the middle of a
 * slot (so that ASK can be seen) until Finish; progress comes from the timeline's reshard events.
 */
export function ReshardForm({
  topology,
  busy,
  onReshard,
  onResume,
  onRepair,
}: {
  topology: LabTopology;
  busy: boolean;
  /** `pauseAfterKeys` null: move without stopping. */
  onReshard(from: number, to: number, slots: number, pauseAfterKeys: number | null): void;
  onResume(): void;
  /** Repair slots left half moved by hand (CLUSTER SETSLOT), as `valkey-cli --cluster fix` does. */
  onRepair(): void;
}) {
  const shards = topology.shards.map((shard) => shard.id);
  const [from, setFrom] = useState(shards[0] ?? 1);
  const [to, setTo] = useState(shards[1] ?? 2);
  const [slots, setSlots] = useState(100);
  const [pause, setPause] = useState(false);
  const [pauseAfterKeys, setPauseAfterKeys] = useState(1);
  const owned = slotCount(topology.shards.find((shard) => shard.id === from)?.slots ?? []);
  const progress = reshardProgress(topology.events);
  const problem =
    from === to
      ? 'Choose two different shards.'
      : !Number.isInteger(slots) || slots < 1 || slots > owned
        ? `Choose a number of slots from 1 to ${owned}, the slots shard ${from} owns.`
        : pause && (!Number.isInteger(pauseAfterKeys) || pauseAfterKeys < 0)
          ? 'Choose how many keys to move before the pause: 0 or more.'
          : null;
  const paused = progress?.state === 'paused';

  return (
    <section aria-labelledby="reshard-heading" className="rounded-lg border border-line p-3 sm:p-4">
      <h2 id="reshard-heading" className="text-lg font-semibold">
        Resharding
      </h2>
      <form
        className="mt-2 grid grid-cols-2 gap-3 text-sm sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end"
        onSubmit={(event) => {
          event.preventDefault();
          if (!problem) onReshard(from, to, slots, pause ? pauseAfterKeys : null);
        }}
      >
        <label>
          From shard
          <select value={from} onChange={(event) => setFrom(Number(event.target.value))} className={fieldClass}>
            {shards.map((id) => (
              <option key={id} value={id}>
                Shard {id}
              </option>
            ))}
          </select>
        </label>
        <label>
          To shard
          <select value={to} onChange={(event) => setTo(Number(event.target.value))} className={fieldClass}>
            {shards.map((id) => (
              <option key={id} value={id}>
                Shard {id}
              </option>
            ))}
          </select>
        </label>
        <label>
          Slots to move
          <input
            type="number"
            min={1}
            max={owned}
            value={Number.isNaN(slots) ? '' : slots}
            onChange={(event) => setSlots(event.target.valueAsNumber)}
            className={fieldClass}
          />
        </label>
        <Button type="submit" size="sm" disabled={busy || paused || problem !== null}>
          Move slots
        </Button>
        <div className="col-span-2 flex flex-wrap items-end gap-3 sm:col-span-4">
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={pause} onChange={(event) => setPause(event.target.checked)} />
            Pause in the middle of a slot
          </label>
          {pause && (
            <label>
              after this many keys
              <input
                type="number"
                min={0}
                value={Number.isNaN(pauseAfterKeys) ? '' : pauseAfterKeys}
                onChange={(event) => setPauseAfterKeys(event.target.valueAsNumber)}
                className={fieldClass}
              />
            </label>
          )}
        </div>
      </form>
      {problem && <p className="mt-2 text-sm text-danger-text">{problem}</p>}
      {progress && (
        <div className="mt-3 text-sm">
          <label className="block">
            {progress.state === 'done'
              ? `Done: ${count(progress.moved, 'slot')} and ${count(progress.keys, 'key')} moved from shard ${progress.from} to shard ${progress.to}.`
              : progress.state === 'paused'
                ? `Paused in the middle of slot ${progress.slot}: ${count(progress.keys, 'key')} moved so far. Commands on its keys now answer ASK in node mode.`
                : progress.state === 'stopped'
                  ? `Stopped after ${progress.moved} of ${progress.total} slots (see the timeline).`
                  : `Moving slots from shard ${progress.from} to shard ${progress.to}: ${progress.moved} of ${progress.total} (${progress.keys} keys so far).`}
            <progress className="mt-1 block h-2 w-full" max={progress.total} value={progress.moved} />
          </label>
          {paused && (
            <Button type="button" size="sm" className="mt-2" disabled={busy} onClick={onResume}>
              Finish the move
            </Button>
          )}
        </div>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
        <Button type="button" size="sm" variant="secondary" disabled={busy || paused} onClick={onRepair}>
          Repair open slots
        </Button>
        <span>
          Left a slot half moved with <code className="font-mono">CLUSTER SETSLOT</code>? This finishes or rolls back
          the move as <code className="font-mono">valkey-cli --cluster fix</code> does (Move slots does it first too).
        </span>
      </div>
      <p className="mt-3 text-sm">
        While a slot moves, a command on one of its keys that the old owner no longer holds answers{' '}
        <code className="font-mono">ASK</code> in node mode; cluster mode sends{' '}
        <code className="font-mono">ASKING</code> and follows it.
      </p>
      <OnElastiCache>
        online resharding adds or removes shards and moves slots while the cluster serves traffic. AWS advises keeping
        CPU below 80% on multicore nodes (50% on single-core ones) while it runs, and items over 256 MB are not
        migrated.
      </OnElastiCache>
    </section>
  );
}
