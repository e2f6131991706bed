import type { Metadata } from 'next';
import { Repl } from '@/components/sandbox/Repl';
import { SandboxProvider } from '@/components/sandbox/SandboxProvider';

export const metadata: Metadata = { title: 'Sandbox' };

export default function SandboxPage() {
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Sandbox</h1>
      <p className="mt-2 max-w-3xl text-slate-600 dark:text-slate-300">
        A console on a real Valkey 8 server. Your keys live in a space of your own: other learners cannot see them and you cannot see
        theirs. Commands that would affect everyone (FLUSHALL, CONFIG, SHUTDOWN…) are refused with an explanation.
      </p>
      <SandboxProvider>
        <Repl className="mt-6 h-[32rem]" />
      </SandboxProvider>
    </div>
  );
}
