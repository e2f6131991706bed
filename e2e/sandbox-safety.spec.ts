import { expect, test } from '@playwright/test';
import { SandboxConsole } from './pages/SandboxConsole';

test.describe('the sandbox refuses what would affect other learners, and keeps working', () => {
  test('server-wide commands are refused with an error naming them', async ({ page }) => {
    const repl = new SandboxConsole(page);
    await repl.goto();

    for (const [command, name] of [
      ['FLUSHALL', 'FLUSHALL'],
      ['CONFIG GET maxmemory', 'CONFIG'],
      ['AUTH default x', 'AUTH'],
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
});
