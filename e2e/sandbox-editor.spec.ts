import { expect, test } from './fixtures';
import { delayMonaco, watchMonacoDownloads } from './monaco-downloads';

test.describe('the console editor', () => {
  for (const path of ['/learn/choosing-an-engine', '/sandbox']) {
    test(`${path} fetches and mounts Monaco when idle after hydration, not in its HTML`, async ({ page, repl }) => {
      const monaco = watchMonacoDownloads(page);
      const html = await (await page.goto(path))!.text();
      await repl.ready();
      await expect.poll(() => monaco.length, { message: 'Monaco is preloaded without a focus' }).toBeGreaterThan(0);
      for (const url of monaco) expect(html, 'no Monaco in the first download').not.toContain(new URL(url).pathname);
      await expect(repl.form, 'mounted without a focus').toHaveAttribute('data-editor', 'monaco', { timeout: 25_000 });
      await expect(repl.editor).toBeVisible();
      await repl.input.focus();
      await expect(repl.input, 'the first focus lands in Monaco').toBeFocused();
    });
  }

  test('typing does not wait for Monaco: the plain input runs commands, and Monaco takes over the text', async ({
    page,
    repl,
  }) => {
    // Monaco arrives 3 s late, whenever it is asked for (on idle, or on the focus).
    await delayMonaco(page, 3_000);
    await repl.goto();
    await repl.input.focus();
    await page.keyboard.type('SET early 1');
    await page.keyboard.press('Enter');
    await expect(repl.replies.first()).toHaveText('OK');
    await expect(repl.form, 'still the plain input').toHaveAttribute('data-editor', 'plain');
    await page.keyboard.type('GET early');
    await expect(repl.form).toHaveAttribute('data-editor', 'monaco', { timeout: 20_000 });
    await expect(repl.input, 'Monaco has the focus').toBeFocused();
    await repl.expectValue('GET early', 'the text typed before Monaco came is kept');
    await page.keyboard.press('Enter');
    await expect(repl.replies.nth(1)).toHaveText('"1"');
  });

  test('Enter runs; Shift+Enter adds a line, and each line runs as its own command', async ({ page, repl }) => {
    await repl.goto();
    await expect(await repl.run('PING')).toHaveText('PONG');
    await expect(repl.entries.first(), 'each entry shows its time').toContainText(/\d+(\.\d)? ms/);
    await expect(repl.entries.first().getByRole('button', { name: 'Copy: PING' })).toBeVisible();

    await repl.fill('SET multi 1\nINCR multi');
    await page.keyboard.press('Enter');
    await repl.expectValue('');
    await expect(repl.replies).toHaveCount(3);
    await expect(repl.lastEntryFor('SET multi 1').getByTestId('reply')).toHaveText('OK');
    await expect(repl.lastEntryFor('INCR multi').getByTestId('reply')).toHaveText('(integer) 2');
  });

  test('↑ and ↓ walk the history; Ctrl+L clears the output', async ({ repl }) => {
    await repl.goto();
    await repl.run('SET h 1');
    await repl.run('GET h');
    await repl.input.press('ArrowUp');
    await repl.expectValue('GET h');
    await repl.input.press('ArrowUp');
    await repl.expectValue('SET h 1');
    await repl.input.press('ArrowDown');
    await repl.expectValue('GET h');
    await repl.input.press('ArrowDown');
    await repl.expectValue('');

    await repl.input.press('Control+L');
    await expect(repl.replies).toHaveCount(0);
    await expect(repl.input, 'focus stays in the editor').toBeFocused();
  });

  test('completion offers SET after "se", and Tab accepts it', async ({ page, repl }) => {
    await repl.goto();
    await repl.useEditor();
    await page.keyboard.type('se');
    await expect(repl.suggestion('SET')).toBeVisible();
    await expect(repl.suggestion('SETEX')).toBeVisible();
    await page.keyboard.press('Tab');
    await repl.expectValue('SET');
    await page.keyboard.type(' k v ');
    await page.keyboard.press('Control+Space');
    await expect(repl.suggestion('KEEPTTL'), "SET's argument tokens are offered").toBeVisible();
  });

  test('hovering a command shows its summary, complexity and version', async ({ page, repl }) => {
    await repl.goto();
    await repl.fill('SET k v');
    // Keyboard users get the same hover (Ctrl+K Ctrl+I) as a mouse over the word.
    await page.keyboard.press('Home');
    await page.keyboard.press('ControlOrMeta+K');
    await page.keyboard.press('ControlOrMeta+I');
    const hover = page.locator('.monaco-hover').filter({ hasText: 'Sets the string value of a key' });
    await expect(hover).toBeVisible();
    await expect(hover).toContainText('Complexity: O(1) · Since 1.0.0 · Group: string');
  });
});

