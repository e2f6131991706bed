import type { ComponentPropsWithoutRef } from 'react';

/**
 * Every fenced code block. Long lines scroll sideways, and a region that scrolls must be reachable
 * by keyboard (WCAG 2.1.1), so the block takes focus and shows it.
 */
export function CodeBlock(props: ComponentPropsWithoutRef<'pre'>) {
  return (
    <pre
      tabIndex={0}
      {...props}
      className={`${props.className ?? ''} focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring`}
    />
  );
}
