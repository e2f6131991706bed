/**
 * Figures for `npm run bench:sandbox`: latency percentiles, the sandbox/bare comparison against
 * its targets, and the printed table. Pure functions, no I/O.
 */

export const TARGETS = {
  /** Sandbox throughput must be at least this share of the bare route's. */
  minThroughputRatio: 0.6,
  /** Sandbox p99 latency must be at most this multiple of the bare route's. */
  maxP99Ratio: 1.5,
  /** A run with a larger share of errors (or refusals) measures something else: it is invalid. */
  maxErrorRate: 0.01,
} as const;

export type RouteName = 'sandbox' | 'bare';

export interface CpuFigures {
  /** CPU time over the measured window, in ms, and as a share of one core (1 = one full core). */
  ms: number;
  cores: number;
}

export interface PhaseResult {
  learners: number;
  route: RouteName;
  /** Responses completed inside the measured window (after the warm-up). */
  requests: number;
  ok: number;
  /** Non-200 answers other than 429, ok:false answers that are not refusals, transport failures. */
  errors: number;
  /** 429 (rate limited) and ok:false answers in which the sandbox says no. */
  refusals: number;
  warmupRequests: number;
  seconds: number;
  throughput: number;
  latencyMs: LatencySummary;
  /** Learners that received (and then sent) a `keyspace_learner` cookie; sandbox route only. */
  learnersWithCookie: number;
  /** Distinct error descriptions with their counts, the first few only. */
  errorSamples: Record<string, number>;
  /** Answers completed in each second since the phase began, warm-up included. */
  perSecond: number[];
  generatorCpu: CpuFigures;
  /**
   * The app's processes over the same window, where /proc allows (Linux), and `others`: the rest
   * of the machine's busy time, i.e. whatever else competed for the CPUs.
   */
  appCpu: Record<string, CpuFigures> | null;
}

export interface LatencySummary {
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface Comparison {
  learners: number;
  throughputRatio: number;
  p99Ratio: number;
  /**
   * Sandbox/bare app CPU per request (Next.js + both Valkey servers). Informational: on a busy
   * machine it is steadier than throughput, and on an idle one throughput follows its inverse.
   */
  appCpuPerRequestRatio: number | null;
  throughputPass: boolean;
  p99Pass: boolean;
  pass: boolean;
}

/** Nearest-rank percentile of ascending values (p in 0..1); 0 for no values. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1] as number;
}

/** Summarises the first `count` latencies (ms); leaves the buffer as it was. */
export function summarize(latencies: Float64Array, count: number): LatencySummary {
  const sorted = latencies.slice(0, count).sort();
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i] as number;
  return {
    mean: count ? sum / count : 0,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    max: count ? (sorted[count - 1] as number) : 0,
  };
}

/** The app's CPU (Next.js and both Valkey servers, not other processes) per request, in ms. */
export function appCpuPerRequestMs(phase: PhaseResult): number | null {
  if (!phase.appCpu || phase.requests === 0) return null;
  let ms = 0;
  for (const [role, figures] of Object.entries(phase.appCpu)) if (role !== 'others') ms += figures.ms;
  return ms / phase.requests;
}

export function compare(sandbox: PhaseResult, bare: PhaseResult): Comparison {
  const sandboxCpu = appCpuPerRequestMs(sandbox);
  const bareCpu = appCpuPerRequestMs(bare);
  const throughputRatio = bare.throughput > 0 ? sandbox.throughput / bare.throughput : 0;
  const p99Ratio = bare.latencyMs.p99 > 0 ? sandbox.latencyMs.p99 / bare.latencyMs.p99 : Number.POSITIVE_INFINITY;
  const throughputPass = throughputRatio >= TARGETS.minThroughputRatio;
  const p99Pass = p99Ratio <= TARGETS.maxP99Ratio;
  const appCpuPerRequestRatio = sandboxCpu !== null && bareCpu ? sandboxCpu / bareCpu : null;
  return {
    learners: sandbox.learners,
    throughputRatio,
    p99Ratio,
    appCpuPerRequestRatio,
    throughputPass,
    p99Pass,
    pass: throughputPass && p99Pass,
  };
}

