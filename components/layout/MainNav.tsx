'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import { ThemeToggle } from './ThemeToggle';

const SECTIONS = [
  { href: '/learn', label: 'Learn' },
  { href: '/sandbox', label: 'Sandbox' },
  { href: '/labs/cluster', label: 'Lab' },
  { href: '/tools', label: 'Tools' },
  { href: '/drills', label: 'Drills' },
  { href: '/interview', label: 'Interview' },
  { href: '/progress', label: 'Progress' },
];

/** The section a path belongs to: a lesson (/learn/<slug>) is in Learn. */
const isInSection = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

/**
 * The site's sections; the one the page belongs to is marked for sight and for screen readers.
 * At 360 px the seven items and the theme toggle fill the header (11 px text below `sm`): another
 * item needs a different design, such as a menu.
 */
export function MainNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="ml-auto flex items-center sm:gap-2">
      {SECTIONS.map((item) => {
        const current = isInSection(pathname, item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? 'page' : undefined}
            className={cn(
              'min-w-6 rounded-md px-0.5 py-1.5 text-center text-[11px] hover:bg-surface-hover hover:text-slate-950 focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring sm:px-3 sm:text-sm dark:hover:text-white',
              current
                ? 'bg-surface-hover font-semibold text-slate-950 underline decoration-accent-line decoration-2 underline-offset-[6px] dark:text-white'
                : 'text-slate-700 dark:text-slate-300',
            )}
          >
            {item.label}
          </Link>
        );
      })}
      <ThemeToggle />
    </nav>
  );
}
