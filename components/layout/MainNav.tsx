'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { cn } from '@/components/ui/cn';
import { ThemeToggle } from './ThemeToggle';

const SECTIONS = [
  { href: '/learn', label: 'Learn' },
  { href: '/sandbox', label: 'Sandbox' },
  { href: '/labs', label: 'Labs' },
  { href: '/tools', label: 'Tools' },
  { href: '/drills', label: 'Drills' },
  { href: '/interview', label: 'Interview' },
  { href: '/progress', label: 'Progress' },
];

/** The section a path belongs to: a lesson (/learn/<slug>) is in Learn, a lab (/labs/cluster) in Labs. */
const isInSection = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

const LINK =
  'rounded-md hover:bg-surface-hover hover:text-slate-950 focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring dark:hover:text-white';
const CURRENT =
  'bg-surface-hover font-semibold text-slate-950 underline decoration-accent-line decoration-2 underline-offset-[6px] dark:text-white';
const OTHER = 'text-slate-700 dark:text-slate-300';

/**
 * The site's sections; the one the page belongs to is marked for sight and for screen readers.
 * From `lg` up they sit in the header; below it, where eight items do not fit at a readable size,
 * a "Menu" button opens them as a list (Escape or a click outside closes it, focus returns to the
 * button). The theme toggle stays in view at every width.
 */
export function MainNav() {
  const pathname = usePathname();
  // The menu is open on the page it was opened on: following any link (or Back) closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (value: boolean) => setOpenOn(value ? pathname : null);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const nav = useRef<HTMLElement>(null);
  const current = SECTIONS.find((item) => isInSection(pathname, item.href));

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpenOn(null);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!nav.current?.contains(event.target as Node)) setOpenOn(null);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <nav ref={nav} aria-label="Main" className="relative ml-auto flex items-center gap-1 lg:gap-2">
      <ul className="hidden items-center gap-2 lg:flex">
        {SECTIONS.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item === current ? 'page' : undefined}
              className={cn(LINK, 'block px-3 py-1.5 text-sm', item === current ? CURRENT : OTHER)}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={current ? `Menu, current section: ${current.label}` : 'Menu'}
        onClick={() => setOpen(!open)}
        className={cn(LINK, 'flex items-center gap-2 border border-line px-3 py-1.5 text-sm lg:hidden')}
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor">
          <path d={open ? 'M3 3l10 10M13 3L3 13' : 'M2 4h12M2 8h12M2 12h12'} strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        Menu
      </button>
      <ul
        id={menuId}
        hidden={!open}
        className="absolute top-full right-0 z-30 mt-2 w-56 rounded-lg border border-line bg-white p-2 shadow-lg lg:hidden dark:bg-slate-900"
      >
        {SECTIONS.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item === current ? 'page' : undefined}
              onClick={() => setOpen(false)}
              className={cn(LINK, 'block px-3 py-2.5 text-base', item === current ? CURRENT : OTHER)}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
      <ThemeToggle />
    </nav>
  );
}
