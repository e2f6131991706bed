import Link from 'next/link';
import { MainNav } from './MainNav';

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-20 border-b border-line bg-white/90 backdrop-blur dark:bg-slate-950/90">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-0.5 px-2 sm:gap-6 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden="true" className="rounded bg-accent px-1.5 py-0.5 font-mono text-xs text-accent-fg">
            ks
          </span>
          {/* Visually hidden on phones, where the badge alone leaves room for the navigation. */}
          <span className="sr-only sm:not-sr-only">Keyspace</span>
        </Link>
        <MainNav />
      </div>
    </header>
  );
}
