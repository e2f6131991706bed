/**
 * `npm run bench:patterns`: what the caching-patterns lab costs on this machine. Seeds the default
 * catalogue (10,000 products, 200,000 reviews) into a fresh in-memory PGlite and times it, then runs
 * the same workload through no cache and through cache-aside (`--seconds`, 10 by default, at
 * `--concurrency`, 20 by default) and prints each run's throughput, hit ratio, read latency, origin
 * queries and the app's CPU time. The lab's cache server runs on the `bench` port
 * (lib/servers/ports.ts, plus KEYSPACE_PORT_OFFSET) and is stopped before the benchmark exits.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RUN_DEFAULTS, type PatternId } from '../lib/labs/patterns/api-types';
import { startLabServer } from '../lib/labs/patterns/lab-server';
import { openOrigin } from '../lib/labs/patterns/origin/origin';
import { patternsSettings } from '../lib/labs/patterns/settings';
import { startWorkload } from '../lib/labs/patterns/workload/workload';
import { dataRoot } from '../lib/servers/local-stack';
import { patternsLabPorts } from '../lib/servers/ports';
import { onStopRequest } from './setup/lifecycle';

const root = path.resolve(import.meta.dirname, '..');

async function measure(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { seconds: { type: 'string', default: '10' }, concurrency: { type: 'string', default: '20' } },
  });
  const seconds = Math.min(30, Math.max(1, Number(values.seconds)));
  const concurrency = Math.min(100, Math.max(1, Number(values.concurrency)));
  const settings = patternsSettings();
  const server = await startLabServer({
    name: 'cache',
    port: patternsLabPorts('bench').cache,
    maxMemoryBytes: settings.cacheMaxMemoryBytes,
    policy: 'allkeys-lru',
    dataRoot: dataRoot(root),
  });
  onStopRequest(() => void server.stop().then(() => process.exit(130)));
  try {
    let began = performance.now();
    const origin = await openOrigin({
      url: settings.originUrl,
      dataDir: null,
      products: settings.originProducts,
      reviews: settings.originReviews,
      latencyMs: settings.originLatencyMs,
    });
    const openMs = performance.now() - began;
    console.log(
      `origin: ${settings.originUrl ? 'PostgreSQL' : 'PGlite in memory'}, ${settings.originProducts} products, ` +
        `${settings.originReviews} reviews, ${settings.originLatencyMs} ms added per query`,
    );
    console.log(
      `open ${(openMs - (origin.seedMs ?? 0)).toFixed(0)} ms, seed ${(origin.seedMs ?? 0).toFixed(0)} ms ` +
        `(generate_series, one statement per table)\n`,
    );
    console.log(
      `workload: ${seconds} s, ${concurrency} virtual users, Zipf ${RUN_DEFAULTS.zipf}, ` +
        `${RUN_DEFAULTS.readShare * 100} % reads, TTL ${RUN_DEFAULTS.ttlSeconds} s, ${RUN_DEFAULTS.valueBytes} B values\n`,
    );
    console.log('pattern        ops/s   hit ratio   p50 ms   p99 ms   origin q/s   app CPU');
    for (const pattern of ['none', 'cache-aside'] as PatternId[]) {
      const cpuBefore = process.cpuUsage();
      began = performance.now();
      const run = startWorkload(
        `bench-${pattern}`,
        { ...RUN_DEFAULTS, pattern, seconds, concurrency },
        { server, origin },
      );
      const { summary } = await run.finished;
      const elapsed = (performance.now() - began) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      if (!summary) throw new Error(`the ${pattern} run failed`);
      const ops = (summary.reads + summary.writes) / seconds;
      const cpuShare = (cpu.user + cpu.system) / 1e6 / elapsed;
      console.log(
        `${pattern.padEnd(12)} ${ops.toFixed(0).padStart(7)}   ${summary.hitRatio.toFixed(3).padStart(9)}   ` +
          `${summary.p50Ms.toFixed(1).padStart(6)}   ${summary.p99Ms.toFixed(1).padStart(6)}   ` +
          `${(summary.originQueries / seconds).toFixed(0).padStart(10)}   ${(cpuShare * 100).toFixed(0).padStart(5)} %`,
      );
    }
    await origin.close();
  } finally {
    await server.stop();
  }
}

export async function main(_command: string, argv: string[]): Promise<void> {
  try {
    await measure(argv);
  } catch (error) {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
