'use client';

import { useId, useState } from 'react';
import { OnElastiCache } from '@/components/labs/cluster/OnElastiCache';
import { Button } from '@/components/ui/Button';
import { useElapsedSeconds } from '@/components/ui/use-elapsed-seconds';
import { ComparisonBars } from './ComparisonBars';
import { ExperimentError } from './ExperimentError';
import { ExperimentHeading } from './ExperimentHeading';
import { count, percent } from './format';
import { EVICTION_POLICIES, runEviction, type EvictionPolicy } from './patterns-api';
import { useExperimentSeries } from './use-experiment-series';
import { fieldClass } from './WorkloadForm';

/**
 * The eviction experiment: a small-maxmemory Valkey filled past its cap under one policy, or every
 * policy the preset names in turn, compared policy by policy.
 */
export function EvictionExperiment({
  policies,
  headingLevel = 2,
}: {
  policies: EvictionPolicy[];
  headingLevel?: 2 | 3;
}) {
  const series = useExperimentSeries(runEviction);
  const elapsed = useElapsedSeconds(series.since);
  const [policy, setPolicy] = useState<EvictionPolicy>(policies[0] ?? 'noeviction');
  const id = useId();
  const busy = series.running !== null;
  const compared = series.results.map((result, index) => ({
    label: `${result.policy} (#${index + 1})`,
    values: {
      hitRatio: result.hitRatio,
      evictions: result.evictions,
      oomErrors: result.oomErrors,
      writes: result.writes,
    },
  }));
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-line p-3 sm:p-4">
      <ExperimentHeading id={`${id}-heading`} level={headingLevel}>
        Eviction
      </ExperimentHeading>
      <p className="mt-1 text-sm text-muted">
        A Valkey with a small <code>maxmemory</code> is written past its cap, some keys with a TTL and some without,
        while readers come back for them. The policy decides what goes, or whether writes fail with <code>OOM</code>.
      </p>
      <form
        aria-label="Eviction"
        className="mt-3 flex flex-wrap items-end gap-3 text-sm"
        onSubmit={(event) => {
          event.preventDefault();
          series.run([policy]);
        }}
      >
        <div className="min-w-48">
          <label htmlFor={`${id}-policy`}>
            Policy (<code>maxmemory-policy</code>)
          </label>
          <select
            id={`${id}-policy`}
            value={policy}
            onChange={(event) => setPolicy(event.target.value as EvictionPolicy)}
            className={fieldClass}
          >
            {EVICTION_POLICIES.map((each) => (
              <option key={each} value={each}>
                {each}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" size="sm" disabled={busy}>
          Fill it under {policy}
        </Button>
        {policies.length > 1 && (
          <Button variant="secondary" size="sm" disabled={busy} onClick={() => series.run(policies)}>
            Compare {policies.length} policies
          </Button>
        )}
      </form>
      {series.running && (
        <p role="status" className="mt-3 text-sm">
          Filling the cache under {series.running}… <span aria-hidden="true">{elapsed} s</span>
        </p>
      )}
      {series.error && <ExperimentError status={series.error.status} message={series.error.message} />}
      <div className="mt-4">
        {compared.length === 0 ? (
          <p className="rounded-md border border-dashed border-line p-4 text-sm text-muted">
            No eviction run yet: fill the cache under a policy, then another, to compare them here.
          </p>
        ) : (
          <ComparisonBars
            title="Policies compared"
            runs={compared}
            measures={[
              { key: 'hitRatio', name: 'Hit ratio', format: percent, max: 1 },
              { key: 'evictions', name: 'Evictions', format: count },
              { key: 'oomErrors', name: 'OOM errors', format: count },
              { key: 'writes', name: 'Writes', format: count },
            ]}
          />
        )}
        {series.results.at(-1)?.note && (
          <p className="mt-2 text-sm">
            <span className="font-semibold">Defaults: </span>
            {series.results.at(-1)?.note}
          </p>
        )}
      </div>
      <OnElastiCache>
        the default parameter group sets <code>maxmemory-policy</code> to <code>volatile-lru</code>, while Valkey&apos;s
        own default is <code>noeviction</code>. Under <code>volatile-lru</code> only keys with a TTL can go: a cache
        full of keys without one answers <code>OOM</code> to writes as <code>noeviction</code> does. ElastiCache
        Serverless always uses <code>volatile-lru</code>, and you cannot change it.
      </OnElastiCache>
    </section>
  );
}
