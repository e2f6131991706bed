/**
 * The ElastiCache command builder: turns the form's fields into an `aws elasticache` command,
 * written as the brief writes it (one flag per line, two-space indent, ` \` continuations), with
 * the rules' errors and warnings and one explained line per flag it wrote.
 */
import { FLAGS, type CliInput, type FlagSpec, type LessonLink } from './cli-flags';
import { checkCliInput, type CliIssue } from './cli-rules';

export interface ExplainedFlag {
  flag: string;
  /** The words after the flag as written in the command ('' for a switch). */
  value: string;
  explains: string;
  lesson: LessonLink;
}

export interface CliBuild {
  command: string;
  errors: CliIssue[];
  warnings: CliIssue[];
  flags: ExplainedFlag[];
}

/** Characters a shell leaves alone outside quotes; anything else is quoted. */
const SHELL_SAFE = /^[A-Za-z0-9_\-.,:/=@%+]+$/;

/** One shell word: as is when safe, else double-quoted (single-quoted when `!` would trigger history expansion). */
export function shellWord(value: string): string {
  if (SHELL_SAFE.test(value)) return value;
  if (value.includes('!')) return `'${value.replace(/'/g, `'\\''`)}'`;
  return `"${value.replace(/[\\"$`]/g, '\\$&')}"`;
}

/** The CLI's shorthand for Serverless usage limits, e.g. DataStorage={Maximum=100,Unit=GB},ECPUPerSecond={Maximum=5000}. */
function usageLimits(input: CliInput): string | null {
  const parts = [];
  if (input.maxDataStorageGb !== undefined) parts.push(`DataStorage={Maximum=${input.maxDataStorageGb},Unit=GB}`);
  if (input.maxEcpuPerSecond !== undefined) parts.push(`ECPUPerSecond={Maximum=${input.maxEcpuPerSecond}}`);
  return parts.length ? parts.join(',') : null;
}

/** The words a flag writes, or null when the field is unset (or a switch that is off). */
function flagValue(spec: FlagSpec, input: CliInput): string | null {
  const raw = input[spec.field];
  switch (spec.kind) {
    case 'switch':
      return raw === true ? '' : null;
    case 'list':
      return Array.isArray(raw) && raw.length > 0 ? raw.map(shellWord).join(' ') : null;
    case 'usage-limits': {
      const limits = usageLimits(input);
      // Braces and commas would be expanded by the shell: the value is always quoted.
      return limits === null ? null : `'${limits}'`;
    }
    default:
      return raw === undefined || raw === '' ? null : shellWord(String(raw));
  }
}

/** Input with the engine filled in as the form shows it: each command has its natural default. */
function withDefaults(input: CliInput): CliInput {
  if (input.engine) return input;
  return { ...input, engine: input.command === 'create-cache-cluster' ? 'memcached' : 'valkey' };
}

export function buildCliCommand(given: CliInput): CliBuild {
  const input = withDefaults(given);
  const flags: ExplainedFlag[] = [];
  for (const spec of FLAGS[input.command]) {
    const value = flagValue(spec, input);
    if (value !== null) flags.push({ flag: spec.flag, value, explains: spec.explains, lesson: spec.lesson });
  }
  const lines = [
    `aws elasticache ${input.command}`,
    ...flags.map(({ flag, value }) => `  ${value ? `${flag} ${value}` : flag}`),
  ];
  const { errors, warnings } = checkCliInput(input);
  return { command: lines.join(' \\\n'), errors, warnings, flags };
}
