/**
 * Lab challenges on a real cluster lab: the check runner (lab-checks.ts), then the content
 * checker's lab pass (lib/content/checker/lab-live-checks.ts), one lab at a time. This file uses the
 * content check's lab ports (lib/servers/ports.ts): `npm test` runs that check before Vitest.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { checkLabChallengesLive, type CheckedLabChallenge } from '@/lib/content/checker/lab-live-checks';
import { LabChallengeSpec } from '@/lib/content/lab-challenge-schema';
import { execInLab } from '@/lib/labs/cluster/exec';
import { LabManager } from '@/lib/labs/cluster/lab-manager';
import { labSettings } from '@/lib/labs/cluster/settings';
import { TEST_DATA_ROOT } from '@/lib/labs/cluster/testing';
import { findValkeyServer } from '@/lib/servers/server-binary';
import { labPortRange } from '@/lib/servers/ports';
import { runLabChallengeChecks } from './lab-checks';
import { runLabSolutionStep } from './lab-solution';

const { first, count } = labPortRange('content');
const manager = new LabManager({
  settings: { ...labSettings(), firstPort: first, portCount: count },
  dataRoot: TEST_DATA_ROOT,
  valkeyServer: findValkeyServer()?.path ?? 'valkey-server',
});
afterAll(() => manager.close());

const spec = (data: unknown) => LabChallengeSpec.parse(data);
const text = { failure: 'not yet' };

const tagged = spec({
  id: 'test-tagged',
  title: 'Two keys in one slot',
  lab: 'cluster',
  solution: ['SET {u:1}:a 1', 'SET {u:1}:b 2'],
  checks: [
    { ...text, label: 'One EXISTS finds both', run: 'EXISTS {u:1}:a {u:1}:b', expect: { equals: { integer: '2' } } },
    { ...text, label: 'Shard 3 owns foo', slotOwner: { key: 'foo', shard: 3 } },
  ],
});

describe('lab challenge checks on a real cluster lab', () => {
  it('answer one failing check that says to start a lab when the learner has none', async () => {
    const result = await runLabChallengeChecks('nobody', tagged, manager);
    expect(result).toMatchObject({ passed: false, checks: [{ passed: false }] });
    expect(result.checks[0]?.detail).toMatch(/no lab running/);
  });

  it('follow redirects in cluster mode, leave the console where it was, and fail until the learner works', async () => {
    const lab = await manager.start('ada', 'cluster');
    const blank = await runLabChallengeChecks('ada', tagged, manager);
    expect(blank.checks.map((check) => check.passed)).toEqual([false, true]);
    for (const step of tagged.solution) expect(await runLabSolutionStep('ada', step, manager)).toBeNull();
    const cursor = lab.clusterCursor;
    const solved = await runLabChallengeChecks('ada', tagged, manager);
    expect(solved.passed).toBe(true);
    expect(solved.checks[1]?.detail).toBe('foo → slot 12182, served by shard 3');
    expect(lab.clusterCursor).toBe(cursor);
    // A multi-key command across slots is what the check's EXISTS would answer without the tag.
    const crossSlot = await execInLab(lab, 'EXISTS a b', 'cluster');
    expect(crossSlot.kind === 'reply' && crossSlot.body.text).toMatch(/CROSSSLOT/);
  });

  it('see a reshard move a slot and a graceful failover promote the replica, from the original primary itself', async () => {
    const moved = spec({
      id: 'test-moved',
      title: 'Reshard and fail over',
      lab: 'cluster',
      solution: ['SET product:3808 lamp', { reshard: { from: 2, to: 1, slots: 1 } }],
      checks: [
        { ...text, label: 'Shard 1 owns product:3808', slotOwner: { key: 'product:3808', shard: 1 } },
        { ...text, label: 'The key came along', run: 'GET product:3808', expect: { equals: 'lamp' } },
        { ...text, label: 'Shard 3 failed over', failedOver: 'foo' },
      ],
    });
    expect((await runLabChallengeChecks('ada', moved, manager)).checks.map((check) => check.passed)).toEqual([
      false,
      false,
      false,
    ]);
    for (const step of moved.solution) expect(await runLabSolutionStep('ada', step, manager)).toBeNull();
    expect(await runLabSolutionStep('ada', { failover: { key: 'foo', kind: 'graceful' } }, manager)).toBeNull();
    const result = await runLabChallengeChecks('ada', moved, manager);
    expect(result.checks.map((check) => check.passed)).toEqual([true, true, true]);
    expect(result.checks[2]?.detail).toMatch(/now a replica/);
    await manager.stop('ada');
  }, 30_000);
});

describe("the content checker's lab pass", () => {
  const at = (challenge: LabChallengeSpec): CheckedLabChallenge => ({ file: 'lesson.mdx', line: 7, spec: challenge });

  it('passes a sound challenge, and names one whose solution fails and one that a fresh lab passes', async () => {
    const wrongSolution = spec({ ...tagged, id: 'test-wrong', solution: ['SET {u:1}:a 1'] });
    const alwaysPasses = spec({
      id: 'test-blank',
      title: 'Passes on a fresh lab',
      lab: 'cluster',
      solution: ['PING'],
      checks: [{ ...text, label: 'Shard 3 owns foo', slotOwner: { key: 'foo', shard: 3 } }],
    });
    const done: string[] = [];
    const problems = await checkLabChallengesLive(
      [at(tagged), at(wrongSolution), at(alwaysPasses)],
      manager,
      (_, __, id) => done.push(id),
    );
    expect(done).toEqual(['test-tagged', 'test-wrong', 'test-blank']);
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^lab challenge "test-wrong": the reference solution fails check "One EXISTS finds both"/),
      'lab challenge "test-blank": a fresh lab already passes every check: add a check that only the learner\'s work can satisfy',
    ]);
    expect(manager.runningLabs).toBe(0);
  }, 30_000);
});
