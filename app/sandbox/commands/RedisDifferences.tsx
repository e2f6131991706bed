import { redisDifferences } from '@/lib/sandbox/command-listing';

/**
 * The Redis OSS engine: the same rules as Valkey (one pipeline, one table), so its table is
 * Valkey's; what differs is only what redis-server 7.0 lacks, listed with what the sandbox does.
 */
export function RedisDifferences({ headingId, valkeyHeadingId }: { headingId: string; valkeyHeadingId: string }) {
  const differences = redisDifferences();
  return (
    <section aria-labelledby={headingId} className="mt-10">
      <h2 id={headingId} className="scroll-mt-20 text-2xl font-semibold tracking-tight">
        Redis OSS 7.0
      </h2>
      <p className="mt-2 max-w-3xl text-muted">
        The Redis OSS engine runs redis-server 7.0 through the same rules as Valkey: the same key prefixes, limits,
        emulated commands and refusals, in the same words. Its commands are the{' '}
        <a href={`#${valkeyHeadingId}`} className="text-accent-text underline underline-offset-2">
          Valkey 8 table
        </a>
        , except these {differences.length}, which Redis OSS 7.0 does not have (they came with Redis 7.2 or with Valkey
        8). The sandbox refuses each of them before it reaches a server, so both engines answer them alike; on a bare
        redis-server 7.0 they would be unknown commands or subcommands.
      </p>
      <ul className="mt-4 space-y-2 text-sm">
        {differences.map((command) => (
          <li key={command.name}>
            <span className="font-mono font-medium">{command.name}</span>: {command.why}
          </li>
        ))}
      </ul>
    </section>
  );
}
