import type { ReactNode } from 'react';
import { cn } from './cn';

const SIZES = { sm: 'prose-sm', base: '' } as const;

/**
 * Typography for lesson text and server-rendered Markdown. `html` must come from our own renderers
 * (MDX, or micromark, which escapes raw HTML in the Markdown); never pass learner input.
 */
export function Prose({
  children,
  html,
  size = 'base',
  className,
  testId,
}: {
  children?: ReactNode;
  html?: string;
  size?: keyof typeof SIZES;
  className?: string;
  testId?: string;
}) {
  const classes = cn(
    'prose prose-slate max-w-none dark:prose-invert prose-code:before:content-none prose-code:after:content-none prose-pre:bg-slate-900 [&_pre:focus-visible]:outline [&_pre:focus-visible]:outline-2 [&_pre:focus-visible]:outline-ring',
    SIZES[size],
    className,
  );
  if (html !== undefined)
    return <div data-testid={testId} className={classes} dangerouslySetInnerHTML={{ __html: html }} />;
  return (
    <div data-testid={testId} className={classes}>
      {children}
    </div>
  );
}