/** Why a phase's figures cannot be trusted, or null when they can. */
export function invalidReason(phase: PhaseResult): string | null {
  const label = `${phase.route} route, ${phase.learners} learners`;
  if (phase.requests === 0) return `${label}: no request completed in the measured window`;
  const errorRate = phase.errors / phase.requests;
  if (errorRate > TARGETS.maxErrorRate)
    return `${label}: ${(errorRate * 100).toFixed(2)} % of requests failed (limit ${TARGETS.maxErrorRate * 100} %)`;
  // The command mix holds nothing the sandbox should refuse: refusals mean limits were not lifted,
  // and cheap 429s would inflate the throughput.
  const refusalRate = phase.refusals / phase.requests;
  if (refusalRate > TARGETS.maxErrorRate)
    return `${label}: ${(refusalRate * 100).toFixed(2)} % of requests were refused (limit ${TARGETS.maxErrorRate * 100} %)`;
  if (phase.route === 'sandbox' && phase.learnersWithCookie < phase.learners) {
    return `${label}: only ${phase.learnersWithCookie} learners got a keyspace_learner cookie`;
  }
  return null;
}

function pad(values: string[], widths: number[], rightAlign: boolean[]): string {
  return values
    .map((value, i) => (rightAlign[i] ? value.padStart(widths[i] ?? 0) : value.padEnd(widths[i] ?? 0)))
    .join('  ');
}

const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);
const pct = (cores: number) => `${Math.round(cores * 100)} %`;

/** The results table, then one verdict line per number of learners. */
export function formatReport(phases: PhaseResult[], comparisons: Comparison[]): string {
  const appRoles = [...new Set(phases.flatMap((phase) => Object.keys(phase.appCpu ?? {})))];
  const header = [
    'N',
    'route',
    'requests',
    'req/s',
    'p50 ms',
    'p99 ms',
    'max ms',
    'errors',
    'refused',
    'gen CPU',
    ...appRoles.map((role) => `${role} CPU`),
    'app CPU ms/req',
  ];
  const rows = phases.map((phase) => [
    String(phase.learners),
    phase.route,
    String(phase.requests),
    phase.throughput.toFixed(0),
    ms(phase.latencyMs.p50),
    ms(phase.latencyMs.p99),
    ms(phase.latencyMs.max),
    String(phase.errors),
    String(phase.refusals),
    pct(phase.generatorCpu.cores),
    ...appRoles.map((role) => (phase.appCpu?.[role] ? pct(phase.appCpu[role].cores) : '-')),
    appCpuPerRequestMs(phase)?.toFixed(2) ?? '-',
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const right = header.map((_, i) => i !== 1);
  const lines = [
    pad(header, widths, right),
    widths.map((width) => '─'.repeat(width)).join('  '),
    ...rows.map((row) => pad(row, widths, right)),
  ];
  lines.push('');
  lines.push(
    `Targets: sandbox throughput ≥ ${TARGETS.minThroughputRatio * 100} % of bare, sandbox p99 ≤ ${TARGETS.maxP99Ratio}× bare.`,
  );
  lines.push(
    'CPU columns: share of one core over the measured window; "others" is every other process on the machine (noise).',
  );
  for (const c of comparisons) {
    lines.push(
      `N=${c.learners}: throughput ${(c.throughputRatio * 100).toFixed(1)} % of bare ${c.throughputPass ? 'PASS' : 'FAIL'}; ` +
        `p99 ${c.p99Ratio.toFixed(2)}× bare ${c.p99Pass ? 'PASS' : 'FAIL'}  →  ${c.pass ? 'PASS' : 'FAIL'}` +
        (c.appCpuPerRequestRatio !== null
          ? `  (app CPU per request: ${c.appCpuPerRequestRatio.toFixed(2)}× bare)`
          : ''),
    );
  }
  return lines.join('\n');
}
