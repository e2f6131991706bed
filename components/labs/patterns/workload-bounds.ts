/**
 * The workload form's fields and their bounds, as the runs API enforces them (issue 14: at most
 * 30 seconds and 100 concurrent clients; the server refuses more with a 400 whatever the form says).
 */
import { RUN_LIMITS, type PatternId } from './patterns-api';

export interface NumberField {
  name: 'seconds' | 'concurrency' | 'zipf' | 'readShare' | 'ttlSeconds' | 'valueBytes';
  label: string;
  min: number;
  max: number;
  step: number;
  unit: string;
  help: string;
}

export const WORKLOAD_FIELDS: readonly NumberField[] = [
  { name: 'seconds', label: 'Seconds', ...RUN_LIMITS.seconds, step: 1, unit: 's', help: 'How long the load runs.' },
  {
    name: 'concurrency',
    label: 'Concurrency',
    ...RUN_LIMITS.concurrency,
    step: 1,
    unit: 'clients',
    help: 'Clients reading and writing at once.',
  },
  {
    name: 'zipf',
    label: 'Zipf skew',
    ...RUN_LIMITS.zipf,
    step: 0.1,
    unit: '',
    help: '0 spreads reads evenly; 1.1 sends most of them to a few hot products.',
  },
  {
    name: 'readShare',
    label: 'Read share',
    ...RUN_LIMITS.readShare,
    step: 0.05,
    unit: '',
    help: '0.95 means 95 reads for every 5 writes.',
  },
  {
    name: 'ttlSeconds',
    label: 'TTL',
    ...RUN_LIMITS.ttlSeconds,
    step: 1,
    unit: 's',
    help: 'How long a cached product page lives.',
  },
  {
    name: 'valueBytes',
    label: 'Value size',
    ...RUN_LIMITS.valueBytes,
    step: 64,
    unit: 'bytes',
    help: 'Padding added to each cached value.',
  },
];

export const PATTERN_TITLES: Record<PatternId, string> = {
  none: 'No cache',
  'cache-aside': 'Cache-aside',
  'read-through': 'Read-through',
  'write-through': 'Write-through',
  'write-behind': 'Write-behind',
  'refresh-ahead': 'Refresh-ahead',
};

/** The first field out of bounds, as a sentence; null when the workload can be sent. */
export function workloadProblem(values: Record<NumberField['name'], number>): string | null {
  for (const field of WORKLOAD_FIELDS) {
    const value = values[field.name];
    if (!Number.isFinite(value) || value < field.min || value > field.max)
      return `${field.label} must be between ${field.min} and ${field.max}${field.unit ? ` ${field.unit}` : ''}.`;
  }
  return null;
}

/** Write-behind's "kill the consumer after N s": a few seconds in, so a queue has built up by then. */
export const DEFAULT_KILL_AFTER_SECONDS = 3;

/** The kill must come during the run (the server refuses it otherwise, with a 400). */
export function killConsumerProblem(afterSeconds: number, runSeconds: number): string | null {
  if (!Number.isInteger(afterSeconds) || afterSeconds < 1 || afterSeconds >= runSeconds)
    return runSeconds > 1
      ? `Kill the consumer after a whole number of seconds from 1 to ${runSeconds - 1} (less than the run).`
      : 'Killing the consumer needs a run of at least 2 seconds.';
  return null;
}

/** A workload for one pattern of a comparison: only write-behind has a consumer to kill. */
export function workloadFor<T extends { pattern: PatternId; killConsumerAfterSeconds?: number }>(
  workload: T,
  pattern: PatternId,
): T {
  const { killConsumerAfterSeconds, ...rest } = workload;
  return pattern === 'write-behind' && killConsumerAfterSeconds !== undefined
    ? ({ ...rest, pattern, killConsumerAfterSeconds } as T)
    : ({ ...rest, pattern } as T);
}
