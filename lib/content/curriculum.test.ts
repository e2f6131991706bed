import { describe, expect, it } from 'vitest';
import { contentLibrary } from './lessons';

// The curriculum the course promises: eleven topic lessons (plus first commands and the playbook).
const LESSONS = [
  'choosing-an-engine',
  'data-types',
  'pubsub-transactions-scripting',
  'caching-patterns',
  'cache-stampedes',
  'cluster-mode',
  'replication-and-failover',
  'serverless',
  'security',
  'backups-monitoring-versions',
  'limits-quotas-pricing',
  'interview-playbook',
];
const HANDS_ON = ['data-types', 'pubsub-transactions-scripting', 'caching-patterns', 'cache-stampedes', 'cluster-mode'];

describe('the curriculum', () => {
  const lessons = contentLibrary().lessons;

  it('has every promised lesson', () => {
    expect(LESSONS.filter((slug) => !lessons.some((lesson) => lesson.slug === slug))).toEqual([]);
  });

  it('gives lessons 2 to 6 at least two challenges each, and at least 15 in all', () => {
    for (const slug of HANDS_ON) expect(lessons.find((lesson) => lesson.slug === slug)?.challenges?.length ?? 0, slug).toBeGreaterThanOrEqual(2);
    expect(lessons.reduce((sum, lesson) => sum + (lesson.challenges?.length ?? 0), 0)).toBeGreaterThanOrEqual(15);
  });

  it('dates the facts of every lesson', () => {
    expect(lessons.filter((lesson) => !lesson.reviewed).map((lesson) => lesson.slug)).toEqual([]);
  });
});
