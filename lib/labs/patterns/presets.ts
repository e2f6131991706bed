/**
 * The patterns lab's presets: what a lesson's <PatternsLab preset="…" /> opens with, as data. Short
 * runs (a few seconds) so a lesson's experiment answers while the learner reads on; the learner can
 * change every value before running. Pure data and types: the browser imports it.
 */
import type { EvictionPolicy, PatternId, RunParams as WorkloadParams, StampedeStrategy } from './api-types';
import type { PipeliningRequest } from './pipelining/pipelining-types';

export type PatternsPreset =
  | {
      experiment: 'workload';
      title: string;
      workload: WorkloadParams;
      /** A second pattern to run the same workload with, side by side. */
      compareWith?: PatternId;
    }
  | { experiment: 'stampede'; title: string; readers: number; strategies: StampedeStrategy[]; beta: number }
  | { experiment: 'eviction'; title: string; policies: EvictionPolicy[] }
  | {
      experiment: 'pipelining';
      title: string;
      /** N writes and N reads, sent four ways. */
      commands: PipeliningRequest['commands'];
      /** The added round-trip latency; "Compare" also runs the same N on loopback. */
      latencyMs: PipeliningRequest['latencyMs'];
    };

const baseWorkload: WorkloadParams = {
  pattern: 'cache-aside',
  seconds: 5,
  concurrency: 20,
  zipf: 1.1,
  readShare: 0.95,
  ttlSeconds: 60,
  jitter: true,
  valueBytes: 512,
};

export const PATTERNS_PRESETS = {
  'cache-aside-vs-none': {
    experiment: 'workload',
    title: 'Cache-aside against no cache',
    workload: baseWorkload,
    compareWith: 'none',
  },
  'cache-aside-hot-keys': {
    experiment: 'workload',
    title: 'Cache-aside with hot keys (Zipf 1.1)',
    workload: baseWorkload,
  },
  'write-through-vs-behind': {
    experiment: 'workload',
    title: 'Write-through against write-behind',
    workload: { ...baseWorkload, pattern: 'write-through', readShare: 0.7 },
    compareWith: 'write-behind',
  },
  'stampede-lock': {
    experiment: 'stampede',
    title: 'A stampede, without and with a lock',
    readers: 200,
    strategies: ['none', 'lock'],
    beta: 1,
  },
  'stampede-strategies': {
    experiment: 'stampede',
    title: 'Every stampede strategy',
    readers: 200,
    strategies: ['none', 'lock', 'early', 'stale'],
    beta: 1,
  },
  'eviction-policies': {
    experiment: 'eviction',
    title: 'Eviction policies compared',
    policies: ['noeviction', 'volatile-lru', 'allkeys-lru', 'allkeys-lfu', 'volatile-ttl', 'allkeys-random'],
  },
  pipelining: {
    experiment: 'pipelining',
    title: 'One round trip per command against a pipeline',
    commands: 500,
    latencyMs: 2,
  },
} as const satisfies Record<string, PatternsPreset>;

export type PatternsPresetId = keyof typeof PATTERNS_PRESETS;

export const PATTERNS_PRESET_IDS = Object.keys(PATTERNS_PRESETS) as PatternsPresetId[];

export const isPatternsPreset = (id: string): id is PatternsPresetId => Object.hasOwn(PATTERNS_PRESETS, id);

/** The page's starting values when no preset is named. */
export const DEFAULT_WORKLOAD = baseWorkload;
