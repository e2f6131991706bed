import { describe, expect, it } from 'vitest';
import { contentLibrary, lessonSource } from './lessons';

// The curriculum the course promises: the topic lessons (plus first commands and the playbook).
const LESSONS = [
  'choosing-an-engine',
  'data-types',
  'pubsub-transactions-scripting',
  'caching-patterns',
  'cache-stampedes',
  'cluster-mode',
  'replication-and-failover',
  'serverless',
  'hot-keys-big-keys-memory',
  'clients-in-production',
  'security',
  'backups-monitoring-versions',
  'limits-quotas-pricing',
  'operating-elasticache',
  'interview-playbook',
];
const HANDS_ON = ['data-types', 'pubsub-transactions-scripting', 'caching-patterns', 'cache-stampedes', 'cluster-mode'];

describe('the curriculum', () => {
  const lessons = contentLibrary().lessons;

  it('has every promised lesson', () => {
    expect(LESSONS.filter((slug) => !lessons.some((lesson) => lesson.slug === slug))).toEqual([]);
  });

  it('gives lessons 3 to 7 at least two challenges each, and at least 15 in all', () => {
    for (const slug of HANDS_ON)
      expect(lessons.find((lesson) => lesson.slug === slug)?.challenges?.length ?? 0, slug).toBeGreaterThanOrEqual(2);
    expect(lessons.reduce((sum, lesson) => sum + (lesson.challenges?.length ?? 0), 0)).toBeGreaterThanOrEqual(15);
  });

  it('starts by doing: the first lesson opens with a command, and a challenge comes before its second section', () => {
    const body = lessonSource(lessons[0]!.slug).split(/^---$/m)[2]!;
    const sections = body.split(/^## /m);
    expect(sections[0], 'a <Run> before the first heading').toMatch(/<Run command=/);
    expect(sections.slice(0, 2).join(''), 'a <Challenge> within the first section').toMatch(/<Challenge id=/);
  });

  it('ends with the interview playbook, once the material is learnt', () => {
    expect(lessons.at(-1)?.slug).toBe('interview-playbook');
  });

  it('dates the facts of every lesson', () => {
    expect(lessons.filter((lesson) => !lesson.reviewed).map((lesson) => lesson.slug)).toEqual([]);
  });
});
