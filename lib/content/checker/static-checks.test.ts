/**
 * The content checker on broken fixture lessons, one per kind of error it reports. Each fixture is
 * the scaffold's valid lesson with one thing broken, so the test also proves the scaffold passes.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonTemplate } from '../scaffold';
import { formatProblem } from './problems';
import { checkContentStatic } from './static-checks';

const TRACKS = JSON.stringify([{ id: 'basics', title: 'Basics', summary: 'The first things to learn.' }]);
const valid = lessonTemplate({
  title: 'Fixture lesson',
  slug: 'fixture',
  track: 'basics',
  order: 1,
  today: '2026-11-26',
});

function check(lessons: Record<string, string>, tracks = TRACKS) {
  const root = mkdtempSync(path.join(tmpdir(), 'keyspace-content-'));
  mkdirSync(path.join(root, 'content', 'lessons'), { recursive: true });
  mkdirSync(path.join(root, 'public', 'diagrams'), { recursive: true });
  writeFileSync(path.join(root, 'public', 'diagrams', 'real.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(root, 'content', 'tracks.json'), tracks);
  for (const [name, source] of Object.entries(lessons))
    writeFileSync(path.join(root, 'content', 'lessons', name), source);
  const result = checkContentStatic(path.join(root, 'content'), path.join(root, 'public'));
  return { ...result, messages: result.problems.map(formatProblem) };
}

const SET_WHY = 'SET writes a value under a key; it does not read one back.';

const broken = (from: string, to: string) => {
  if (!valid.includes(from)) throw new Error(`fixture text not found: ${from}`);
  return valid.replace(from, to);
};

describe('content checker: files alone', () => {
  it('passes the scaffold lesson and counts what it holds', () => {
    const result = check({ 'fixture.mdx': valid });
    expect(result.messages).toEqual([]);
    expect(result).toMatchObject({ lessonCount: 1, quizCount: 3, runCount: 1 });
    expect(result.challenges.map((challenge) => challenge.spec.id)).toEqual(['fixture-first-challenge']);
  });

  // [what is broken, the lesson, the message expected (file:line: …)]
  const cases: [string, string, RegExp][] = [
    ['frontmatter field missing', broken('minutes: 10\n', ''), /fixture\.mdx:\d+: frontmatter "minutes": /],
    [
      'unknown track',
      broken('track: basics', 'track: nowhere'),
      /fixture\.mdx:4: track "nowhere" is not in content\/tracks\.json/,
    ],
    [
      'MDX syntax error',
      broken('## Try it', '## Try it\n\nA bare {user:42} here.'),
      /fixture\.mdx:\d+: MDX syntax error: .*backticks/,
    ],
    [
      'unknown component',
      broken('## Try it', '## Try it\n\n<Warning>Hi</Warning>'),
      /<Warning> is not a Keyspace component/,
    ],
    [
      'missing attribute',
      broken('<DeepDive title="For the curious">', '<DeepDive>'),
      /<DeepDive> needs a title="…" attribute/,
    ],
    [
      'unknown attribute',
      broken('<Run command="SET fixture:greeting hello" />', '<Run command="PING" cmd="x" />'),
      /<Run> has no "cmd" attribute/,
    ],
    [
      'bad callout variant',
      broken('variant="note"', 'variant="warning"'),
      /<Callout variant="warning"> is not a variant/,
    ],
    [
      'figure file missing',
      broken('## Try it', '## Try it\n\n<Figure src="/diagrams/missing.svg" alt="x" />'),
      /<Figure src="\/diagrams\/missing.svg"> does not exist/,
    ],
    [
      'refused Run command',
      broken('<Run command="SET fixture:greeting hello" />', '<Run command="CONFIG GET maxmemory" />'),
      /<Run command="CONFIG GET maxmemory"> is refused by the sandbox: CONFIG is disabled/,
    ],
    [
      'unparsable Run command',
      broken('<Run command="SET fixture:greeting hello" />', `<Run command='SET a "unbalanced' />`),
      /does not parse as valkey-cli would read it/,
    ],
    [
      'Run over a sandbox limit',
      broken('<Run command="SET fixture:greeting hello" />', '<Run command="SETRANGE k 999999999 x" />'),
      /breaks a sandbox limit/,
    ],
    [
      'quiz without a right answer',
      broken('<Choice correct>GET</Choice>', '<Choice>GET</Choice>'),
      /quiz "fixture-quiz-1" has no right answer/,
    ],
    [
      'quiz with one choice',
      broken(`  <Choice why="${SET_WHY}">SET</Choice>\n`, ''),
      /quiz "fixture-quiz-1" needs at least two <Choice> \(has 1\)/,
    ],
    [
      'wrong choice without a why',
      broken(` why="${SET_WHY}">SET<`, '>SET<'),
      /^content\/lessons\/fixture\.mdx:\d+: quiz "fixture-quiz-1": choice 2 \("SET"\) needs a why="…" attribute/,
    ],
    [
      'wrong choice with an empty why',
      broken(` why="${SET_WHY}">SET<`, ' why="  ">SET<'),
      /quiz "fixture-quiz-1": choice 2 \("SET"\) needs a why="…"/,
    ],
    [
      'wrong choice with an expression why',
      broken(` why="${SET_WHY}">SET<`, ' why={reason}>SET<'),
      /quiz "fixture-quiz-1": choice 2 \("SET"\) needs a why="…" attribute with a plain string/,
    ],
    [
      'why with an unclosed backtick',
      broken(` why="${SET_WHY}">SET<`, ' why="`SET writes.">SET<'),
      /quiz "fixture-quiz-1": choice 2 \("SET"\) has a why="…" with an unclosed backtick/,
    ],
    [
      'right choice without a why in a select-all quiz',
      broken('<Choice correct why="A hash holds field-value pairs under one key.">', '<Choice correct>'),
      /quiz "fixture-quiz-2": choice 1 \("Hash"\) needs a why="…" attribute with a plain string saying why it is right/,
    ],
    [
      'quiz without an explanation',
      broken('  <Explanation>\nGET reads a value; SET writes one.\n  </Explanation>\n', ''),
      /quiz "fixture-quiz-1" needs an <Explanation>/,
    ],
    [
      'duplicate quiz id',
      broken('id="fixture-quiz-2"', 'id="fixture-quiz-1"'),
      /quiz id "fixture-quiz-1" is also used in/,
    ],
    [
      'too few quizzes',
      broken('<Quiz id="fixture-quiz-3"', '<Callout id="fixture-quiz-3"').replace(
        /<Callout id="fixture-quiz-3"[\s\S]*?<\/Quiz>/,
        '',
      ),
      /has 2 quizzes: every lesson needs at least 3/,
    ],
    ['no recap', broken('<Recap>\n\n- One line per key point.\n\n</Recap>', ''), /has no <Recap>/],
    [
      'broken lesson link',
      broken('## Try it', '## Try it\n\nSee [the next lesson](/learn/nowhere).'),
      /link to \/learn\/nowhere goes nowhere: there is no lesson "nowhere"/,
    ],
    [
      'cited source missing from Sources',
      broken(
        '## Try it',
        '## Try it\n\nUp to 512 MB<Cite source="Elsewhere" href="https://example.com/elsewhere" date="2026-11" />.',
      ),
      /<Cite> links to https:\/\/example\.com\/elsewhere, which is not in the lesson's <Sources>/,
    ],
    [
      'broken page link',
      broken('## Try it', '## Try it\n\nSee [x](/nope).'),
      /link to \/nope goes nowhere: no such page/,
    ],
    [
      'challenge tag without data',
      broken('<Challenge id="fixture-first-challenge">', '<Challenge id="fixture-other">'),
      /<Challenge id="fixture-other"> has no entry with that id/,
    ],
    [
      'challenge data without a tag',
      broken('<Challenge id="fixture-first-challenge">', '<Challenge id="fixture-other">'),
      /challenge "fixture-first-challenge" is in the frontmatter but no <Challenge/,
    ],
    [
      'refused solution step',
      broken('      - SET fixture:greeting hello', '      - EVAL "return 1" 0'),
      /challenge "fixture-first-challenge": solution step "EVAL "return 1" 0" is refused by the sandbox/,
    ],
    [
      'require the solution never uses',
      broken('      - SET fixture:greeting hello', '      - SET fixture:greeting hello\n    require: [INCR]'),
      /challenge "fixture-first-challenge": require lists INCR, which the reference solution never uses/,
    ],
    [
      'forbid the solution uses',
      broken('      - SET fixture:greeting hello', '      - SET fixture:greeting hello\n    forbid: [SET]'),
      /challenge "fixture-first-challenge": forbid lists SET, which the reference solution itself uses/,
    ],
    [
      'distinct check that writes is refused',
      broken(
        '    checks:\n',
        '    checks:\n      - label: "differ"\n        distinct: ["GET a", "EVAL x 0"]\n        failure: "They differ."\n',
      ),
      /check "differ" runs "EVAL x 0", which is refused by the sandbox/,
    ],
    [
      'bad check expectation',
      broken('expect: { equals: hello }', 'expect: { roughly: hello }'),
      /frontmatter "challenges\.0\.checks\.1/,
    ],
    [
      'LabRun refused by the lab',
      broken('## Try it', '## Try it\n\n<LabRun command="CONFIG GET maxmemory" />'),
      /<LabRun command="CONFIG GET maxmemory"> is refused by the lab/,
    ],
    [
      'PricingFigure with an unknown figure',
      broken('## Try it', '## Try it\n\nAbout <PricingFigure of="dream-price" /> a month.'),
      /<PricingFigure of="dream-price"> is not a figure: use valkey-gb-hour/,
    ],
    [
      'LabRun with an unknown mode',
      broken('## Try it', '## Try it\n\n<LabRun command="PING" mode="nodes" />'),
      /<LabRun mode="nodes"> is not a mode/,
    ],
    [
      'LabRun on a replica with a shard too',
      broken('## Try it', '## Try it\n\n<LabRun command="GET foo" replicaOf="foo" shard="2" />'),
      /<LabRun replicaOf="key"> runs on a replica of the shard that owns that key/,
    ],
    [
      'LabRun on a node without its shard',
      broken('## Try it', '## Try it\n\n<LabRun command="PING" mode="node" />'),
      /mode="node" and shard="1" to "3"/,
    ],
    [
      'Run on an unknown engine',
      broken('<Run command="SET fixture:greeting hello" />', '<Run command="PING" engine="dragonfly" />'),
      /<Run engine="dragonfly"> is not an engine: use valkey, redis, memcached/,
    ],
    [
      'Memcached Run in upper case',
      broken('<Run command="SET fixture:greeting hello" />', '<Run command="SET k 0 60 2 hi" engine="memcached" />'),
      /<Run engine="memcached" command="SET k 0 60 2 hi"> must be written in lower case \(set\)/,
    ],
    [
      'Memcached Run with a short data block',
      broken('<Run command="SET fixture:greeting hello" />', '<Run command="set k 0 60 5 hi" engine="memcached" />'),
      /declares 5 bytes but its data block "hi" has 2/,
    ],
    [
      'Memcached challenge with a run check',
      broken('    solution:\n', '    engine: memcached\n    solution:\n').replace(
        '      - SET fixture:greeting hello',
        '      - set fixture:greeting 0 0 5 hello',
      ),
      /frontmatter "challenges\.0\.checks\.0": a key: \+ type: check cannot run on memcached: use key: \+ absent: true, key: \+ value:/,
    ],
    [
      'forbid on a Redis OSS challenge',
      broken('    solution:\n', '    engine: redis\n    forbid: [KEYS]\n    solution:\n'),
      /frontmatter "challenges\.0\.forbid": is for Valkey challenges only \(this one runs on redis\)/,
    ],
    [
      'lab check kind on a sandbox challenge',
      broken('expect: { equals: hello }', 'expect: { equals: hello }\n        mode: primary'),
      /frontmatter "challenges\.0\.checks\.1/,
    ],
  ];

  it.each(cases)('reports: %s', (_name, lesson, expected) => {
    const { messages } = check({ 'fixture.mdx': lesson });
    expect(
      messages.some((message) => expected.test(message)),
      messages.join('\n'),
    ).toBe(true);
  });

  it('queues valid Redis OSS and Memcached Run blocks for the live pass, in file order', () => {
    const lesson = broken(
      '<Run command="SET fixture:greeting hello" />',
      '<Run command="PING" engine="redis" />\n\n<Run command="set k 0 60 2 hi" engine="memcached" />',
    );
    const result = check({ 'fixture.mdx': lesson });
    expect(result.messages).toEqual([]);
    expect(result.engineRuns.map(({ engine, command }) => `${engine}: ${command}`)).toEqual([
      'redis: PING',
      'memcached: set k 0 60 2 hi',
    ]);
  });

  it('reports ids and positions shared between lessons', () => {
    const other = valid.replace('title: "Fixture lesson"', 'title: "Second"');
    const { messages } = check({ 'fixture.mdx': valid, 'second.mdx': other });
    expect(
      messages.some((message) =>
        /challenge id "fixture-first-challenge" is also used in content\/lessons\//.test(message),
      ),
    ).toBe(true);
    expect(
      messages.some((message) =>
        /order 1 is already used by content\/lessons\/\w+\.mdx in track "basics"/.test(message),
      ),
    ).toBe(true);
  });

  it('reports an invalid file name and an invalid track list', () => {
    expect(
      check({ 'Bad Name.mdx': valid }).messages.some((message) => /file name must be lowercase words/.test(message)),
    ).toBe(true);
    expect(check({ 'fixture.mdx': valid }, '{"not": "a list"}').messages[0]).toMatch(
      /^content\/tracks\.json: invalid track list/,
    );
  });
});
