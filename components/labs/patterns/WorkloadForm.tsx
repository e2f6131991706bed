'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { PATTERN_IDS, type PatternId, type WorkloadParams } from './patterns-api';
import {
  DEFAULT_KILL_AFTER_SECONDS,
  killConsumerProblem,
  PATTERN_TITLES,
  WORKLOAD_FIELDS,
  workloadProblem,
} from './workload-bounds';

export const fieldClass = 'mt-1 block w-full rounded-md border border-line-strong bg-white px-2 py-1 dark:bg-slate-900';

/** The workload to run, each number with its bounds beside it, and a second pattern to compare it with. */
export function WorkloadForm({
  initial,
  initialCompare,
  busy,
  onRun,
}: {
  initial: WorkloadParams;
  initialCompare: PatternId | null;
  busy: boolean;
  onRun(params: WorkloadParams, comparePattern: PatternId | null): void;
}) {
  const [params, setParams] = useState(initial);
  const [compare, setCompare] = useState<PatternId | null>(initialCompare);
  const [killConsumer, setKillConsumer] = useState(initial.killConsumerAfterSeconds !== undefined);
  const [killAfter, setKillAfter] = useState(initial.killConsumerAfterSeconds ?? DEFAULT_KILL_AFTER_SECONDS);
  const killing = params.pattern === 'write-behind' && killConsumer;
  const sent: WorkloadParams = { ...params, killConsumerAfterSeconds: killing ? killAfter : undefined };
  const problem = workloadProblem(params) ?? (killing ? killConsumerProblem(killAfter, params.seconds) : null);
  const id = useId();
  return (
    <form
      aria-label="Workload"
      className="grid grid-cols-1 gap-3 text-sm min-[420px]:grid-cols-2 lg:grid-cols-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem) onRun(sent, compare);
      }}
    >
      <div>
        <label htmlFor={`${id}-pattern`}>Pattern</label>
        <select
          id={`${id}-pattern`}
          value={params.pattern}
          onChange={(event) => setParams({ ...params, pattern: event.target.value as PatternId })}
          className={fieldClass}
        >
          {PATTERN_IDS.map((pattern) => (
            <option key={pattern} value={pattern}>
              {PATTERN_TITLES[pattern]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-compare`}>Compare with</label>
        <select
          id={`${id}-compare`}
          value={compare ?? ''}
          onChange={(event) => setCompare(event.target.value === '' ? null : (event.target.value as PatternId))}
          className={fieldClass}
        >
          <option value="">Nothing (one run)</option>
          {PATTERN_IDS.filter((pattern) => pattern !== params.pattern).map((pattern) => (
            <option key={pattern} value={pattern}>
              {PATTERN_TITLES[pattern]}
            </option>
          ))}
        </select>
      </div>
      {WORKLOAD_FIELDS.map((field) => (
        <div key={field.name}>
          <label htmlFor={`${id}-${field.name}`}>
            {field.label}
            {field.unit && <span className="text-muted"> ({field.unit})</span>}
          </label>
          <input
            id={`${id}-${field.name}`}
            type="number"
            min={field.min}
            max={field.max}
            step={field.step}
            value={Number.isNaN(params[field.name]) ? '' : params[field.name]}
            onChange={(event) => setParams({ ...params, [field.name]: event.target.valueAsNumber })}
            aria-describedby={`${id}-${field.name}-help`}
            className={fieldClass}
          />
          <p id={`${id}-${field.name}-help`} className="mt-0.5 text-xs text-muted">
            {field.min}–{field.max}. {field.help}
          </p>
        </div>
      ))}
      <label className="flex items-center gap-2 self-center">
        <input
          type="checkbox"
          checked={params.jitter}
          onChange={(event) => setParams({ ...params, jitter: event.target.checked })}
        />
        TTL jitter (spread expiries)
      </label>
      {params.pattern === 'write-behind' && (
        <fieldset className="min-[420px]:col-span-2">
          <legend className="sr-only">Write-behind consumer</legend>
          <div className="flex flex-wrap items-center gap-2">
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={killConsumer}
                onChange={(event) => setKillConsumer(event.target.checked)}
              />
              Kill the consumer after
            </label>
            <label htmlFor={`${id}-kill-after`} className="sr-only">
              Seconds before the consumer is killed
            </label>
            <input
              id={`${id}-kill-after`}
              type="number"
              min={1}
              max={params.seconds - 1}
              step={1}
              disabled={!killConsumer}
              value={Number.isNaN(killAfter) ? '' : killAfter}
              onChange={(event) => setKillAfter(event.target.valueAsNumber)}
              aria-describedby={`${id}-kill-after-help`}
              className={`${fieldClass} mt-0 w-20`}
            />
            <span>s</span>
          </div>
          <p id={`${id}-kill-after-help`} className="mt-0.5 text-xs text-muted">
            The writes queued in the stream but not yet flushed to the database are lost when the consumer dies: the
            queue lag climbs and the summary counts them as lost writes.
          </p>
        </fieldset>
      )}
      <div className="flex flex-col justify-end gap-1 min-[420px]:col-span-2 lg:col-span-4">
        {problem && (
          <p role="alert" className="text-danger-text">
            {problem}
          </p>
        )}
        <Button type="submit" size="sm" disabled={busy || problem !== null} className="self-start">
          {busy
            ? 'Running…'
            : compare
              ? `Run ${PATTERN_TITLES[params.pattern]} and ${PATTERN_TITLES[compare]}`
              : 'Run the workload'}
        </Button>
      </div>
    </form>
  );
}
