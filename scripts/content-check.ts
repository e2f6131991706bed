/**
 * `npm run content:check`: proves the content works before it ships. First every file is checked
 * on its own (frontmatter, ids, quizzes, components, links, every <Run> command against the
 * sandbox's rules); then every challenge runs on a real Valkey: its reference solution must pass
 * all its checks and an empty keyspace must fail them. Errors name the file, the line and the fix.
 */
import path from 'node:path';
import { checkContentData } from '../lib/content/checker/data-checks';
import { checkContentStatic, type CheckedChallenge } from '../lib/content/checker/static-checks';
import { labPortRange, patternsLabPorts } from '../lib/servers/ports';
import { isLabChallenge, isPatternsChallenge } from '../lib/content/schema';
import { formatProblem, type ContentProblem } from '../lib/content/checker/problems';
import { ENGINE_SERVER_NAMES } from '../lib/servers/engine-servers';
import { ENGINE_URL_ENV, startLocalStack, URL_ENV } from '../lib/servers/local-stack';
import { done, fail, step, warn } from './setup/log';
import { ensureEngineServers } from './setup/engine-servers';
import { ensureValkeyServer } from './setup/valkey-server';
import { resetKeyspaceEnv } from '../lib/config/env';

const root = path.resolve(import.meta.dirname, '..');

/** The lab challenges, on labs in the content profile's own port range (lib/servers/ports.ts). */
async function checkLabChallenges(challenges: CheckedChallenge[], valkeyServer: string): Promise<ContentProblem[]> {
  const labChallenges = challenges.flatMap(({ spec, ...where }) => (isLabChallenge(spec) ? [{ ...where, spec }] : []));
  if (labChallenges.length === 0) return [];
  step(
    `Running ${labChallenges.length} lab challenges on real cluster labs (a fresh lab must fail, the solution pass)`,
  );
  const started = Date.now();
  const { checkLabChallengesLive } = await import('../lib/content/checker/lab-live-checks');
  const { LabManager } = await import('../lib/labs/cluster/lab-manager');
  const { labSettings } = await import('../lib/labs/cluster/settings');
  const { first, count } = labPortRange('content');
  const manager = new LabManager({
    settings: { ...labSettings(), firstPort: first, portCount: count },
    dataRoot: path.join(root, '.data'),
    valkeyServer,
  });
  try {
    return await checkLabChallengesLive(labChallenges, manager, (finished, total, id) =>
      console.log(`  … ${finished}/${total} (${id})`),
    );
  } finally {
    await manager.close();
    console.log(`  lab challenges took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

/** The patterns challenges, on the patterns lab's servers at the content profile's ports and its own origin. */
async function checkPatternsChallenges(challenges: CheckedChallenge[]): Promise<ContentProblem[]> {
  const patternsChallenges = challenges.flatMap(({ spec, ...where }) =>
    isPatternsChallenge(spec) ? [{ ...where, spec }] : [],
  );
  if (patternsChallenges.length === 0) return [];
  step(
    `Running ${patternsChallenges.length} patterns challenges on the real patterns lab (no results must fail, the solution's pass)`,
  );
  const started = Date.now();
  const ports = patternsLabPorts('content');
  process.env.KEYSPACE_PATTERNS_CACHE_PORT = String(ports.cache);
  process.env.KEYSPACE_PATTERNS_EVICTION_PORT = String(ports.eviction);
  resetKeyspaceEnv();
  const { checkPatternsChallengesLive } = await import('../lib/content/checker/patterns-live-checks');
  const { stopPatternsServers } = await import('../lib/labs/patterns/cache');
  const { closeOrigin } = await import('../lib/labs/patterns/origin/origin');
  let lap = Date.now();
  try {
    return await checkPatternsChallengesLive(patternsChallenges, (finished, total, id) => {
      console.log(`  … ${finished}/${total} (${id}, ${((Date.now() - lap) / 1000).toFixed(1)} s)`);
      lap = Date.now();
    });
  } finally {
    await stopPatternsServers();
    await closeOrigin();
    console.log(`  patterns challenges took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

export async function main(): Promise<void> {
  step('Checking content files (frontmatter, ids, quizzes, components, links, commands)');
  const checked = checkContentStatic(path.join(root, 'content'), path.join(root, 'public'));
  const extra = checkContentData(path.join(root, 'content'));
  const problems: ContentProblem[] = [...checked.problems, ...extra.problems];
  console.log(
    `  ${checked.lessonCount} lessons, ${checked.quizCount} quizzes, ${checked.runCount} <Run> commands (${checked.engineRuns.length} on Redis OSS or Memcached), ${checked.challenges.length} challenges, ${extra.summary}`,
  );

  step(
    `Running ${checked.challenges.length} challenges on a real Valkey (solution must pass, empty keyspace must fail)`,
  );
  const valkey = ensureValkeyServer();
  // The checker always uses its own servers, even if the shell points the app elsewhere.
  const env = {
    ...process.env,
    [URL_ENV.sandbox]: '',
    [URL_ENV.app]: '',
    [ENGINE_URL_ENV.redis]: '',
    [ENGINE_URL_ENV.memcached]: '',
  };
  // Challenges on Redis OSS and Memcached run on real servers too, so both must be there.
  const stack = await startLocalStack({
    projectRoot: root,
    profile: 'content',
    valkeyServer: valkey.path,
    engines: ensureEngineServers(ENGINE_SERVER_NAMES),
    requireEngines: true,
    env,
  });
  process.env[URL_ENV.sandbox] = stack.urls.sandbox;
  process.env[URL_ENV.app] = stack.urls.app;
  process.env[ENGINE_URL_ENV.redis] = stack.engineUrls.redis ?? '';
  process.env[ENGINE_URL_ENV.memcached] = stack.engineUrls.memcached ?? '';
  resetKeyspaceEnv();
  try {
    // Loaded only now: these modules read the server URLs from the environment.
    const { checkChallengesLive, checkEngineRunsLive } = await import('../lib/content/checker/live-checks');
    problems.push(
      ...(await checkChallengesLive(checked.challenges, (finished, total, id) => {
        if (finished % 5 === 0 || finished === total) console.log(`  … ${finished}/${total} (${id})`);
      })),
    );
    if (checked.engineRuns.length > 0) {
      step(
        `Running ${checked.engineRuns.length} <Run engine> commands on Redis OSS and Memcached, in each lesson's order`,
      );
      problems.push(...(await checkEngineRunsLive(checked.engineRuns)));
    }
    problems.push(...(await checkLabChallenges(checked.challenges, valkey.path)));
    problems.push(...(await checkPatternsChallenges(checked.challenges)));
    const { closeLearnerSessions } = await import('../lib/sandbox/learners');
    const { closeValkeyClients } = await import('../lib/valkey/connections');
    closeLearnerSessions();
    await closeValkeyClients();
  } finally {
    await stack.stop();
  }

  if (problems.length > 0) {
    for (const problem of problems) console.error(`✖ ${formatProblem(problem)}`);
    warn(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} found. Fix each one above (file:line: what to do), then run npm run content:check again.`,
    );
    fail('Content check failed');
  }
  done('Content check passed');
  process.exit(0);
}
