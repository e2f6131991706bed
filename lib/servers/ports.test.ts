import { describe, expect, it } from 'vitest';
import {
  allPorts,
  BASE_PORTS,
  CLUSTER_BUS_OFFSET,
  LAB_PORT_RANGES,
  labPortRange,
  PATTERNS_LAB_PORTS,
  portsOf,
} from './ports';

const withOffset = (offset: number) => ({ KEYSPACE_PORT_OFFSET: String(offset) });

describe('the port table', () => {
  it('shifts every port of every profile by KEYSPACE_PORT_OFFSET', () => {
    const base = allPorts(withOffset(0));
    const labPorts = Object.values(LAB_PORT_RANGES).reduce((sum, range) => sum + 2 * range.count, 0);
    expect(base.length).toBe(
      Object.values(BASE_PORTS).reduce((sum, ports) => sum + Object.keys(ports).length, 0) +
        labPorts +
        2 * Object.keys(PATTERNS_LAB_PORTS).length,
    );
    expect(allPorts(withOffset(400))).toEqual(base.map((entry) => ({ ...entry, port: entry.port + 400 })));
    expect(portsOf('e2e', withOffset(100))).toEqual({
      http: 3121,
      sandbox: 7521,
      app: 7522,
      redis: 7525,
      memcached: 7526,
    });
  });

  it('gives no two ports the same number, in one checkout or across offsets 100 apart', () => {
    const offsets = [0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000];
    const seen = new Map<number, string>();
    for (const offset of offsets) {
      for (const { profile, name, port } of allPorts(withOffset(offset))) {
        const owner = `${profile}.${name}+${offset}`;
        expect(seen.get(port), `${owner} reuses port ${port}`).toBeUndefined();
        seen.set(port, owner);
      }
    }
  });

  it("includes every lab port and its cluster bus port, so the check above covers the labs' ranges", () => {
    const ports = new Set(allPorts(withOffset(700)).map((entry) => entry.port));
    const { first, count } = labPortRange('test', withOffset(700));
    expect(first).toBe(LAB_PORT_RANGES.test.first + 700);
    for (let port = first; port < first + count; port++) {
      expect(ports.has(port)).toBe(true);
      expect(ports.has(port + CLUSTER_BUS_OFFSET)).toBe(true);
    }
  });

  it('refuses an offset that is not a whole number from 0 to 1000', () => {
    expect(() => portsOf('local', withOffset(1001))).toThrow(
      /KEYSPACE_PORT_OFFSET must be an integer from 0 to 1000, got "1001"/,
    );
    expect(() => portsOf('local', { KEYSPACE_PORT_OFFSET: 'ten' })).toThrow(/KEYSPACE_PORT_OFFSET/);
  });
});