test.describe('the key browser', () => {
  test('lists a new key with its type, counts its TTL down, and Reset empties it', async ({ page, repl, keys }) => {
    await repl.goto();
    await expect(keys.emptyMessage).toBeVisible();

    await repl.run('SET k v');
    await expect(keys.cell('k', 'Type')).toHaveText('string');
    await expect(keys.cell('k', 'TTL')).toHaveText('no expiry');
    await expect(keys.cell('k', 'Size')).toHaveText(/^\d+ B$/);

    await repl.run('EXPIRE k 100');
    const ttl = keys.cell('k', 'TTL');
    await expect(ttl).toHaveText(/^1m (40|39|38)s$/);
    const first = await ttl.textContent();
    await expect(ttl, 'the TTL counts down every second').not.toHaveText(first ?? '', { timeout: 3_000 });
    await expect(ttl).toHaveText(/^1m 3\ds$/);

    await repl.run('SADD s a b');
    await expect(keys.cell('s', 'Type')).toHaveText('set');

    await keys.resetButton.click();
    await page.keyboard.press('Escape');
    await expect(keys.region.getByRole('group', { name: 'Confirm reset' }), 'Escape cancels').toHaveCount(0);
    await expect(keys.resetButton, 'focus returns to Reset').toBeFocused();
    await expect(keys.row('k')).toBeVisible();

    await keys.reset();
    await expect(keys.status).toHaveText('Deleted 2 Valkey keys.');
    await expect(keys.resetButton).toBeFocused();
    await expect(keys.emptyMessage).toBeVisible();
    await expect(await repl.run('EXISTS k s')).toHaveText('(integer) 0');
  });
});

