'use client';

import { useId, useState } from 'react';
import { OnElastiCache } from '@/components/labs/cluster/OnElastiCache';
import { Button } from '@/components/ui/Button';
import { useElapsedSeconds } from '@/components/ui/use-elapsed-seconds';
import { ComparisonBars } from './ComparisonBars';
import { ExperimentError } from './ExperimentError';
import { ExperimentHeading } from './ExperimentHeading';
import { count, milliseconds } from './format';
import {
  runStampede,
  STAMPEDE_LIMITS,
  STAMPEDE_STRATEGIES,
  type StampedeRequest,
  type StampedeResult,
  type StampedeStrategy,
} from './patterns-api';
import { useExperimentSeries } from './use-experiment-series';
import { fieldClass } from './WorkloadForm';

export const STRATEGY_TITLES: Record<StampedeStrategy, string> = {
  none: 'No protection',
  lock: 'Single-flight lock',
  early: 'Early expiration (XFetch)',
  stale: 'Serve stale, refresh once',
};

const MAX_READERS = STAMPEDE_LIMITS.maxReaders;
const { minBeta, maxBeta } = STAMPEDE_LIMITS;

/** The most origin queries any one expiry caused: "one query per expiry" holds only if this is 1. */
function worstExpiry(result: StampedeResult): number {
  if (result.originQueriesPerExpiry && result.originQueriesPerExpiry.length > 0)
    return Math.max(...result.originQueriesPerExpiry);
  return result.expiries > 0 ? result.originQueries / result.expiries : result.originQueries;
}

/**
 * The stampede: a hot key expires while N readers want it. Run one strategy, or every strategy the
 * preset names in turn, and compare the origin's queries and the readers' latency in one chart.
 */
export function StampedeExperiment({
  readers: initialReaders,
  strategies,
  beta: initialBeta,
  headingLevel = 2,
}: {
  readers: number;
  strategies: StampedeStrategy[];
  beta: number;
  headingLevel?: 2 | 3;
}) {
  const series = useExperimentSeries(runStampede);
  const elapsed = useElapsedSeconds(series.since);
  const [readers, setReaders] = useState(initialReaders);
  const [strategy, setStrategy] = useState<StampedeStrategy>(strategies[strategies.length - 1] ?? 'lock');
  const [beta, setBeta] = useState(initialBeta);
  const id = useId();
  const problem =
    !Number.isInteger(readers) || readers < 1 || readers > MAX_READERS
      ? `Readers must be a whole number from 1 to ${MAX_READERS}.`
      : !Number.isFinite(beta) || beta < minBeta || beta > maxBeta
        ? `β must be from ${minBeta} to ${maxBeta}.`
        : null;
  const request = (each: StampedeStrategy): StampedeRequest =>
    each === 'early' ? { readers, strategy: each, beta } : { readers, strategy: each };
  const busy = series.running !== null;
  const compared = series.results.map((result, index) => ({
    label: `${STRATEGY_TITLES[result.strategy]}, ${result.readers} readers (#${index + 1})`,
    values: {
      originQueries: result.originQueries,
      perExpiry: worstExpiry(result),
      p50Ms: result.p50Ms,
      p99Ms: result.p99Ms,
      errors: result.errors,
    },
  }));

  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-line p-3 sm:p-4">
      <ExperimentHeading id={`${id}-heading`} level={headingLevel}>
        Stampede
      </ExperimentHeading>
      <p className="mt-1 text-sm text-muted">
        A hot product page expires while {readers} readers want it. Without protection each one that misses asks the
        database; with a lock or serve-stale, one does.
      </p>
      <form
        aria-label="Stampede"
        className="mt-3 grid grid-cols-1 gap-3 text-sm min-[420px]:grid-cols-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (!problem) series.run([request(strategy)]);
        }}
      >
        <div>
          <label htmlFor={`${id}-readers`}>Readers</label>
          <input
            id={`${id}-readers`}
            type="number"
            min={1}
            max={MAX_READERS}
            value={Number.isNaN(readers) ? '' : readers}
            onChange={(event) => setReaders(event.target.valueAsNumber)}
            aria-describedby={`${id}-readers-help`}
            className={fieldClass}
          />
          <p id={`${id}-readers-help`} className="mt-0.5 text-xs text-muted">
            1–{MAX_READERS}.
          </p>
        </div>
        <div>
          <label htmlFor={`${id}-strategy`}>Strategy</label>
          <select
            id={`${id}-strategy`}
            value={strategy}
            onChange={(event) => setStrategy(event.target.value as StampedeStrategy)}
            className={fieldClass}
          >
            {STAMPEDE_STRATEGIES.map((each) => (
              <option key={each} value={each}>
                {STRATEGY_TITLES[each]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-beta`}>β (XFetch)</label>
          <input
            id={`${id}-beta`}
            type="number"
            min={minBeta}
            max={maxBeta}
            step={0.1}
            value={Number.isNaN(beta) ? '' : beta}
            onChange={(event) => setBeta(event.target.valueAsNumber)}
            disabled={strategy !== 'early'}
            aria-describedby={`${id}-beta-help`}
            className={fieldClass}
          />
          <p id={`${id}-beta-help`} className="mt-0.5 text-xs text-muted">
            {minBeta}–{maxBeta}; above 1 refreshes earlier. Early expiration only.
          </p>
        </div>
        {problem && <p className="text-danger-text min-[420px]:col-span-3">{problem}</p>}
        <div className="flex flex-wrap gap-2 min-[420px]:col-span-3">
          <Button type="submit" size="sm" disabled={busy || problem !== null}>
            Run {STRATEGY_TITLES[strategy].toLowerCase()}
          </Button>
          {strategies.length > 1 && (
            <Button
              variant="secondary"
              size="sm"
              disabled={busy || problem !== null}
              onClick={() => series.run(strategies.map(request))}
            >
              {strategies.length === 2
                ? `Compare ${strategies.map((each) => STRATEGY_TITLES[each].toLowerCase()).join(' and ')}`
                : `Compare all ${strategies.length} strategies`}
            </Button>
          )}
        </div>
      </form>
      {series.running && (
        <p role="status" className="mt-3 text-sm">
          Running {STRATEGY_TITLES[series.running.strategy].toLowerCase()} with {series.running.readers} readers…{' '}
          <span aria-hidden="true">{elapsed} s</span>
        </p>
      )}
      {series.error && <ExperimentError status={series.error.status} message={series.error.message} />}
      <div className="mt-4">
        {compared.length === 0 ? (
          <p className="rounded-md border border-dashed border-line p-4 text-sm text-muted">
            No stampede yet: run a strategy, then another, to compare them here.
          </p>
        ) : (
          <ComparisonBars
            title="Strategies compared"
            runs={compared}
            measures={[
              { key: 'originQueries', name: 'Origin queries', format: count },
              { key: 'perExpiry', name: 'Most origin queries in one expiry', format: count },
              { key: 'p50Ms', name: 'Reader p50', format: milliseconds },
              { key: 'p99Ms', name: 'Reader p99', format: milliseconds },
              { key: 'errors', name: 'Errors', format: count },
            ]}
          />
        )}
      </div>
      <OnElastiCache>
        a stampede hits your database, not the cache: ElastiCache answers every miss quickly, and RDS or Aurora takes
        the burst. The lock (<code>SET … NX PX</code>) and its compare-and-delete release work unchanged with cluster
        mode enabled: each touches one key, so each goes to one shard.
      </OnElastiCache>
    </section>
  );
}
