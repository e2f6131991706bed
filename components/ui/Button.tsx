import type { ComponentPropsWithRef } from 'react';
import { cn } from './cn';

/** Variants and sizes as data; every button and button-looking link shares the base and its one focus ring. */
const BASE =
  'inline-flex items-center justify-center rounded-md font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring disabled:opacity-60';

const VARIANTS = {
  primary: 'bg-accent text-accent-fg hover:bg-accent-hover',
  secondary: 'border border-line-strong hover:bg-surface-hover',
  ghost: 'hover:bg-surface-hover',
} as const;

const SIZES = {
  xs: 'px-3 py-1 text-xs',
  sm: 'px-3 py-1.5',
  md: 'px-4 py-2',
  lg: 'min-h-11 px-5 py-2',
} as const;

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;

export interface ButtonStyle {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
}

export function buttonClass({ variant = 'primary', size = 'md', className }: ButtonStyle = {}): string {
  return cn(BASE, VARIANTS[variant], SIZES[size], className);
}

/** For a `<Link>` or `<a>` that looks like a button: `<Link href="/drills" {...buttonProps({ size: 'sm' })}>`. */
export function buttonProps(style: ButtonStyle = {}): {
  className: string;
  'data-variant': ButtonVariant;
  'data-size': ButtonSize;
} {
  return { className: buttonClass(style), 'data-variant': style.variant ?? 'primary', 'data-size': style.size ?? 'md' };
}

type ButtonProps = ComponentPropsWithRef<'button'> & Omit<ButtonStyle, 'className'>;

export function Button({ variant = 'primary', size = 'md', className, type = 'button', ...props }: ButtonProps) {
  return (
    <button
      type={type}
      data-variant={variant}
      data-size={size}
      className={buttonClass({ variant, size, className })}
      {...props}
    />
  );
}
