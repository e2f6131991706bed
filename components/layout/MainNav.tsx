'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import { ThemeToggle } from './ThemeToggle';

const SECTIONS: { href: string; label: string; section?: string }[] = [
  { href: '/learn', label: 'Learn' },
  { href: '/sandbox', label: 'Sandbox' },
  // Every lab (/labs/cluster, /labs/patterns) is in this section; each lab page links to the others.
  { href: '/labs/cluster', label: 'Lab', section: '/labs' },
  { href: '/drills', label: 'Drills' },
  { href: '/interview', label: 'Interview' },
  { href: '/progress', label: 'Progress' },
];

/** The section a path belongs to: a lesson (/learn/<slug>) is in Learn. */
const isInSection = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

/** The site's sections; the one the page belongs to is marked for sight and for screen readers. */
export function MainNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="ml-auto flex items-center sm:gap-2">
      {SECTIONS.map((item) => {
        const current = isInSection(pathname, item.section ?? item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? 'page' : undefined}
            className={cn(
              'rounded-md px-0.5 py-1.5 text-xs hover:bg-surface-hover hover:text-slate-950 focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring sm:px-3 sm:text-sm dark:hover:text-white',
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
