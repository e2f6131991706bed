/**
 * Every port Keyspace listens on or reserves, by profile, in one table. KEYSPACE_PORT_OFFSET is
 * added to all of them, so that two checkouts (or two developers on one machine) can run their
 * suites side by side: keep each profile's ports within 7401–7499 and 3000–3099, so that offsets
 * that are multiples of 100 never overlap (lib/servers/ports.test.ts checks it).
 */
import { parseEnv, type EnvSource } from '../config/env';

/** Each named port of each profile, before the offset. */
export const BASE_PORTS = {
  /** `npm start` / `npm run dev` / `npm run valkey`. */
  local: { http: 3000, sandbox: 7401, app: 7402, redis: 7405, memcached: 7406 },
  /**
   * Vitest's shared pair, plus ports that tests use as "nothing listens here". Every profile that
   * runs the app also runs the sandbox's other engines, Redis OSS (`redis`) and Memcached
   * (`memcached`): see lib/sandbox/engines.ts.
   */
  test: { sandbox: 7411, app: 7412, unusedSandbox: 7418, unusedApp: 7419, redis: 7481, memcached: 7482 },
  /** Playwright, through `npm start --profile e2e`. */
  e2e: { http: 3021, sandbox: 7421, app: 7422, redis: 7425, memcached: 7426 },
  /** scripts/start.test.ts, which runs `npm start` itself. */
  'start-test': { http: 3031, sandbox: 7431, app: 7432, redis: 7433, memcached: 7434 },
  /** `npm run bench:sandbox`. */
  bench: { http: 3041, sandbox: 7441, app: 7442, redis: 7445, memcached: 7446 },
  /**
   * lib/servers/local-server.test.ts: one throwaway server per test; lib/servers/engine-servers.test.ts:
   * a throwaway Redis OSS server and Memcached server (one killed with its owner, then reaped).
   */
  'server-test': {
    secured: 7451,
    sandbox: 7452,
    restart: 7453,
    clash: 7454,
    transactions: 7455,
    storeFull: 7456,
    memcached: 7457,
    redis: 7458,
  },
  /** lib/sandbox/parity.test.ts: a plain valkey-server to compare valkey-cli with. */
  parity: { valkey: 7460, redis: 7459 },
  /** lib/valkey/watchdog.test.ts and lib/servers/supervisor.test.ts: servers that hang or die. */
  'fault-test': { hang: 7471, restart: 7472, supervised: 7473 },
  /** `npm run content:check`. */
  content: { sandbox: 7461, app: 7462, redis: 7465, memcached: 7466 },
  /**
   * lib/labs/patterns tests: lab servers whose owner is killed or exits (lab-server.test.ts), a
   * throwaway PostgreSQL for the origin's tests against a real server, and the patterns' own cache
   * server (patterns.test.ts, so that it never waits for the runs' tests on the shared one).
   */
  'patterns-test': { killedOwner: 7415, exitingOwner: 7416, postgres: 7417, semantics: 7410 },
} as const satisfies Record<string, Record<string, number>>;

/**
 * The cluster lab's loopback ports (lib/labs/cluster), by the profile of the app that starts the
 * labs, before the offset. A cluster node also listens on its port + 2,000 for the cluster bus, so
 * each range sits in 27000–27099 (bus 29000–29099): far from every profile's ports and, like them,
 * within one block of 100, so that offsets that are multiples of 100 never overlap.
 */
export const LAB_PORT_RANGES = {
  /** Four labs, the default cap (KEYSPACE_LAB_MAX_LABS). */
  local: { first: 27000, count: 24 },
  /**
   * `npm run content:check`: one lab at a time, each shape in turn. lib/challenges/lab-checks.test.ts
   * uses it too: `npm test` runs the content check before Vitest, never beside it.
   */
  content: { first: 27024, count: 6 },
  /**
   * Playwright's app: three labs, its cap (KEYSPACE_LAB_MAX_LABS in playwright.config.ts). A lab's
   * block is free again once its DELETE answers (the lab stops its nodes before), so no spare block.
   */
  e2e: { first: 27030, count: 18 },
  /** Vitest: each lab test file takes its own slice of this range (lib/labs/cluster/testing.ts). */
  test: { first: 27048, count: 42 },
  /** `npm run bench:labs`: one lab at a time. */
  bench: { first: 27090, count: 6 },
} as const satisfies Record<string, { first: number; count: number }>;

