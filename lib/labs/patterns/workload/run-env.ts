/**
 * What one run gives its pattern: its own connection to the cache server (every key under the run's
 * prefix, every command sampled into the trace), the origin counted for this run alone (and the
 * newest version it has seen of each product, to tell stale reads), and the value encoding.
 */
import type Redis from 'ioredis';
import type { Command } from 'ioredis';
import type { TraceEntry } from '../api-types';
import type { LabServer } from '../lab-server';
import type { Origin, ProductPage } from '../origin/origin';
import type { PatternEnv } from '../patterns/pattern';

const TRACE_LENGTH = 50;
const TRACE_ARGUMENT_CHARS = 40;

/** The last TRACE_LENGTH commands, kept raw and formatted only when asked for. */
export class CommandTrace {
  private readonly entries: { t: number; name: string; args: unknown[] }[] = [];
  private next = 0;

  constructor(
    private readonly startedAt: number,
    private readonly keyPrefix: string,
  ) {}

  add(name: string, args: unknown[]): void {
    const entry = { t: Date.now() - this.startedAt, name, args };
    if (this.entries.length < TRACE_LENGTH) this.entries.push(entry);
    else this.entries[this.next] = entry;
    this.next = (this.next + 1) % TRACE_LENGTH;
  }

  list(): TraceEntry[] {
    const ordered = [...this.entries.slice(this.next), ...this.entries.slice(0, this.next)];
    return ordered.map(({ t, name, args }) => ({
      t,
      command: [name.toUpperCase(), ...args.map((arg) => this.show(arg))].join(' '),
    }));
  }

  private show(arg: unknown): string {
    let text = Buffer.isBuffer(arg) ? arg.toString() : String(arg);
    if (text.startsWith(this.keyPrefix)) text = text.slice(this.keyPrefix.length);
    return text.length > TRACE_ARGUMENT_CHARS ? `${text.slice(0, TRACE_ARGUMENT_CHARS)}…` : text;
  }
}

/** Opens a connection whose keys all carry `keyPrefix`, with every command it sends added to `trace`. */
export function tracedConnection(server: LabServer, name: string, keyPrefix: string, trace: CommandTrace): Redis {
  const client = server.connect(name, { keyPrefix });
  const send = client.sendCommand.bind(client);
  client.sendCommand = ((command: Command, stream?: unknown) => {
    trace.add(command.name, command.args);
    return (send as (command: Command, stream?: unknown) => unknown)(command, stream);
  }) as typeof client.sendCommand;
  return client;
}

/** The origin as one run sees it: its own query count, and the newest version it was told of each product. */
export interface RunOrigin extends Origin {
  newestVersion(id: number): number;
}

export function runOrigin(origin: Origin): RunOrigin {
  let queries = 0;
  const newest = new Map<number, number>();
  const seen = (page: ProductPage) => {
    if (page.version > (newest.get(page.id) ?? 0)) newest.set(page.id, page.version);
    return page;
  };
  return {
    productCount: origin.productCount,
    seedMs: origin.seedMs,
    queryCount: () => queries,
    newestVersion: (id) => newest.get(id) ?? 0,
    async readProductPage(id) {
      queries++;
      return seen(await origin.readProductPage(id));
    },
    async writeProduct(id, patch) {
      queries++;
      return seen(await origin.writeProduct(id, patch));
    },
    // The process's origin outlives every run.
    close: async () => undefined,
  };
}

export interface ValueShape {
  ttlSeconds: number;
  jitter: boolean;
  valueBytes: number;
}

/** The TTL, encoding and decoding a run's pattern uses. */
export function valueCoding(shape: ValueShape): Pick<PatternEnv, 'ttlSeconds' | 'encode' | 'decode'> {
  return {
    // ±10 %: keys cached in the same second then expire over a spread of seconds, not all at once.
    ttlSeconds: () =>
      shape.jitter ? Math.max(1, Math.round(shape.ttlSeconds * (0.9 + Math.random() * 0.2))) : shape.ttlSeconds,
    encode(page) {
      const bare = JSON.stringify(page);
      const padding = shape.valueBytes - bare.length - 12; // 12: the `,"padding":""` around it
      return padding > 0 ? JSON.stringify({ ...page, padding: 'x'.repeat(padding) }) : bare;
    },
    decode(value) {
      const { id, name, price, version, reviewCount, averageRating } = JSON.parse(value) as ProductPage;
      return { id, name, price, version, reviewCount, averageRating };
    },
  };
}
