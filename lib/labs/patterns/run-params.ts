/**
 * The workload request, validated: every parameter within RUN_LIMITS (a request beyond them is
 * refused with a 400 that names the parameter and its bounds), defaults for the ones left out.
 */
import { z } from 'zod';
import { PATTERN_IDS, RUN_DEFAULTS, RUN_LIMITS, type RunParams } from './api-types';

const between = (name: keyof typeof RUN_LIMITS, whole: boolean) => {
  const { min, max } = RUN_LIMITS[name];
  const error = `must be a ${whole ? 'whole ' : ''}number from ${min} to ${max}`;
  const number = z.number({ error }).min(min, { error }).max(max, { error });
  return (whole ? number.int({ error }) : number).default(RUN_DEFAULTS[name]);
};

export const RunRequest = z.strictObject(
  {
    pattern: z.enum(PATTERN_IDS, { error: `must be one of ${PATTERN_IDS.map((id) => `"${id}"`).join(', ')}` }),
    seconds: between('seconds', true),
    concurrency: between('concurrency', true),
    zipf: between('zipf', false),
    readShare: between('readShare', false),
    ttlSeconds: between('ttlSeconds', true),
    jitter: z.boolean({ error: 'must be true or false' }).default(RUN_DEFAULTS.jitter),
    valueBytes: between('valueBytes', true),
    killConsumerAfterSeconds: z
      .number({ error: 'must be a whole number of seconds' })
      .int({ error: 'must be a whole number of seconds' })
      .min(1, { error: 'must be at least 1' })
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')}: send pattern, seconds, concurrency, zipf, readShare, ttlSeconds, jitter, valueBytes and (write-behind) killConsumerAfterSeconds`
        : 'must be a JSON object such as {"pattern": "cache-aside", "seconds": 10}',
  },
) satisfies z.ZodType<RunParams>;

/** Checks a request's parts that depend on each other; throws a sentence for the 400. */
export function runParamsProblem(params: RunParams): string | null {
  if (params.killConsumerAfterSeconds === undefined) return null;
  if (params.pattern !== 'write-behind') return 'killConsumerAfterSeconds applies to the write-behind pattern only.';
  if (params.killConsumerAfterSeconds >= params.seconds)
    return `killConsumerAfterSeconds must be less than seconds (${params.seconds}).`;
  return null;
}
