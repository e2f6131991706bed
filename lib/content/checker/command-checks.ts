/**
 * The content checker's rules for command lines, from the files alone: every <Run> (on its engine),
 * <LabRun> and solution step must be a command the sandbox or the lab would run, within its limits.
 * The live pass (live-checks.ts) then runs the Redis OSS and Memcached blocks on their engines.
 */
import { checkArguments } from '@/lib/sandbox/argument-limits';
import { memcachedCommandProblem } from '@/lib/sandbox/memcached-reference';
import { isSandboxEngine, SANDBOX_ENGINES, type SandboxEngine } from '@/lib/sandbox/engines';
import { sandboxLimits } from '@/lib/sandbox/limits';
import { parseCommandLine } from '@/lib/sandbox/parse';
import { judgeCommand } from '@/lib/sandbox/policy';
import { LAB_COMMANDS } from '@/lib/labs/cluster/lab-commands';
import { isPatternsPreset, PATTERNS_PRESET_IDS } from '@/lib/labs/patterns/presets';
import type { MdxIndex } from '../mdx-index';
import type { ContentProblem } from './problems';

/** A <Run engine="redis|memcached"> block, for the live pass to run on its engine in the lesson's order. */
export interface EngineRun {
  file: string;
  line: number;
  command: string;
  engine: Exclude<SandboxEngine, 'valkey'>;
}

/**
 * Why a command line cannot be a <Run> or a solution step, or null when the sandbox would run it.
 * Redis OSS goes through the same pipeline and table as Valkey; Memcached has its own language.
 */
export function commandProblem(
  line: string,
  where: 'sandbox' | 'lab' = 'sandbox',
  engine: SandboxEngine = 'valkey',
): string | null {
  if (engine === 'memcached') return memcachedCommandProblem(line);
  if (/[\r\n]/.test(line)) return 'holds more than one line: give each command its own <Run>';
  const parsed = parseCommandLine(line);
  if (!parsed.ok) return `does not parse as valkey-cli would read it (${parsed.error}): check its quotes`;
  if (parsed.args.length === 0) return 'is empty';
  const name = (parsed.args[0] as Buffer).toString('utf8');
  const table = where === 'lab' ? LAB_COMMANDS : undefined;
  const verdict = judgeCommand(name, parsed.args, table);
  if (verdict.action === 'refuse')
    return `is refused by the ${where}: ${verdict.message.replace(/^ERR /, '')} Show it as a code block instead.`;
  const limitError = checkArguments(name.toLowerCase(), parsed.args, sandboxLimits(), table);
  if (limitError) return `breaks a sandbox limit: ${limitError.replace(/^ERR /, '')}`;
  return null;
}

/** Every <Run>, <LabRun>, <LabPanel> and <PatternsLab> of a page; valid Redis OSS and Memcached runs are queued in `engineRuns`. */
export function checkRuns(file: string, index: MdxIndex, problems: ContentProblem[], engineRuns: EngineRun[]) {
  for (const run of index.runs) {
    if (run.command === null) continue; // reported above as a missing attribute
    if (run.engine !== null && !isSandboxEngine(run.engine)) {
      problems.push({
        file,
        line: run.line,
        message: `<Run engine="${run.engine}"> is not an engine: use ${SANDBOX_ENGINES.join(', ')} (or leave it out for valkey)`,
      });
      continue;
    }
    const engine = run.engine ?? 'valkey';
    const problem = commandProblem(run.command, 'sandbox', engine);
    if (problem)
      problems.push({
        file,
        line: run.line,
        message: `<Run${engine === 'valkey' ? '' : ` engine="${engine}"`} command="${run.command}"> ${problem}`,
      });
    else if (engine !== 'valkey') engineRuns.push({ file, line: run.line, command: run.command, engine });
  }
  // <LabRun> commands run in the learner's lab, under the lab's rules, in cluster mode or at an endpoint.
  for (const element of index.elements.filter((each) => each.name === 'LabRun' || each.name === 'LabPanel')) {
    const { command, mode, shape, shard, replicaOf } = element.attributes;
    if (element.name === 'LabPanel' && shape !== undefined && shape !== 'cluster' && shape !== 'replication')
      problems.push({
        file,
        line: element.line,
        message: `<LabPanel shape="${String(shape)}"> is not a lab shape: use cluster or replication`,
      });
    if (
      element.name === 'LabRun' &&
      mode !== undefined &&
      !['cluster', 'primary', 'reader', 'node'].includes(mode as string)
    )
      problems.push({
        file,
        line: element.line,
        message: `<LabRun mode="${String(mode)}"> is not a mode: use cluster, primary, reader or node (with shard="1" to "3")`,
      });
    if (element.name === 'LabRun' && replicaOf !== undefined) {
      if (
        (mode !== undefined && mode !== 'node') ||
        shard !== undefined ||
        typeof replicaOf !== 'string' ||
        replicaOf === ''
      )
        problems.push({
          file,
          line: element.line,
          message: `<LabRun replicaOf="key"> runs on a replica of the shard that owns that key: give a key, and no shard (mode, if any, "node")`,
        });
    } else if (element.name === 'LabRun' && (mode === 'node') !== ['1', '2', '3'].includes(String(shard)))
      problems.push({
        file,
        line: element.line,
        message: `<LabRun> runs on one node with mode="node" and shard="1" to "3" (that shard's primary), both or neither`,
      });
    const problem = element.name === 'LabRun' && typeof command === 'string' ? commandProblem(command, 'lab') : null;
    if (problem)
      problems.push({ file, line: element.line, message: `<LabRun command="${String(command)}"> ${problem}` });
  }
  for (const element of index.elements.filter((each) => each.name === 'PatternsLab')) {
    const { preset } = element.attributes;
    if (typeof preset === 'string' && !isPatternsPreset(preset))
      problems.push({
        file,
        line: element.line,
        message: `<PatternsLab preset="${preset}"> is not a preset: use one of ${PATTERNS_PRESET_IDS.join(', ')} (lib/labs/patterns/presets.ts)`,
      });
  }
}
