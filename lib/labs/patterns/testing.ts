/**
 * What the patterns tests share: a pattern's environment on the lab's cache server under a key
 * prefix of the test's own, with the origin counted for that test alone.
 */
import type Redis from 'ioredis';
import type { LabServer } from './lab-server';
import type { Origin } from './origin/origin';
import type { PatternEnv } from './patterns/pattern';
import { CommandTrace, runOrigin, tracedConnection, valueCoding, type RunOrigin } from './workload/run-env';

export interface TestPatternEnv extends PatternEnv {
  origin: RunOrigin;
  /** Every connection this environment opened, to disconnect after the test. */
  connections: Redis[];
}

export function testPatternEnv(server: LabServer, origin: Origin, keyPrefix: string, ttlSeconds = 60): TestPatternEnv {
  const trace = new CommandTrace(Date.now(), keyPrefix);
  const connections = [tracedConnection(server, `test-${keyPrefix}`, keyPrefix, trace)];
  return {
    cache: connections[0]!,
    origin: runOrigin(origin),
    ...valueCoding({ ttlSeconds, jitter: false, valueBytes: 256 }),
    openConnection(name) {
      const connection = tracedConnection(server, `test-${keyPrefix}-${name}`, keyPrefix, trace);
      connections.push(connection);
      return connection;
    },
    connections,
  };
}
