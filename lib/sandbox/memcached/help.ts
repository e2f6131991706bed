/**
 * The console's `help` on the Memcached engine. memcached itself has no help command (it answers
 * ERROR), so this is the sandbox's own, marked `(help)`: `help` lists the commands with their
 * syntax, the refused ones by name; `help <command>` gives one command's syntax, summary and, for
 * a refused one, why. Read from the command table (protocol-commands.ts, refused-commands.ts).
 */
import { REFUSED_STATS_GROUPS } from './commands';
import { MEMCACHED_COMMANDS, type MemcachedCommandDoc } from './protocol-commands';
import { memcachedCommandDoc, REFUSED_MEMCACHED_COMMANDS } from './refused-commands';

const usage = (doc: MemcachedCommandDoc) => `${doc.name} ${doc.syntax}`.trim();

function commandList(): string {
  return [
    '(help) memcached has no help command: this is the sandbox\'s list of its text protocol. Type "help <command>" for one.',
    ...MEMCACHED_COMMANDS.map(usage),
    `refused in the sandbox: ${REFUSED_MEMCACHED_COMMANDS.map((doc) => doc.name).join(' ')}`,
  ].join('\n');
}

function describe(doc: MemcachedCommandDoc): string {
  const lines = [usage(doc), doc.summary];
  if (doc.refused) lines.push(`Refused in the sandbox: ${doc.refused}.`);
  if (doc.name === 'stats')
    lines.push(`Refused here: stats ${REFUSED_STATS_GROUPS.join(', ')} (they show the whole server).`);
  return lines.join('\n');
}

/** The console's answer to `help [command ...]`: ok false when a name is not one of memcached's commands. */
export function memcachedHelp(topics: readonly string[]): { ok: boolean; text: string } {
  if (topics.length === 0) return { ok: true, text: commandList() };
  const parts: string[] = [];
  let ok = true;
  for (const topic of topics) {
    const doc = memcachedCommandDoc(topic);
    if (doc) parts.push(describe(doc));
    else {
      ok = false;
      const lower = memcachedCommandDoc(topic.toLowerCase());
      parts.push(
        lower
          ? `(error) memcached has no command "${topic}": its commands are lower case. Try "help ${lower.name}".`
          : `(error) memcached has no command "${topic}". Type "help" for the list.`,
      );
    }
  }
  return { ok, text: parts.join('\n\n') };
}
