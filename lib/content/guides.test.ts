/** The authoring guide's worked challenge is the very entry the content checker runs, so it can be pasted as is. */
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { guideChallenges, guideSource } from './lessons';

describe('the authoring guide', () => {
  it('shows, as its complete challenge, exactly the entry in its own frontmatter (which content:check runs)', () => {
    const source = guideSource('authoring');
    const block = /```yaml\n(challenges:\n {2}- id: guide-every-check\n[\s\S]*?)```/.exec(source)?.[1];
    expect(block, 'the guide has a yaml block with the guide-every-check entry').toBeDefined();
    const shown = matter(`---\n${block}---\n`).data as { challenges: unknown[] };
    const checked = guideChallenges().find((challenge) => challenge.spec.id === 'guide-every-check')?.spec;
    expect(shown.challenges).toEqual([checked]);
  });

  it('demonstrates every kind of check', () => {
    const spec = guideChallenges().find((challenge) => challenge.spec.id === 'guide-every-check')!.spec;
    const kindOf = (check: (typeof spec.checks)[number]): string => {
      if ('expect' in check) {
        const [rule, value] = Object.entries(check.expect)[0]!;
        return rule === 'equals' && typeof value === 'object' && value !== null ? 'equals-integer' : rule;
      }
      return 'type' in check ? 'type' : 'absent' in check ? 'absent' : 'sameSlot';
    };
    const kinds = new Set(spec.checks.map(kindOf));
    expect([...kinds].sort()).toEqual(
      [
        'absent',
        'between',
        'contains',
        'equals',
        'equals-integer',
        'error',
        'length',
        'matches',
        'sameMembers',
        'sameSlot',
        'type',
      ].sort(),
    );
  });
});
