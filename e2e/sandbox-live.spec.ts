import { expectNoSeriousViolations } from './axe';
import { expect, test } from './fixtures';
import { LessonPage } from './pages/LessonPage';
import { SandboxConsole } from './pages/SandboxConsole';

/*
 * Pub/sub and client-side caching, live: two tabs of one learner are two consoles, each its own
 * client as two valkey-cli windows would be. One listens, the other publishes or writes.
 */
test('one tab subscribes, the other publishes; a tracking invalidation arrives when the other tab writes', async ({
  page,
  context,
}) => {
  test.setTimeout(60_000);
  const listener = new SandboxConsole(page);
  await listener.goto();
  await expect(await listener.run('SUBSCRIBE news')).toHaveText('1) "subscribe"\n2) "news"\n3) (integer) 1');
  await expect(listener.region.getByText('Reading messages... (press Ctrl-C to quit')).toBeVisible();
  await expect(listener.stopListening).toBeVisible();

  const publisher = new SandboxConsole(await context.newPage());
  await publisher.goto();
  await expect(await publisher.run('PUBLISH news hello')).toHaveText('(integer) 1');
  await expect(listener.liveReplies.last()).toHaveText('1) "message"\n2) "news"\n3) "hello"');
  await expectNoSeriousViolations(page, 'a console in subscribe mode with a message');

  await listener.stopListening.click();
  await expect(listener.liveReplies.last()).toHaveText(
    'Closing current connection. Ready to reconnect to Valkey server...',
  );
  await expect(listener.stopListening).toBeHidden();
  await expect
    .poll(async () => (await publisher.run('PUBSUB NUMSUB news')).textContent(), { intervals: [100] })
    .toBe('1) "news"\n2) (integer) 0');

  await expect(await listener.run('CLIENT TRACKING on')).toHaveText('OK');
  await expect(await listener.run('GET cached')).toHaveText('(nil)');
  await expect(await publisher.run('SET cached 1')).toHaveText('OK');
  await expect(listener.liveReplies.last()).toHaveText('1) "message"\n2) "__redis__:invalidate"\n3) 1) "cached"');

  // On Redis OSS too, as redis-cli prints it; switching the listener back ends its Redis subscriber.
  await listener.chooseEngine('Redis OSS');
  await expect(await listener.run('SUBSCRIBE news')).toHaveText('1) "subscribe"\n2) "news"\n3) (integer) 1');
  await expect(listener.stopListening).toBeVisible();
  await expect(listener.region.getByText('Reading messages... (press Ctrl-C to quit)', { exact: true })).toBeVisible();
  await publisher.chooseEngine('Redis OSS');
  await expect(await publisher.run('PUBLISH news redis')).toHaveText('(integer) 1');
  await expect(listener.liveReplies.last()).toHaveText('1) "message"\n2) "news"\n3) "redis"');
  await listener.chooseEngine('Valkey');
  await expect(listener.stopListening).toBeHidden();
  await expect
    .poll(async () => (await publisher.run('PUBSUB NUMSUB news')).textContent(), { intervals: [100] })
    .toBe('1) "news"\n2) (integer) 0');
});

test(
  'subscribe mode on the plain command line: the Stop listening bar fits, and Ctrl+C leaves it',
  { tag: '@layout' },
  async ({ repl, page }) => {
    await repl.goto();
    await expect(await repl.run('SUBSCRIBE alerts')).toHaveText('1) "subscribe"\n2) "alerts"\n3) (integer) 1');
    await expect(repl.stopListening).toBeInViewport();
    await expectNoSeriousViolations(page, 'a console in subscribe mode');
    await repl.useEditor();
    await page.keyboard.press('Control+C');
    await expect(repl.liveReplies.last()).toHaveText(
      'Closing current connection. Ready to reconnect to Valkey server...',
    );
    await expect(repl.stopListening).toBeHidden();
  },
);

test('the pub/sub lesson across two tabs: its SUBSCRIBE and PUBLISH Run blocks, then its checked challenge', async ({
  lesson,
  context,
}) => {
  await lesson.goto('pubsub-transactions-scripting');
  const subscribe = lesson.runBlock('SUBSCRIBE orders:new');
  await subscribe.run();
  await expect(subscribe.reply).toHaveText('1) "subscribe"\n2) "orders:new"\n3) (integer) 1');

  const second = new LessonPage(await context.newPage());
  await second.goto('pubsub-transactions-scripting');
  const publish = second.runBlock('PUBLISH orders:new "order 1001"');
  await publish.run();
  await expect(publish.reply).toHaveText('(integer) 1');
  const nobody = second.runBlock('PUBLISH orders:paid "order 1001"');
  await nobody.run();
  await expect(nobody.reply).toHaveText('(integer) 0');
  await lesson.console.openDock();
  await expect(lesson.console.liveReplies.last()).toHaveText('1) "message"\n2) "orders:new"\n3) "order 1001"');

  // The challenge counts the first tab's subscription (PUBSUB NUMSUB) while it listens.
  const challenge = second.challenge('Hear an order in another tab');
  await expect(await second.console.run('SET orders:receivers 1')).toHaveText('OK');
  await challenge.check();
  await expect(challenge.passedMessage).toBeVisible();
  await lesson.console.stopListening.click();
  await expect(lesson.console.stopListening).toBeHidden();
  await challenge.check();
  await expect(challenge.result('One console listens on orders:new')).toContainText('0 subscribers');
});