test.describe('the engine switch', () => {
  test('each engine has its own transcript, keys and Reset; Memcached takes a data block on the next line; a down engine says so', async ({
    page,
    repl,
    keys,
  }) => {
    await repl.goto();
    await expect(repl.engine('Valkey'), 'Valkey is the default').toBeChecked();
    await expect(await repl.run('SET shared valkey')).toHaveText('OK');

    await repl.chooseEngine('Redis OSS');
    await expect(repl.replies, 'Redis OSS has a transcript of its own').toHaveCount(0);
    await expect(await repl.run('PING')).toHaveText('PONG');
    // help is the CLI's own, as redis-cli prints it (lib/sandbox/cli-help.ts), never the server's error.
    await expect(await repl.run('help get')).toHaveText(/GET key\s+summary: .+\s+since: 1\.0\.0\s+group: string/);
    await expect(keys.emptyMessage, "the key browser shows Redis OSS's keys").toHaveText(/^No Redis OSS keys yet/);

    await repl.chooseEngine('Memcached');
    await expect(repl.region.getByText(/the one-line form is all you need on a phone/)).toBeVisible();
    // Completion offers Memcached's commands, in its lower case.
    await repl.fill('ge');
    await page.keyboard.press('Control+Space');
    await expect(repl.suggestion('gets')).toBeVisible();
    await page.keyboard.press('Escape');
    // Memcached's own highlighting: set is a command, SET is not (memcached answers ERROR to it).
    await repl.fill('SET k 0 60 5');
    await expect(repl.editor.getByText('SET', { exact: true })).toHaveCSS('color', 'rgb(252, 165, 165)');
    await repl.fill('set k 0 60 5');
    await expect(repl.editor.getByText('set', { exact: true })).toHaveCSS('color', 'rgb(125, 211, 252)');
    // A storage command's header, Shift+Enter, then its data block: one command, as nc would take it.
    await expect(await repl.run('set greeting 0 60 5\nhello')).toHaveText('STORED');
    await expect(await repl.run('get greeting')).toHaveText('VALUE greeting 0 5\nhello\nEND');
    await expect(keys.cell('greeting', 'Type')).toHaveText('string');
    await expect(keys.cell('greeting', 'Size')).toHaveText('5 B');
    await keys.reset();
    await expect(keys.status).toHaveText('Deleted 1 Memcached key.');
    await expect(await repl.run('get greeting')).toHaveText('END');
    // help is the sandbox's own (memcached has none): one command's syntax and summary.
    await expect(await repl.run('help get')).toHaveText(
      'get key [key ...]\nReads one or more keys: VALUE key flags bytes, the data, then END.',
    );

    await repl.chooseEngine('Valkey');
    await expect(repl.lastEntryFor('SET shared valkey'), "Valkey's transcript is as it was").toBeVisible();
    await expect(keys.row('shared'), 'a Memcached reset leaves the Valkey keys').toBeVisible();

    // The choice is remembered in this browser.
    await repl.chooseEngine('Memcached');
    await page.reload();
    await repl.ready();
    await expect(repl.engine('Memcached')).toBeChecked();

    // An engine that is down (as the API answers when Redis OSS is not running) says so calmly.
    const down = {
      status: 503,
      json: {
        ok: false,
        code: 'engine_unavailable',
        error: 'The Redis OSS sandbox is not running.',
        text: '(error) The Redis OSS sandbox is not running.',
      },
    };
    await page.route('**/api/sandbox/exec', (route) => route.fulfill(down));
    await page.route('**/api/sandbox/keys?engine=redis', (route) => route.fulfill(down));
    await repl.chooseEngine('Redis OSS');
    await expect(await repl.run('PING')).toHaveText(
      'Redis OSS is not available right now, so this command did not run. The other engines still work: switch to Valkey meanwhile.',
    );
    await expect(keys.status).toHaveText(
      'Could not load your keys: Redis OSS is not available right now. Valkey still works.',
    );
  });
});

test.describe('the key browser when the server cannot answer', () => {
  test('says why, and recovers on Refresh', async ({ page, keys }) => {
    let answer: 'down' | 'busy' | 'real' = 'down';
    await page.route('**/api/sandbox/keys', async (route) => {
      if (answer === 'down') {
        await route.fulfill({
          status: 503,
          json: {
            ok: false,
            code: 'unavailable',
            error: 'The sandbox Valkey is unavailable: no answer from 127.0.0.1:7401.',
          },
        });
      } else if (answer === 'busy') {
        await route.fulfill({ status: 429, headers: { 'Retry-After': '5' }, body: '' });
      } else await route.continue();
    });
    await page.goto('/sandbox');
    await expect(keys.status).toHaveText(
      'Could not load your keys: The sandbox Valkey is unavailable: no answer from 127.0.0.1:7401.',
    );

    answer = 'busy';
    await expect(keys.refreshButton).toBeEnabled();
    await keys.refreshButton.click();
    await expect(keys.status).toHaveText('Could not load your keys: Too many requests. Try again in 5 seconds.');

    answer = 'real';
    await keys.refreshButton.click();
    await expect(keys.emptyMessage).toBeVisible();
    await expect(keys.status).toHaveText('');
  });
});
