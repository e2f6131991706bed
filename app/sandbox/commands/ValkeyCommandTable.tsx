import { commandListing, type CommandStatus } from '@/lib/sandbox/command-listing';
import { HeaderCell, ScrollableTable } from './ScrollableTable';

export const STATUS_LABELS: Record<CommandStatus, string> = {
  runs: 'Runs, on your keys',
  emulated: 'Runs, on your keys only (answered by the sandbox)',
  live: 'Runs live, on your own channels',
  refused: 'Refused',
};

/** Every Valkey 8 command of the rules table, with its status and why not (or its bounds). */
export function ValkeyCommandTable({ headingId }: { headingId: string }) {
  const commands = commandListing();
  const counts = (status: CommandStatus) => commands.filter((command) => command.status === status).length;
  return (
    <section aria-labelledby={headingId} className="mt-10">
      <h2 id={headingId} className="scroll-mt-20 text-2xl font-semibold tracking-tight">
        Valkey 8
      </h2>
      <p className="mt-2 max-w-3xl text-muted">
        Every command of the Valkey 8 server behind the console: {counts('runs')} run on your own keys,{' '}
        {counts('emulated')} are answered by the sandbox from your keys only, {counts('live')} are pub/sub on your own
        channels (a subscribed console receives messages as they arrive), and {counts('refused')} are refused, each with
        the reason the console gives. A command that is not listed does not exist in Valkey 8, and the console answers
        it as Valkey does.
      </p>
      <ScrollableTable
        label="Commands and whether they run in the sandbox"
        caption="Each command, whether it runs in the sandbox, and why not"
      >
        <thead>
          <tr className="border-b border-line-strong">
            <HeaderCell>Command</HeaderCell>
            <HeaderCell>In the sandbox</HeaderCell>
            <HeaderCell last>Why not, or bounds</HeaderCell>
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
      </ScrollableTable>
    </section>
  );
}
