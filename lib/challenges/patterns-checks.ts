/**
 * Judges a patterns challenge (`lab: patterns` in a lesson's frontmatter) against the learner's
 * recorded patterns lab results (lib/labs/patterns/results.ts): a check passes when one and the same
 * recorded result of its kind meets every condition. No server code here beyond the reader passed
 * in, so the judging is tested on its own and the content checker reads the same way.
 */
import type {
  PatternsChallengeCheck,
  PatternsChallengeSpec,
  ResultCondition,
} from '@/lib/content/lab-challenge-schema';
import type { ChallengeResult, CheckResult } from './types';

export type PatternsResultKind = PatternsChallengeCheck['result'];

/** The learner's latest recorded results of a kind, newest first. */
export type ResultReader = (learnerId: string, kind: PatternsResultKind, limit: number) => Promise<unknown[]>;

/** How many recorded results a check looks through: all the store keeps (its last 20 per kind). */
export const RESULTS_LOOKED_AT = 20;

const WHAT: Record<PatternsResultKind, string> = {
  run: 'workload run',
  stampede: 'stampede',
  eviction: 'eviction run',
  pipelining: 'pipelining run',
};

/** Figures worth a condition that no API answers directly. */
function withDerivedFigures(kind: PatternsResultKind, result: unknown): unknown {
  if (kind !== 'stampede' || typeof result !== 'object' || result === null) return result;
  const { originQueries, expiries, originQueriesPerExpiry } = result as Record<string, unknown>;
  // The worst expiry is what "one query per expiry" is about; an average of 1 could hide 0 and 2.
  const perExpiry = Array.isArray(originQueriesPerExpiry)
    ? originQueriesPerExpiry.filter((each): each is number => typeof each === 'number')
    : [];
  if (perExpiry.length > 0) return { ...result, maxOriginQueriesPerExpiry: Math.max(...perExpiry) };
  if (typeof originQueries !== 'number') return result;
  const average = typeof expiries === 'number' && expiries > 0 ? originQueries / expiries : originQueries;
  return { ...result, maxOriginQueriesPerExpiry: average };
}

/** The value at a dotted path ("summary.hitRatio"), undefined when any step is missing. */
export function figureAt(result: unknown, path: string): unknown {
  let value: unknown = result;
  for (const step of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, step)) return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

export function meetsCondition(value: unknown, condition: ResultCondition): boolean {
  if (typeof condition !== 'object') return value === condition;
  if ('oneOf' in condition) return condition.oneOf.some((allowed) => allowed === value);
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  return (
    (condition.min === undefined || value >= condition.min) && (condition.max === undefined || value <= condition.max)
  );
}

const show = (value: unknown) =>
  typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : value === undefined ? 'none' : String(value);

/** "strategy lock, readers 200, originQueriesPerExpiry 1": the figures the check looks at, of one result. */
function describe(result: unknown, check: PatternsChallengeCheck): string {
  return Object.keys(check.where)
    .map((path) => `${path} ${show(figureAt(result, path))}`)
    .join(', ');
}

export function judgePatternsCheck(check: PatternsChallengeCheck, recorded: unknown[]): CheckResult {
  const results = recorded.map((result) => withDerivedFigures(check.result, result));
  const conditions = Object.entries(check.where);
  const passing = results.find((result) =>
    conditions.every(([path, condition]) => meetsCondition(figureAt(result, path), condition)),
  );
  if (passing !== undefined)
    return {
      label: check.label,
      passed: true,
      detail: `A ${WHAT[check.result]} of yours: ${describe(passing, check)}`,
    };
  const latest = results[0];
  return {
    label: check.label,
    passed: false,
    detail:
      latest === undefined
        ? `${check.failure} (you have no ${WHAT[check.result]} recorded yet)`
        : `${check.failure} (your latest ${WHAT[check.result]}: ${describe(latest, check)})`,
  };
}

/** Every check, in order, each against the learner's latest results of its kind. */
export async function runPatternsChallengeChecks(
  learnerId: string,
  spec: PatternsChallengeSpec,
  read: ResultReader,
): Promise<ChallengeResult> {
  const byKind = new Map<PatternsResultKind, unknown[]>();
  const checks: CheckResult[] = [];
  for (const check of spec.checks) {
    let recorded = byKind.get(check.result);
    if (!recorded) {
      recorded = await read(learnerId, check.result, RESULTS_LOOKED_AT);
      byKind.set(check.result, recorded);
    }
    checks.push(judgePatternsCheck(check, recorded));
  }
  return { passed: checks.every((check) => check.passed), checks };
}
