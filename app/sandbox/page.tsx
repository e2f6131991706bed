import type { Metadata } from 'next';
import { CommandReferenceLink } from '@/components/sandbox/CommandReferenceLink';
import { KeyBrowser } from '@/components/sandbox/KeyBrowser';
import { Repl } from '@/components/sandbox/Repl';
import { SandboxProvider } from '@/components/sandbox/SandboxProvider';

export const metadata: Metadata = { title: 'Sandbox' };

export default function SandboxPage() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Sandbox</h1>
      {/* The provider holds the console's engine, which the link to the command reference follows. */}
      <SandboxProvider>
        <p className="mt-2 max-w-3xl text-slate-600 dark:text-slate-300">
          A console on real servers: Valkey 8, and with the engine switch Redis OSS 7 or Memcached 1.6, to try the same
          task on each. Your keys live in a space of your own on every engine: other learners cannot see them and you
          cannot see theirs. FLUSHALL, FLUSHDB, KEYS and SCAN (and Memcached&apos;s flush_all) work on your own keys
          only; commands that would affect everyone (CONFIG, SHUTDOWN, SWAPDB…) are refused with an explanation.{' '}
          <CommandReferenceLink />.
        </p>
        <div className="mt-6 grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <Repl className="h-[32rem]" />
          <KeyBrowser className="max-h-[24rem] lg:h-[32rem] lg:max-h-none" />
        </div>
      </SandboxProvider>
    </div>
  );
}
