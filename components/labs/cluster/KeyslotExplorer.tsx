'use client';

import { useId, useState } from 'react';
import type { LabTopology } from '@/lib/labs/cluster/api-client';
import { highlightKey } from '@/lib/labs/cluster/key-highlight';
import { shardOfSlot } from '@/lib/labs/cluster/slot-map';
import { Button } from '@/components/ui/Button';
import { OnElastiCache } from './OnElastiCache';
import { shardFill } from './shard-style';
import { SlotBar } from './SlotBar';

const ACROSS_SLOTS = 'MSET user:1:name ada user:2:name grace';
const WITH_TAG = 'MSET {user}:1:name ada {user}:2:name grace';

/** Quotes a key for the console when it holds spaces or quotes, as valkey-cli would need it. */
const asArgument = (key: string) => (/^[^\s"']+$/.test(key) ? key : JSON.stringify(key));

/**
 * Type a key, see its slot (CRC16 of the key or of its hash tag, mod 16384) and the shard that
 * owns it; then run a multi-key command across slots in the console (CROSSSLOT) and with a hash tag.
 */
export function KeyslotExplorer({
  topology,
  onRunInConsole,
}: {
  topology: LabTopology;
  onRunInConsole(command: string): void;
}) {
  const [key, setKey] = useState('{user:42}:cart');
  const inputId = useId();
  const resultId = useId();
  const parts = highlightKey(key);
  const owner = shardOfSlot(topology.shards, parts.slot);

  return (
    <section aria-labelledby="keyslot-heading" className="rounded-lg border border-line p-3 sm:p-4">
      <h2 id="keyslot-heading" className="text-lg font-semibold">
        Keyslot explorer
      </h2>
      <label htmlFor={inputId} className="mt-2 block text-sm font-medium">
        Key
      </label>
      <input
        id={inputId}
        value={key}
        onChange={(event) => setKey(event.target.value)}
        aria-describedby={resultId}
        spellCheck={false}
        autoComplete="off"
        className="mt-1 w-full rounded-md border border-line-strong bg-transparent px-2 py-1 font-mono"
      />
      <div id={resultId} className="mt-3 text-sm">
        <p className="font-mono text-base break-all">
          {parts.before}
          <mark className="rounded-sm bg-amber-200 px-0.5 text-slate-950 dark:bg-amber-300">{parts.hashed}</mark>
          {parts.after}
        </p>
        <p className="mt-1">
          {parts.tagged ? (
            <>
              Hash tag <code className="font-mono">{parts.hashed}</code>: only the part between the first {'{'} and the
              next {'}'} is hashed.
            </>
          ) : (
            'No hash tag: the whole key is hashed.'
          )}{' '}
          Slot <strong data-testid="keyslot">{parts.slot}</strong>
          {owner !== null ? (
            <>
              , owned by{' '}
              <strong className="inline-flex items-center gap-1">
                <span aria-hidden="true" className={`inline-block size-3 rounded-sm ${shardFill(owner)}`} />
                shard {owner}
              </strong>
              .
            </>
          ) : (
            ', which no shard serves right now.'
          )}
        </p>
      </div>
      <SlotBar shards={topology.shards} mark={parts.slot} />
      <div className="mt-2 flex flex-wrap gap-2">
        <Button
          type="button"
          size="xs"
          variant="secondary"
          onClick={() => onRunInConsole(`CLUSTER KEYSLOT ${asArgument(key)}`)}
        >
          Ask the cluster: CLUSTER KEYSLOT
        </Button>
      </div>
      <h3 className="mt-4 font-semibold">Multi-key commands and CROSSSLOT</h3>
      <p className="mt-1 text-sm">
        A command with several keys runs only when they all hash to the same slot; otherwise every node answers{' '}
        <code className="font-mono">CROSSSLOT Keys in request don&apos;t hash to the same slot</code>. A shared hash tag
        puts them in one slot.
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button type="button" size="xs" variant="secondary" onClick={() => onRunInConsole(ACROSS_SLOTS)}>
          Run <code className="ml-1 font-mono">{ACROSS_SLOTS}</code>
        </Button>
        <Button type="button" size="xs" variant="secondary" onClick={() => onRunInConsole(WITH_TAG)}>
          Run <code className="ml-1 font-mono">{WITH_TAG}</code>
        </Button>
      </div>
      <OnElastiCache>
        with cluster mode enabled the same 16,384 slots and the same CRC16 rule apply, so keys that must change together
        (a transaction, a script, MSET) need a shared hash tag. Too many keys under one tag make that slot, and its
        shard, hot.
      </OnElastiCache>
    </section>
  );
}
