import { describe, expect, it } from 'vitest';
import { RUN_LIMITS, STAMPEDE_LIMITS } from './api-types';
import { pipeliningProblem } from './pipelining/pipelining-types';
import { PATTERNS_PRESETS } from './presets';

describe('patterns lab presets', () => {
  it.each(Object.entries(PATTERNS_PRESETS))('%s asks only what the API accepts, and briefly', (_id, preset) => {
    if (preset.experiment === 'workload') {
      for (const [name, { min, max }] of Object.entries(RUN_LIMITS)) {
        const value = preset.workload[name as keyof typeof RUN_LIMITS];
        expect(value, name).toBeGreaterThanOrEqual(min);
        expect(value, name).toBeLessThanOrEqual(max);
      }
      // A lesson's run answers while the learner reads on; two of them when comparing.
      expect(preset.workload.seconds).toBeLessThanOrEqual(10);
      if ('compareWith' in preset) expect(preset.compareWith).not.toBe(preset.workload.pattern);
    } else if (preset.experiment === 'stampede') {
      expect(preset.readers).toBeLessThanOrEqual(STAMPEDE_LIMITS.maxReaders);
      expect(preset.beta).toBeGreaterThanOrEqual(STAMPEDE_LIMITS.minBeta);
      expect(new Set(preset.strategies).size).toBe(preset.strategies.length);
    } else if (preset.experiment === 'pipelining') {
      expect(pipeliningProblem(preset)).toBeNull();
    } else {
      expect(new Set(preset.policies).size).toBe(preset.policies.length);
    }
  });
});
