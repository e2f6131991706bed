import type { Metadata } from 'next';
import Link from 'next/link';
import { commandListing, type CommandStatus } from '@/lib/sandbox/command-listing';

export const metadata: Metadata = {
  title: 'Commands in the sandbox',
  description: 'Every Valkey 8 command and whether it runs in the Keyspace sandbox, and if not, why.',
};

const STATUS_LABELS: Record<CommandStatus, string> = {
  runs: 'Runs, on your keys',
  emulated: 'Runs, on your keys only (answered by the sandbox)',
  live: 'Runs live, on your own channels',
  refused: 'Refused',
};

export default function SandboxCommandsPage() {
  const commands = commandListing();
  const counts = (status: CommandStatus) => commands.filter((command) => command.status === status).length;
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <p className="text-sm">
        <Link href="/sandbox" className="text-accent-text underline underline-offset-2">
          Back to the sandbox
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Commands in the sandbox</h1>
      <p className="mt-2 max-w-3xl text-muted">
        Every command of the Valkey 8 server behind the console: {counts('runs')} run on your own keys,{' '}
        {counts('emulated')} are answered by the sandbox from your keys only, {counts('live')} are pub/sub on your own
        channels (a subscribed console receives messages as they arrive), and {counts('refused')} are refused, each with
        the reason the console gives. A command that is not listed does not exist in Valkey 8, and the console answers
        it as Valkey does.
      </p>
      {/* Focusable, so that a keyboard can scroll the table sideways on a narrow screen. */}
      <div
        className="mt-6 overflow-x-auto rounded-sm focus-visible:outline-2 focus-visible:outline-ring"
        tabIndex={0}
        role="region"
        aria-label="Commands and whether they run in the sandbox"
      >
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Each command, whether it runs in the sandbox, and why not</caption>
          <thead>
            <tr className="border-b border-line-strong">
              <th scope="col" className="py-2 pr-4 font-semibold">
                Command
              </th>
              <th scope="col" className="py-2 pr-4 font-semibold">
                In the sandbox
              </th>
              <th scope="col" className="py-2 font-semibold">
                Why not, or bounds
              </th>
            </tr>
          </thead>
          <tbody>
            {commands.map((command) => (
              <tr key={command.name} className="border-b border-line align-top">
                <th scope="row" className="py-1.5 pr-4 font-mono font-medium">
                  {command.name}
                </th>
                <td className="py-1.5 pr-4">{STATUS_LABELS[command.status]}</td>
                <td className="py-1.5 break-words text-muted">{command.why ?? command.bounds ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
