/**
 * The pipelining experiment: the same N writes and N reads sent four ways (pipelining-types.ts) on
 * the lab's cache server, under the learner's own key prefix, through a latency proxy when the
 * learner adds network latency. Each mode starts from no keys, writes N keys, reads them back and
 * checks every value; the keys are deleted when it ends, whatever happens.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import { AppError } from '@/lib/errors';
import type { LabServer } from '../lab-server';
import { startLatencyProxy, type LatencyProxy } from './latency-proxy';
import {
  PIPELINING_BATCH_SIZE,
  PIPELINING_MODES,
  pipeliningProblem,
  type PipeliningMode,
  type PipeliningModeResult,
  type PipeliningRequest,
  type PipeliningResult,
} from './pipelining-types';

export {
  PIPELINING_LIMITS,
  PIPELINING_MODES,
  pipeliningProblem,
  type PipeliningRequest,
  type PipeliningResult,
} from './pipelining-types';

export interface PipeliningOptions extends PipeliningRequest {
  /** Where the run's keys live on the shared cache server: unique per run. */
  keyPrefix: string;
}

/** A fresh prefix for one run's keys on the shared cache server. */
export const pipeliningKeyPrefix = (learnerId: string) => `pipelining:${learnerId}:${randomBytes(4).toString('hex')}:`;

/** UNLINK takes this many keys per call when the run cleans up. */
const DELETE_CHUNK = 1_000;

const round2 = (value: number) => Math.round(value * 100) / 100;

const keyOf = (index: number) => `key:${index}`;
const valueOf = (index: number) => `value:${index}:`.padEnd(32, '.');

interface Phase {
  roundTrips: number;
  commands: number;
}

/** Writes N keys in `mode`; answers how many exchanges and commands that took. */
async function write(connection: Redis, mode: PipeliningMode, n: number): Promise<Phase> {
  const indexes = Array.from({ length: n }, (_, index) => index);
  switch (mode) {
    case 'one-by-one':
      for (const index of indexes) await connection.set(keyOf(index), valueOf(index));
      return { roundTrips: n, commands: n };
    case 'pipeline':
      await execAll(connection.pipeline(indexes.map((index) => ['set', keyOf(index), valueOf(index)])));
      return { roundTrips: 1, commands: n };
    case 'batches': {
      let roundTrips = 0;
      for (let start = 0; start < n; start += PIPELINING_BATCH_SIZE) {
        const batch = indexes.slice(start, start + PIPELINING_BATCH_SIZE);
        await execAll(connection.pipeline(batch.map((index) => ['set', keyOf(index), valueOf(index)])));
        roundTrips += 1;
      }
      return { roundTrips, commands: n };
    }
    case 'mset-mget':
      await connection.mset(indexes.flatMap((index) => [keyOf(index), valueOf(index)]));
      return { roundTrips: 1, commands: 1 };
  }
}

/** Reads the N keys back in `mode`; answers the values with the exchanges and commands. */
async function read(connection: Redis, mode: PipeliningMode, n: number): Promise<Phase & { values: unknown[] }> {
  const keys = Array.from({ length: n }, (_, index) => keyOf(index));
  switch (mode) {
    case 'one-by-one': {
      const values: unknown[] = [];
      for (const key of keys) values.push(await connection.get(key));
      return { values, roundTrips: n, commands: n };
    }
    case 'pipeline':
      return {
        values: await execAll(connection.pipeline(keys.map((key) => ['get', key]))),
        roundTrips: 1,
        commands: n,
      };
    case 'batches': {
      const values: unknown[] = [];
      let roundTrips = 0;
      for (let start = 0; start < n; start += PIPELINING_BATCH_SIZE) {
        const batch = keys.slice(start, start + PIPELINING_BATCH_SIZE);
        values.push(...(await execAll(connection.pipeline(batch.map((key) => ['get', key])))));
        roundTrips += 1;
      }
      return { values, roundTrips, commands: n };
    }
    case 'mset-mget':
      return { values: await connection.mget(keys), roundTrips: 1, commands: 1 };
  }
}

/** A pipeline's replies; its first failed command's error is thrown (a pipeline reports errors per command). */
async function execAll(pipeline: ReturnType<Redis['pipeline']>): Promise<unknown[]> {
  const replies = (await pipeline.exec()) ?? [];
  return replies.map(([error, reply]) => {
    if (error) throw error;
    return reply;
  });
}

async function deleteKeys(admin: Redis, keyPrefix: string, n: number): Promise<void> {
  for (let start = 0; start < n; start += DELETE_CHUNK) {
    const keys = Array.from({ length: Math.min(DELETE_CHUNK, n - start) }, (_, i) => keyPrefix + keyOf(start + i));
    await admin.unlink(...keys);
  }
}

async function measure(connection: Redis, mode: PipeliningMode, n: number): Promise<PipeliningModeResult> {
  const started = performance.now();
  const written = await write(connection, mode, n);
  const wroteAt = performance.now();
  const { values, ...reading } = await read(connection, mode, n);
  const ended = performance.now();
  const wallMs = ended - started;
  return {
    mode,
    wallMs: round2(wallMs),
    writeMs: round2(wroteAt - started),
    readMs: round2(ended - wroteAt),
    roundTrips: written.roundTrips + reading.roundTrips,
    commands: written.commands + reading.commands,
    operationsPerSecond: Math.round((2 * n) / (Math.max(wallMs, 0.01) / 1000)),
    wrongReads: values.filter((value, index) => value !== valueOf(index)).length,
  };
}

/** Runs every mode in turn on `server` (the lab's cache server); deletes the run's keys when done. */
export async function runPipeliningExperiment(
  server: Pick<LabServer, 'admin' | 'port' | 'connect'>,
  options: PipeliningOptions,
): Promise<PipeliningResult> {
  const problem = pipeliningProblem(options);
  if (problem) throw new AppError('bad_request', problem);
  const started = Date.now();
  const n = options.commands;
  let proxy: LatencyProxy | null = null;
  let connection: Redis | null = null;
  try {
    proxy = options.latencyMs > 0 ? await startLatencyProxy(server.port, options.latencyMs) : null;
    connection = server.connect(`pipelining-${options.keyPrefix}`, {
      keyPrefix: options.keyPrefix,
      ...(proxy ? { viaPort: proxy.port } : {}),
    });
    // The handshake (AUTH, CLIENT SETNAME) happens here, outside every measurement.
    await connection.ping();
    const modes: PipeliningModeResult[] = [];
    for (const mode of PIPELINING_MODES) {
      await deleteKeys(server.admin, options.keyPrefix, n);
      modes.push(await measure(connection, mode, n));
    }
    const wallOf = (mode: PipeliningMode) => modes.find((each) => each.mode === mode)?.wallMs ?? 0;
    return {
      commands: n,
      latencyMs: options.latencyMs,
      measuredLatencyMs: round2(proxy?.measuredDelayMs() ?? 0),
      modes,
      pipelineSpeedup: round2(wallOf('one-by-one') / Math.max(wallOf('pipeline'), 0.01)),
      durationMs: Date.now() - started,
    };
  } finally {
    connection?.disconnect();
    await proxy?.close();
    await deleteKeys(server.admin, options.keyPrefix, n).catch(() => undefined);
  }
}
