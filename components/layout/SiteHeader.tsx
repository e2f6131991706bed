import Link from 'next/link';
import { ThemeToggle } from './ThemeToggle';

const NAV = [
  { href: '/learn', label: 'Learn' },
  { href: '/sandbox', label: 'Sandbox' },
  { href: '/labs/cluster', label: 'Lab' },
  { href: '/drills', label: 'Drills' },
  { href: '/interview', label: 'Interview' },
];

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-20 border-b border-line bg-white/90 backdrop-blur dark:bg-slate-950/90">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-1 px-2 sm:gap-6 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden="true" className="rounded bg-accent px-1.5 py-0.5 font-mono text-xs text-accent-fg">
            ks
          </span>
          {/* Visually hidden on phones, where the badge alone leaves room for the navigation. */}
          <span className="sr-only sm:not-sr-only">Keyspace</span>
        </Link>
        <nav aria-label="Main" className="ml-auto flex items-center sm:gap-2">
          {NAV.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              className="rounded-md px-1 py-1.5 text-sm text-slate-700 hover:bg-surface-hover hover:text-slate-950 focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring sm:px-3 dark:text-slate-300 dark:hover:text-white"
            >
              {item.label}
            </Link>
          ))}
          <ThemeToggle />
        </nav>
      </div>
    </header>
  );
}
