/**
 * Joins the truthy class names. A tiny stand-in for clsx + tailwind-merge (not installed): it does
 * not resolve conflicts, so a caller adds classes a primitive does not set rather than overriding them.
 */
export function cn(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(' ');
}
