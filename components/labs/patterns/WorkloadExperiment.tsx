'use client';

import { useEffect, useId, useState } from 'react';
import { OnElastiCache } from '@/components/labs/cluster/OnElastiCache';
import { ExperimentError } from './ExperimentError';
import { ExperimentHeading } from './ExperimentHeading';
import { readPatternCode, type PatternId, type PatternSource, type WorkloadParams } from './patterns-api';
import { RunCharts } from './RunCharts';
import { RunSummaryTable } from './RunSummaryTable';
import { SourceView } from './SourceView';
import { useWorkloadRuns, type RunSlot } from './use-workload-runs';
import { PATTERN_TITLES } from './workload-bounds';
import { WorkloadForm } from './WorkloadForm';

/** The patterns' sources, read once per page: undefined while loading, null when they could not be read. */
function usePatternSources(): PatternSource[] | null | undefined {
  const [sources, setSources] = useState<PatternSource[] | null | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    void readPatternCode().then((answer) => {
      if (!cancelled) setSources(answer.ok ? answer.value.patterns : null);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return sources;
}

function RunProgress({ slot, seconds }: { slot: RunSlot; seconds: number }) {
  const elapsed = slot.status?.series.length ?? 0;
  const state = slot.status?.state ?? 'starting';
  const title = PATTERN_TITLES[slot.pattern];
  return (
    <label className="block text-sm">
      {state === 'done'
        ? `${title}: done, ${elapsed} ${elapsed === 1 ? 'data point' : 'data points'}.`
        : state === 'failed'
          ? `${title}: failed after ${elapsed} s.`
          : `${title}: ${state === 'starting' ? 'starting' : `${elapsed} s of ${seconds} s`}`}
      <progress className="mt-1 block h-2 w-full" max={seconds} value={Math.min(elapsed, seconds)} />
    </label>
  );
}

/**
 * The workload run: a form, one or two runs (same workload, two patterns), their live charts, the
 * summary table, and the first pattern's code beside the commands it sends.
 */
export function WorkloadExperiment({
  initial,
  initialCompare,
  headingLevel = 2,
}: {
  initial: WorkloadParams;
  initialCompare: PatternId | null;
  headingLevel?: 2 | 3;
}) {
  const headingId = useId();
  const runs = useWorkloadRuns();
  const sources = usePatternSources();
  const shownPattern =
    runs.slots.find((slot) => slot.status?.state === 'running')?.pattern ?? runs.slots[0]?.pattern ?? initial.pattern;
  const shownSlot = runs.slots.find((slot) => slot.pattern === shownPattern);
  const source =
    sources === undefined ? undefined : (sources?.find((each) => each.id === shownPattern)?.source ?? null);
  const seconds = runs.params?.seconds ?? initial.seconds;
  const charted = runs.slots
    .filter((slot) => slot.status !== null)
    .map((slot) => ({
      label: PATTERN_TITLES[slot.pattern],
      pattern: slot.pattern,
      series: slot.status?.series ?? [],
      seconds,
    }));
  const summaries = runs.slots.flatMap((slot) =>
    slot.status?.summary ? [{ label: PATTERN_TITLES[slot.pattern], summary: slot.status.summary }] : [],
  );
  const allDone = runs.slots.length > 0 && summaries.length === runs.slots.length;

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-line p-3 sm:p-4">
      <ExperimentHeading id={headingId} level={headingLevel}>
        Workload run
      </ExperimentHeading>
      <p className="mt-1 text-sm text-muted">
        Clients read and update product pages (a product and its review aggregate) from a real database, through the
        pattern you choose, for a few seconds. A data point comes in every second.
      </p>
      <div className="mt-3">
        <WorkloadForm
          initial={initial}
          initialCompare={initialCompare}
          busy={runs.busy}
          onRun={(params, compare) => runs.start(params, compare ?? undefined)}
        />
      </div>
      {runs.error && <ExperimentError status={runs.error.status} message={runs.error.message} />}
      {runs.slots.length > 0 && (
        <div className="mt-4 space-y-2" aria-label="Progress">
          {runs.slots.map((slot) => (
            <RunProgress key={slot.pattern} slot={slot} seconds={seconds} />
          ))}
        </div>
      )}
      {charted.length > 0 ? (
        <div className="mt-4">
          <RunCharts runs={charted} />
        </div>
      ) : (
        runs.slots.length === 0 && (
          <p className="mt-4 rounded-md border border-dashed border-line p-4 text-sm text-muted">
            No run yet: choose a workload and run it. The charts fill in second by second.
          </p>
        )
      )}
      {summaries.length > 0 && (
        <div className="mt-4" role={allDone ? 'status' : undefined}>
          <RunSummaryTable runs={summaries} />
        </div>
      )}
      <div className="mt-4">
        <SourceView title={PATTERN_TITLES[shownPattern]} source={source} trace={shownSlot?.status?.trace ?? []} />
      </div>
      <OnElastiCache>
        the cache is the same Valkey; what changes is the network between your application, the cache and the database.
        A miss costs a round trip to ElastiCache and a query to RDS or Aurora, so the hit ratio and the origin&apos;s
        queries per second are the figures that size both. Watch <code>CacheHitRate</code>, <code>Evictions</code> and{' '}
        <code>DatabaseMemoryUsagePercentage</code> in CloudWatch.
      </OnElastiCache>
    </section>
  );
}
