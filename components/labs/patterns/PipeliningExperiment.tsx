'use client';

import { useId, useState } from 'react';
import { OnElastiCache } from '@/components/labs/cluster/OnElastiCache';
import { Button } from '@/components/ui/Button';
import { useElapsedSeconds } from '@/components/ui/use-elapsed-seconds';
import { ComparisonBars } from './ComparisonBars';
import { ExperimentError } from './ExperimentError';
import { ExperimentHeading } from './ExperimentHeading';
import { count, milliseconds, perSecond } from './format';
import {
  PIPELINING_BATCH_SIZE,
  PIPELINING_LIMITS,
  pipeliningProblem,
  runPipelining,
  type PipeliningMode,
  type PipeliningRequest,
  type PipeliningResult,
} from './patterns-api';
import { useExperimentSeries } from './use-experiment-series';
import { fieldClass } from './WorkloadForm';

export const MODE_TITLES: Record<PipeliningMode, string> = {
  'one-by-one': 'One by one',
  pipeline: 'One pipeline',
  batches: `Pipelines of ${PIPELINING_BATCH_SIZE}`,
  'mset-mget': 'MSET / MGET',
};

/** Runs shown in the chart: the latest few, four rows each. */
const RUNS_SHOWN = 3;

const { minCommands, maxCommands, maxLatencyMs } = PIPELINING_LIMITS;
const LATENCIES = Array.from({ length: maxLatencyMs + 1 }, (_, latency) => latency);

const speedup = (times: number) => (times >= 10 ? count(times) : times.toFixed(1));

const latencyTitle = (latencyMs: number) => (latencyMs === 0 ? 'loopback' : `+${latencyMs} ms per round trip`);

/** The form's own sentence for a request the server would refuse, in the words of its fields. */
function formProblem(request: PipeliningRequest): string | null {
  const problem = pipeliningProblem(request);
  if (problem === null) return null;
  if (problem.startsWith('commands ×'))
    return `At ${request.latencyMs} ms per round trip, use at most ${Math.floor(PIPELINING_LIMITS.maxCommandMilliseconds / request.latencyMs)} commands: one command per round trip would take too long.`;
  return `Commands must be a whole number from ${minCommands} to ${maxCommands}.`;
}

function chartRows(results: PipeliningResult[]) {
  const firstShown = Math.max(0, results.length - RUNS_SHOWN);
  return results.slice(firstShown).flatMap((result, index) =>
    result.modes.map((mode) => ({
      label: `${MODE_TITLES[mode.mode]}, ${count(result.commands)} keys, ${latencyTitle(result.latencyMs)} (#${firstShown + index + 1})`,
      values: { wallMs: mode.wallMs, roundTrips: mode.roundTrips, operationsPerSecond: mode.operationsPerSecond },
    })),
  );
}

/**
 * Pipelining: the same N writes and N reads sent one command per round trip, as one pipeline, as
 * pipelines of 100, and as MSET/MGET, on loopback or through the lab's latency proxy. With a preset
 * its second button runs the same N on loopback and with the preset's latency, one after the other.
 */
