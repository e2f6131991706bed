import { memcachedCommandListing, type MemcachedCommandListing } from '@/lib/sandbox/command-listing';
import { HeaderCell, ScrollableTable } from './ScrollableTable';
import { STATUS_LABELS } from './ValkeyCommandTable';

/** Every Memcached command the sandbox knows (protocol-commands.ts, refused-commands.ts): syntax, status, what or why not. */
export function MemcachedCommandTable({ headingId }: { headingId: string }) {
  const commands = memcachedCommandListing();
  const counts = (status: MemcachedCommandListing['status']) =>
    commands.filter((command) => command.status === status).length;
  return (
    <section aria-labelledby={headingId} className="mt-10">
      <h2 id={headingId} className="scroll-mt-20 text-2xl font-semibold tracking-tight">
        Memcached 1.6
      </h2>
      <p className="mt-2 max-w-3xl text-muted">
        The text-protocol commands of the memcached 1.6 server behind the console: {counts('runs')} run on your own
        keys, {counts('emulated')} are answered by the sandbox from your keys only, and {counts('refused')} are refused,
        each with the reason the console gives. Memcached&apos;s command names are lower case: <code>SET</code> is not{' '}
        <code>set</code>, and memcached answers <code>ERROR</code> to it, as to any command not listed here. A storage
        command&apos;s data block follows its header on the next line (Shift+Enter in the console).
      </p>
      <ScrollableTable
        label="Memcached commands and whether they run in the sandbox"
        caption="Each Memcached command, its arguments, whether it runs in the sandbox, and what it does or why not"
      >
        <thead>
          <tr className="border-b border-line-strong">
            <HeaderCell>Command</HeaderCell>
            <HeaderCell>Arguments</HeaderCell>
            <HeaderCell>In the sandbox</HeaderCell>
            <HeaderCell last>What it does, or why not</HeaderCell>
          </tr>
        </thead>
        <tbody>
          {commands.map((command) => (
            <tr key={command.name} className="border-b border-line align-top">
              <th scope="row" className="py-1.5 pr-4 font-mono font-medium">
                {command.name}
              </th>
              <td className="py-1.5 pr-4 font-mono text-xs break-words">{command.syntax}</td>
              <td className="py-1.5 pr-4">{STATUS_LABELS[command.status]}</td>
              <td className="py-1.5 break-words text-muted">{command.why ?? command.summary}</td>
            </tr>
          ))}
        </tbody>
      </ScrollableTable>
    </section>
  );
}
