/**
 * The pipelining experiment's API shapes (docs/api.md), shared by the route, the browser and the
 * experiment. Types, constants and one pure check only: the browser imports this file.
 */

/** How the same N writes and N reads are sent: one round trip per command, one pipeline, pipelines of 100, or MSET/MGET. */
export const PIPELINING_MODES = ['one-by-one', 'pipeline', 'batches', 'mset-mget'] as const;
export type PipeliningMode = (typeof PIPELINING_MODES)[number];

/** Commands per pipeline in the `batches` mode. */
export const PIPELINING_BATCH_SIZE = 100;

/**
 * A request's bounds (400 beyond them). One command per round trip pays the added latency 2 × N
 * times, so N × latency is capped too: the whole experiment stays within a few seconds.
 */
export const PIPELINING_LIMITS = {
  minCommands: 100,
  maxCommands: 10_000,
  minLatencyMs: 0,
  maxLatencyMs: 5,
  /** commands × latencyMs at most: 400 commands at 5 ms, 2,000 at 1 ms, any number on loopback. */
  maxCommandMilliseconds: 2_000,
} as const;

/** What is wrong with a request, in a sentence, or null: the experiment refuses it (400), the form says it first. */
export function pipeliningProblem({ commands, latencyMs }: PipeliningRequest): string | null {
  const { minCommands, maxCommands, minLatencyMs, maxLatencyMs, maxCommandMilliseconds } = PIPELINING_LIMITS;
  if (!Number.isInteger(commands) || commands < minCommands || commands > maxCommands)
    return `commands must be a whole number from ${minCommands} to ${maxCommands} (asked for ${commands}).`;
  if (!Number.isInteger(latencyMs) || latencyMs < minLatencyMs || latencyMs > maxLatencyMs)
    return `latencyMs must be a whole number from ${minLatencyMs} to ${maxLatencyMs} (asked for ${latencyMs}).`;
  if (commands * latencyMs > maxCommandMilliseconds)
    return (
      `commands × latencyMs must be at most ${maxCommandMilliseconds} (asked for ${commands} × ${latencyMs}): ` +
      `one command per round trip would wait too long. At ${latencyMs} ms use at most ` +
      `${Math.floor(maxCommandMilliseconds / latencyMs)} commands.`
    );
  return null;
}

/** POST /api/labs/patterns/pipelining */
export interface PipeliningRequest {
  /** N: the experiment writes N keys, then reads them back, in every mode (100–10,000). */
  commands: number;
  /** Milliseconds added to every round trip (0–5, whole): 0 is loopback. */
  latencyMs: number;
}

/** One mode's measurement: N writes, then N reads. */
export interface PipeliningModeResult {
  mode: PipeliningMode;
  /** Wall time of the writes and the reads together, in milliseconds. */
  wallMs: number;
  writeMs: number;
  readMs: number;
  /** Request/reply exchanges the client waited for: 2 × N one by one, 2 in one pipeline, 2 with MSET/MGET. */
  roundTrips: number;
  /** Commands sent: 2 × N, except 2 with MSET/MGET (each carries N keys). */
  commands: number;
  /** Keys written and read per second (2 × N over the wall time): comparable across modes. */
  operationsPerSecond: number;
  /** Reads that did not answer the value just written (none expected). */
  wrongReads: number;
}

/** The answer to a pipelining request, also its recorded result. */
export interface PipeliningResult {
  commands: number;
  latencyMs: number;
  /** The mean delay the proxy really added to each request (timers fire a little late); 0 on loopback. */
  measuredLatencyMs: number;
  /** In PIPELINING_MODES order. */
  modes: PipeliningModeResult[];
  /** One by one's wall time over the single pipeline's: how many times faster the pipeline was. */
  pipelineSpeedup: number;
  durationMs: number;
}
