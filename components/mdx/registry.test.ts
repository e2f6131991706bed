import { describe, expect, it } from 'vitest';
import { CALLOUT_VARIANT_NAMES, COMPONENT_RULES } from '@/lib/content/checker/component-rules';
import { CALLOUT_VARIANTS } from './Callout';
import { MDX_COMPONENT_NAMES } from './index';

describe('the MDX component registry', () => {
  it('is exactly the list the content checker accepts', () => {
    expect([...MDX_COMPONENT_NAMES].sort()).toEqual(Object.keys(COMPONENT_RULES).sort());
  });

  it('has the callout variants the checker accepts', () => {
    expect([...CALLOUT_VARIANTS].sort()).toEqual([...CALLOUT_VARIANT_NAMES].sort());
  });
});