export function PipeliningExperiment({
  commands: initialCommands,
  latencyMs: initialLatency,
  headingLevel = 2,
}: {
  commands: number;
  latencyMs: number;
  headingLevel?: 2 | 3;
}) {
  const series = useExperimentSeries(runPipelining);
  const elapsed = useElapsedSeconds(series.since);
  const [commands, setCommands] = useState(initialCommands);
  const [latencyMs, setLatency] = useState(initialLatency);
  const id = useId();
  const problem = formProblem({ commands, latencyMs });
  const busy = series.running !== null;
  const rows = chartRows(series.results);
  const latest = series.results.at(-1);

  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-line p-3 sm:p-4">
      <ExperimentHeading id={`${id}-heading`} level={headingLevel}>
        Pipelining
      </ExperimentHeading>
      <p className="mt-1 text-sm text-muted">
        The same N writes (<code>SET</code>) and N reads (<code>GET</code>) on the lab&apos;s Valkey, sent four ways.
        The added latency is real: a proxy in the lab holds each request that long before passing it to Valkey, so every
        round trip takes that much longer, as between an application and its cache in another Availability Zone. 0 is
        loopback, where a round trip costs a few microseconds.
      </p>
      <form
        aria-label="Pipelining"
        className="mt-3 grid grid-cols-1 gap-3 text-sm min-[420px]:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (!problem) series.run([{ commands, latencyMs }]);
        }}
      >
        <div>
          <label htmlFor={`${id}-commands`}>Commands (N)</label>
          <input
            id={`${id}-commands`}
            type="number"
            min={minCommands}
            max={maxCommands}
            step={100}
            value={Number.isNaN(commands) ? '' : commands}
            onChange={(event) => setCommands(event.target.valueAsNumber)}
            aria-describedby={`${id}-commands-help`}
            className={fieldClass}
          />
          <p id={`${id}-commands-help`} className="mt-0.5 text-xs text-muted">
            {minCommands}–{count(maxCommands)} writes, then as many reads.
          </p>
        </div>
        <div>
          <label htmlFor={`${id}-latency`}>Added latency per round trip</label>
          <select
            id={`${id}-latency`}
            value={latencyMs}
            onChange={(event) => setLatency(Number(event.target.value))}
            className={fieldClass}
          >
            {LATENCIES.map((latency) => (
              <option key={latency} value={latency}>
                {latency === 0 ? '0 ms (loopback)' : `${latency} ms`}
              </option>
            ))}
          </select>
        </div>
        {problem && <p className="text-danger-text min-[420px]:col-span-2">{problem}</p>}
        <div className="flex flex-wrap gap-2 min-[420px]:col-span-2">
          <Button type="submit" size="sm" disabled={busy || problem !== null}>
            Run {count(Number.isNaN(commands) ? 0 : commands)} writes and reads
          </Button>
          {latencyMs > 0 && (
            <Button
              variant="secondary"
              size="sm"
              disabled={busy || problem !== null}
              onClick={() =>
                series.run([
                  { commands, latencyMs: 0 },
                  { commands, latencyMs },
                ])
              }
            >
              Compare loopback and {latencyMs} ms
            </Button>
          )}
        </div>
      </form>
      {series.running && (
        <p role="status" className="mt-3 text-sm">
          Sending {count(series.running.commands)} writes and reads four ways, {latencyTitle(series.running.latencyMs)}…{' '}
          <span aria-hidden="true">{elapsed} s</span>
        </p>
      )}
      {series.error && <ExperimentError status={series.error.status} message={series.error.message} />}
      <div className="mt-4">
        {rows.length === 0 ? (
          <p className="rounded-md border border-dashed border-line p-4 text-sm text-muted">
            No run yet: run once on loopback and once with added latency to see what round trips cost.
          </p>
        ) : (
          <ComparisonBars
            title="Ways of sending compared"
            runs={rows}
            measures={[
              { key: 'wallMs', name: 'Wall time', format: milliseconds },
              { key: 'roundTrips', name: 'Round trips', format: count },
              { key: 'operationsPerSecond', name: 'Keys written and read per second', format: perSecond },
            ]}
          />
        )}
        {latest && (
          <p className="mt-2 text-sm" data-testid="pipelining-summary">
            Latest run: one pipeline was {speedup(latest.pipelineSpeedup)}× as fast as one command per round trip
            {latest.latencyMs > 0 &&
              ` (the proxy added ${milliseconds(latest.measuredLatencyMs)} per round trip on average)`}
            .
          </p>
        )}
      </div>
      <OnElastiCache>
        every command crosses a real network, farther when the application runs in another Availability Zone, so an
        application that sends one command per round trip spends most of its time waiting. With cluster mode enabled a
        pipeline&apos;s keys live on several shards: some clients split it into one pipeline per shard, ioredis refuses
        one that spans shards, and <code>MSET</code> or <code>MGET</code> needs every key in one slot (a hash tag such
        as <code>{'{user:42}'}</code>).
      </OnElastiCache>
    </section>
  );
}
