import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { experimentQueue } from './experiment-queue';

describe('experimentQueue', () => {
  it('runs experiments one at a time, in the order they came', async () => {
    const queue = experimentQueue('test experiment', { maxWaiting: 3, secondsEach: 1 });
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name} start`);
      await sleep(20);
      log.push(`${name} end`);
      return name;
    };
    const answers = await Promise.all([
      queue.run('a', task('a')),
      queue.run('b', task('b')),
      queue.run('c', task('c')),
    ]);
    expect(answers).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    expect(queue.length).toBe(0);
  });

  it("refuses a learner's second experiment and a full queue with a 429 and Retry-After, and carries on after a failure", async () => {
    const queue = experimentQueue('test experiment', { maxWaiting: 1, secondsEach: 10 });
    let release = () => {};
    const running = queue.run('a', () => new Promise<void>((resolve) => (release = resolve)));
    const waiting = queue.run('b', async () => {
      throw new Error('broken');
    });
    const sameLearner = queue.run('a', async () => 'never');
    await expect(sameLearner).rejects.toMatchObject({
      code: 'rate_limited',
      message: /Your test experiment is still running/,
    });
    const full = queue.run('c', async () => 'never');
    await expect(full).rejects.toBeInstanceOf(AppError);
    await expect(full).rejects.toMatchObject({ retryAfterSeconds: 20, message: /busy with 2 other test experiments/ });
    release();
    await running;
    await expect(waiting).rejects.toThrow('broken');
    expect(await queue.run('c', async () => 'ran')).toBe('ran');
  });
});
