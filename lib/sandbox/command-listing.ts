/**
 * Every command the sandbox knows, as the command reference page lists it: runs on the server
 * within the learner's keys, answered by the app within the learner's keys (emulated), or refused,
 * with the one sentence the console gives as the reason. Read from the command table, so the page
 * and the console can never disagree.
 */
import { SANDBOX_COMMANDS, type CommandTable } from './command-table';

export type CommandStatus = 'runs' | 'emulated' | 'live' | 'refused';

export interface CommandListing {
  /** In upper case, as learners type it in the lessons. */
  name: string;
  status: CommandStatus;
  /** For a refused command, the console's reason without the leading "ERR". */
  why?: string;
  /** For a live (pub/sub) command, what it reaches and its bounds. */
  bounds?: string;
}

export function commandListing(table: CommandTable = SANDBOX_COMMANDS): CommandListing[] {
  return Object.entries(table)
    .map(([lowerName, rule]): CommandListing => {
      const name = lowerName.toUpperCase();
      if (rule.action === 'refuse') return { name, status: 'refused', why: rule.message(name).replace(/^ERR /, '') };
      if (rule.action === 'live') return { name, status: 'live', bounds: rule.bounds };
      return { name, status: rule.action === 'emulate' ? 'emulated' : 'runs' };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
