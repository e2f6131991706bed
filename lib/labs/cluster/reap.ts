/**
 * Labs left behind by an app that was killed outright (SIGKILL, a crash): found by their folders
 * under `.data/labs/`, each with the pid of the app that owned it, and stopped once that app is
 * gone. Each node is stopped through its pidfile, and only if that pid is a valkey-server
 * (local-server.ts's stopLeftoverProcess), so a reused pid is never killed.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { stopLeftoverProcess } from '../../servers/local-server';
import { isProcessAlive } from '../../servers/profile-lock';

/** `.data/labs`, where every lab's folder is. */
export function labsRoot(dataRoot: string): string {
  return path.join(dataRoot, 'labs');
}

function ownerPid(labDir: string): number | null {
  try {
    const owner = JSON.parse(readFileSync(path.join(labDir, 'owner.json'), 'utf8')) as { pid?: unknown };
    return typeof owner.pid === 'number' ? owner.pid : null;
  } catch {
    return null;
  }
}

/**
 * Stops the nodes of every lab whose owner is no longer running, and deletes its folder. Labs of a
 * live app (another checkout, a parallel test file) are left alone; so are this process's own,
 * which it stops itself. Returns how many nodes it stopped.
 */
export async function reapLeftoverLabs(dataRoot: string): Promise<number> {
  const root = labsRoot(dataRoot);
  if (!existsSync(root)) return 0;
  let stopped = 0;
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const labDir = path.join(root, entry.name);
    const owner = ownerPid(labDir);
    if (owner !== null && (owner === process.pid || isProcessAlive(owner))) continue;
    const nodes = readdirSync(labDir, { withFileTypes: true }).filter((node) => node.isDirectory());
    for (const node of nodes) {
      if (await stopLeftoverProcess(path.join(labDir, node.name, 'valkey.pid'), 'valkey-server')) stopped++;
    }
    rmSync(labDir, { recursive: true, force: true });
  }
  return stopped;
}
