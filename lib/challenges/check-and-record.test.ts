/**
 * Passing a challenge on real keys records it for its lesson, while the authoring guide's demo
 * challenge is checked the same way but counts for no lesson (and moves no "Continue").
 */
import { afterAll, describe, expect, it } from 'vitest';
import { findChallenge, guideChallenges } from '@/lib/content/lessons';
import { lessonItems } from '@/lib/content/quizzes';
import { readProgress } from '@/lib/progress/store';
import { summarizeProgress } from '@/lib/progress/summary';
import { recordCommandUse } from '@/lib/sandbox/command-usage';
import { newLearnerId } from '@/lib/sandbox/learner';
import { closeSandbox, runText } from '@/lib/testing/sandbox';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { checkAndRecordChallenge } from './check-and-record';

afterAll(async () => {
  await closeSandbox();
  await closeValkeyClients();
});

async function solve(learner: string, id: string) {
  for (const step of findChallenge(id)!.spec.solution as string[]) {
    // As the console's route does, so that a challenge's `require` sees the commands.
    recordCommandUse(learner, step);
    await runText(learner, step);
  }
  return checkAndRecordChallenge(learner, id);
}

describe('checkAndRecordChallenge', () => {
  it("records a lesson's challenge for that lesson", async () => {
    const learner = newLearnerId();
    const lessonChallenge = lessonItems().find((item) => item.challengeIds.length > 0)!;
    const id = lessonChallenge.challengeIds[0]!;
    expect((await solve(learner, id)).passed).toBe(true);
    const progress = await readProgress(learner);
    expect(progress.challenges[id]).toMatch(/^\d{4}-/);
    expect(progress.lastLesson).toBe(lessonChallenge.slug);
    expect(summarizeProgress(lessonItems(), progress).lessons[lessonChallenge.slug]?.challengesPassed).toBe(1);
  });

  it("passes the authoring guide's demo challenges without counting them in any lesson", async () => {
    const demos = guideChallenges().map((challenge) => challenge.spec.id);
    expect(demos).toEqual(expect.arrayContaining(['guide-demo-visit-counter', 'guide-every-check']));
    const lessonChallengeIds = lessonItems().flatMap((item) => item.challengeIds);
    for (const id of demos) {
      // Each on a fresh keyspace: the demos share keys, as they would on two learners' screens.
      const learner = newLearnerId();
      expect(lessonChallengeIds, `${id} must not be a lesson's challenge id`).not.toContain(id);
      expect((await solve(learner, id)).passed, id).toBe(true);
      const progress = await readProgress(learner);
      expect(progress.challenges).toEqual({});
      expect(progress.lastLesson).toBeUndefined();
      expect(summarizeProgress(lessonItems(), progress).totals).toMatchObject({ challengesPassed: 0, percent: 0 });
    }
  });
});
