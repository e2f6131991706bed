import { describe, expect, it } from 'vitest';
import { intervalInWords } from './grades';
import { formatInterval } from './scheduler';

describe('intervalInWords', () => {
  it('spells out every interval the scheduler writes on the buttons', () => {
    const minute = 60_000;
    const day = 24 * 60 * minute;
    const cases: [number, string][] = [
      [30_000, 'less than a minute'],
      [minute, '1 minute'],
      [10 * minute, '10 minutes'],
      [60 * minute, '1 hour'],
      [3 * 60 * minute, '3 hours'],
      [day, '1 day'],
      [4 * day, '4 days'],
      [60 * day, '2 months'],
      [1.3 * 365 * day, '1.3 years'],
    ];
    for (const [ms, words] of cases) expect(intervalInWords(formatInterval(ms)), formatInterval(ms)).toBe(words);
  });

  it('leaves what it does not know as it is', () => {
    expect(intervalInWords('?')).toBe('?');
  });
});
