import Link from 'next/link';
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { ThemeProvider } from '@/components/layout/ThemeProvider';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Keyspace: learn ElastiCache by doing', template: '%s · Keyspace' },
  description:
    'Interactive lessons, a live Valkey sandbox and interview drills for Amazon ElastiCache, Valkey, Redis OSS and Memcached.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#020617' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // next-themes sets the class on <html> before hydration, hence the warning suppression.
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-accent focus:px-3 focus:py-2 focus:text-accent-fg"
        >
          Skip to content
        </a>
        <ThemeProvider>
          <SiteHeader />
          <main id="main">{children}</main>
          <footer className="mx-auto mt-16 max-w-7xl border-t border-line px-4 py-6 text-sm text-muted sm:px-6">
            <nav aria-label="Footer" className="flex flex-wrap gap-4">
              <Link href="/learn" className="hover:underline">
                All lessons
              </Link>
              <Link href="/authoring" className="hover:underline">
                Authoring guide
              </Link>
            </nav>
          </footer>
        </ThemeProvider>
      </body>
    </html>
  );
}
