/**
 * What the sandbox does with a command name: run it (with its keys rewritten), emulate it within
 * the learner's own keys, or refuse it with a reason and, where there is one, what to do instead.
 * The rules are in command-table.ts. Names are matched case-insensitively, as Valkey does.
 */
import {
  commandRule,
  keyLocator,
  SANDBOX_COMMANDS,
  unknownCommandMessage,
  type CommandTable,
  type EmulatedCommand,
  type KeyParser,
  type RunRule,
} from './command-table';

export type { EmulatedCommand } from './command-table';

export type CommandVerdict =
  | { action: 'run'; keys: KeyParser; rule: RunRule }
  | { action: 'emulate'; command: EmulatedCommand }
  | { action: 'live' }
  /** `unknown`: the server has no such command either (its own error text, not a Keyspace refusal). */
  | { action: 'refuse'; message: string; unknown?: true };

export function judgeCommand(
  rawName: string,
  args: readonly Buffer[] = [],
  table: CommandTable = SANDBOX_COMMANDS,
): CommandVerdict {
  const name = rawName.toLowerCase();
  const rule = commandRule(name, table);
  if (!rule)
    return {
      action: 'refuse',
      message: unknownCommandMessage(args.length > 0 ? args : [Buffer.from(rawName)]),
      unknown: true,
    };
  switch (rule.action) {
    case 'run': {
      const sub = args[1]?.toString('latin1').toLowerCase() ?? '';
      // A refused subcommand of a container gets its reason; an unknown one goes to the server.
      if (rule.refusedSubcommands?.names.includes(sub))
        return {
          action: 'refuse',
          message: `ERR ${name.toUpperCase()} ${sub.toUpperCase()} is disabled in the Keyspace sandbox: ${rule.refusedSubcommands.why}`,
        };
      return { action: 'run', keys: keyLocator(rule, args), rule };
    }
    case 'emulate':
      return { action: 'emulate', command: name as EmulatedCommand };
    case 'live':
      return { action: 'live' };
    case 'refuse':
      return { action: 'refuse', message: rule.message(name.toUpperCase()) };
  }
}