export type LabPortProfile = keyof typeof LAB_PORT_RANGES;

/**
 * How far above a cluster node's port its cluster bus listens (`cluster-port`). Not Valkey's
 * default of +10,000: that would put the bus in Linux's ephemeral range (32768–60999), where any
 * outgoing connection may hold the port. Node ports span 27000–28099 over every offset, buses
 * 29000–30099: apart from each other and from every profile.
 */
export const CLUSTER_BUS_OFFSET = 2_000;

/**
 * The caching-patterns lab's own Valkey servers (lib/labs/patterns), started on demand by the app of
 * each profile: `cache`, the cache in front of the origin database, and `eviction`, the
 * small-`maxmemory` server that the eviction experiment fills. Each sits in its profile's block of
 * BASE_PORTS (so offsets 100 apart never overlap); `test` is for Vitest, whose patterns files share
 * these two servers.
 */
export const PATTERNS_LAB_PORTS = {
  local: { cache: 7403, eviction: 7404 },
  test: { cache: 7413, eviction: 7414 },
  e2e: { cache: 7423, eviction: 7424 },
  content: { cache: 7463, eviction: 7464 },
  bench: { cache: 7443, eviction: 7444 },
} as const satisfies Record<LabPortProfile, { cache: number; eviction: number }>;

/** The patterns lab's two ports for the profile of the app that starts them, with the offset applied. */
export function patternsLabPorts(
  profile: LabPortProfile,
  env: EnvSource = process.env,
): { cache: number; eviction: number } {
  const { cache, eviction } = PATTERNS_LAB_PORTS[profile];
  const offset = portOffset(env);
  return { cache: cache + offset, eviction: eviction + offset };
}

/** A lab profile's port range with the offset applied: its first port and how many there are. */
export function labPortRange(profile: LabPortProfile, env: EnvSource = process.env): { first: number; count: number } {
  const { first, count } = LAB_PORT_RANGES[profile];
  return { first: first + portOffset(env), count };
}

export type PortProfile = keyof typeof BASE_PORTS;

/** KEYSPACE_PORT_OFFSET, validated (an integer from 0 to 1000). */
export function portOffset(env: EnvSource = process.env): number {
  return parseEnv(env).KEYSPACE_PORT_OFFSET;
}

/** A profile's ports with the offset applied. */
export function portsOf<P extends PortProfile>(
  profile: P,
  env: EnvSource = process.env,
): { [K in keyof (typeof BASE_PORTS)[P]]: number } {
  const offset = portOffset(env);
  const base = BASE_PORTS[profile] as Record<string, number>;
  return Object.fromEntries(Object.entries(base).map(([name, port]) => [name, port + offset])) as {
    [K in keyof (typeof BASE_PORTS)[P]]: number;
  };
}

/** Every port of every profile, with the offset applied (for the overlap test and diagnostics). */
export function allPorts(env: EnvSource = process.env): { profile: string; name: string; port: number }[] {
  const profiles = (Object.keys(BASE_PORTS) as PortProfile[]).flatMap((profile) =>
    Object.entries(portsOf(profile, env)).map(([name, port]) => ({ profile, name, port: port as number })),
  );
  const labs = (Object.keys(LAB_PORT_RANGES) as LabPortProfile[]).flatMap((profile) => {
    const { first, count } = labPortRange(profile, env);
    return Array.from({ length: count }, (_, index) => [
      { profile: `lab-${profile}`, name: `node${index}`, port: first + index },
      { profile: `lab-${profile}`, name: `bus${index}`, port: first + index + CLUSTER_BUS_OFFSET },
    ]).flat();
  });
  const patterns = (Object.keys(PATTERNS_LAB_PORTS) as LabPortProfile[]).flatMap((profile) =>
    Object.entries(patternsLabPorts(profile, env)).map(([name, port]) => ({
      profile: `patterns-${profile}`,
      name,
      port,
    })),
  );
  return [...profiles, ...labs, ...patterns];
}
