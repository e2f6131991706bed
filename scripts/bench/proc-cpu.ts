/**
 * CPU time of the app's processes (Next.js and the two Valkey servers) from /proc, so the report
 * shows where the two cores went. Linux only; elsewhere every reading is null and the report
 * simply leaves those columns out.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

let ticksPerSecond: number | null = null;

function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** [parent pid, user + system ticks] of a process, or null if it is gone. */
function readStat(pid: number): [number, number] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses; fields after it are plain.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return [Number(fields[1]), Number(fields[11]) + Number(fields[12])];
  } catch {
    return null;
  }
}

/** A process and all its descendants. */
function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (!stat) continue;
    const list = children.get(stat[0]) ?? [];
    list.push(Number(entry));
    children.set(stat[0], list);
  }
  const tree: number[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function readPid(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export interface AppProcesses {
  /** Role name → pids (Next.js with its workers; each Valkey server). */
  groups: Record<string, number[]>;
}

/** Finds the app's processes through the pidfiles `npm start` writes in the profile's folder. */
export function findAppProcesses(profileDir: string): AppProcesses | null {
  if (!existsSync('/proc/self/stat')) return null;
  const groups: Record<string, number[]> = {};
  const next = readPid(path.join(profileDir, 'next.pid'));
  if (next) groups.next = processTree(next);
  for (const role of ['sandbox', 'app'] as const) {
    const pid = readPid(path.join(profileDir, role, 'valkey.pid'));
    if (pid) groups[`valkey-${role}`] = [pid];
  }
  return Object.keys(groups).length > 0 ? { groups } : null;
}

/** Seconds of CPU the whole machine has been busy (all CPUs), from the first line of /proc/stat. */
function machineBusySeconds(): number | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    // user nice system idle iowait irq softirq steal (guest time is already counted in user).
    const busy = fields.slice(0, 8).reduce((sum, value, i) => (i === 3 || i === 4 ? sum : sum + value), 0);
    return busy / clockTicks();
  } catch {
    return null;
  }
}

/** The key under which sampleCpu reports the whole machine's busy time. */
export const MACHINE = 'machine';

/** Seconds of CPU used so far by each group, and by the whole machine under MACHINE. */
export function sampleCpu(processes: AppProcesses | null): Record<string, number> | null {
  if (!processes) return null;
  const seconds: Record<string, number> = {};
  for (const [role, pids] of Object.entries(processes.groups)) {
    let ticks = 0;
    for (const pid of pids) ticks += readStat(pid)?.[1] ?? 0;
    seconds[role] = ticks / clockTicks();
  }
  const machine = machineBusySeconds();
  if (machine !== null) seconds[MACHINE] = machine;
  return seconds;
}
