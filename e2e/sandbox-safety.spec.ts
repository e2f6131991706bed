import { expect, test } from './fixtures';

test.describe('the sandbox refuses what would affect other learners, and keeps working', () => {
  test('server-wide commands are refused with an error naming them', async ({ repl }) => {
    await repl.goto();

    for (const [command, name] of [
      ['CONFIG GET maxmemory', 'CONFIG'],
      ['AUTH default x', 'AUTH'],
      ['SWAPDB 0 1', 'SWAPDB'],
    ] as const) {
      const reply = await repl.run(command);
      await expect(reply, `${command} is refused`).toHaveText(/^\(error\) ERR /);
      await expect(reply, `the refusal of ${command} names the command`).toContainText(name);
    }

    const unbalanced = await repl.run('SET a "b');
    await expect(unbalanced).toHaveText(/Invalid argument\(s\)/);

    await expect(await repl.run('PING', { via: 'button' }), 'the console still works afterwards').toHaveText('PONG');
    await expect(await repl.run('GET a'), 'the unbalanced SET wrote nothing').toHaveText('(nil)');
  });

  test("FLUSHALL deletes the learner's own keys and no one else's", async ({ repl, otherLearner }) => {
    test.setTimeout(60_000);
    const other = otherLearner.repl;
    await other.goto();
    await expect(await other.run('SET theirs kept')).toHaveText('OK');

    await repl.goto();
    await expect(await repl.run('SET mine gone')).toHaveText('OK');
    await expect(await repl.run('FLUSHALL')).toHaveText('OK');
    await expect(await repl.run('KEYS *'), 'her own keys are gone').toHaveText('(empty array)');

    await expect(await other.run('GET theirs'), "the other learner's key is still there").toHaveText('"kept"');
  });
});
