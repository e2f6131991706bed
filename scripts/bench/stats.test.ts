/** The benchmark's arithmetic and answer classification (no servers). */
import { describe, expect, it } from 'vitest';
import { classify, cookieFrom, OUTCOME_ERROR, OUTCOME_OK, OUTCOME_REFUSED } from './load';
import { compare, invalidReason, percentile, summarize, type PhaseResult } from './stats';

function phase(overrides: Partial<PhaseResult>): PhaseResult {
  return {
    learners: 50,
    route: 'sandbox',
    requests: 1000,
    ok: 1000,
    errors: 0,
    refusals: 0,
    warmupRequests: 100,
    seconds: 10,
    throughput: 100,
    latencyMs: { mean: 1, p50: 1, p90: 2, p99: 4, max: 9 },
    learnersWithCookie: 50,
    errorSamples: {},
    perSecond: [],
    generatorCpu: { ms: 0, cores: 0 },
    appCpu: null,
    ...overrides,
  };
}

describe('bench statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile(sorted, 1)).toBe(100);
    expect(percentile(new Float64Array(0), 0.99)).toBe(0);
  });

  it('summarises only the recorded part of the buffer, numerically sorted', () => {
    const buffer = new Float64Array(10);
    buffer.set([10, 2, 30]);
    expect(summarize(buffer, 3)).toEqual({ mean: 14, p50: 10, p90: 30, p99: 30, max: 30 });
    expect(Array.from(buffer.slice(0, 3))).toEqual([10, 2, 30]);
  });

  it('compares sandbox with bare against the targets', () => {
    const bare = phase({ route: 'bare', throughput: 1000, latencyMs: { mean: 1, p50: 1, p90: 2, p99: 10, max: 20 } });
    expect(
      compare(phase({ throughput: 600, latencyMs: { mean: 1, p50: 1, p90: 2, p99: 15, max: 20 } }), bare),
    ).toMatchObject({ throughputPass: true, p99Pass: true, pass: true });
    expect(
      compare(phase({ throughput: 599, latencyMs: { mean: 1, p50: 1, p90: 2, p99: 15.1, max: 20 } }), bare),
    ).toMatchObject({ throughputPass: false, p99Pass: false, pass: false });
  });

  it('compares app CPU per request, leaving other processes out', () => {
    const cpu = (next: number, others: number) => ({ next: { ms: next, cores: 0 }, others: { ms: others, cores: 0 } });
    const result = compare(
      phase({ requests: 1000, appCpu: cpu(3000, 9000) }),
      phase({ route: 'bare', requests: 2000, appCpu: cpu(2000, 1) }),
    );
    expect(result.appCpuPerRequestRatio).toBe(3);
    expect(compare(phase({}), phase({ route: 'bare' })).appCpuPerRequestRatio).toBeNull();
  });

  it('invalidates runs with more than 1 % errors or refusals, or learners without a cookie', () => {
    expect(invalidReason(phase({ errors: 10 }))).toBeNull();
    expect(invalidReason(phase({ errors: 11 }))).toMatch(/1\.10 % of requests failed/);
    expect(invalidReason(phase({ refusals: 11 }))).toMatch(/refused/);
    expect(invalidReason(phase({ learnersWithCookie: 49 }))).toMatch(/cookie/);
    expect(invalidReason(phase({ route: 'bare', learnersWithCookie: 0 }))).toBeNull();
    expect(invalidReason(phase({ requests: 0 }))).toMatch(/no request/);
  });
});

describe('bench answer classification', () => {
  const json = (value: unknown) => Buffer.from(JSON.stringify(value));

  it('counts 200 ok:true as success, however the body is ordered', () => {
    expect(classify(200, json({ ok: true, text: 'OK' }))).toBe(OUTCOME_OK);
    expect(classify(200, json({ text: 'OK', ok: true }))).toBe(OUTCOME_OK);
  });

  it('tells refusals (429, sandbox messages) from errors', () => {
    expect(classify(429, json({ ok: false }))).toBe(OUTCOME_REFUSED);
    expect(classify(200, json({ ok: false, error: 'ERR CONFIG is disabled in the Keyspace sandbox: …' }))).toBe(
      OUTCOME_REFUSED,
    );
    expect(
      classify(200, json({ ok: false, error: 'WRONGTYPE Operation against a key holding the wrong kind of value' })),
    ).toBe(OUTCOME_ERROR);
    expect(classify(503, json({ ok: false, error: 'The sandbox Valkey is unavailable' }))).toBe(OUTCOME_ERROR);
    expect(classify(200, Buffer.from('<html>'))).toBe(OUTCOME_ERROR);
  });

  it('takes the learner cookie from Set-Cookie, ready to send back', () => {
    expect(cookieFrom(['other=1; Path=/', 'keyspace_learner=abc123def456; Path=/; HttpOnly'], 'keyspace_learner')).toBe(
      'keyspace_learner=abc123def456',
    );
    expect(cookieFrom(undefined, 'keyspace_learner')).toBeNull();
  });
});
