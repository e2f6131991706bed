/**
 * One owner per profile folder: a second `npm start` (or `npm run valkey`) on the same profile is
 * told about the first instead of killing its servers as leftovers.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface ProfileOwner {
  pid: number;
  /** The app's HTTP port, when the owner serves one. */
  port?: number;
}

export class ProfileInUseError extends Error {
  constructor(readonly owner: ProfileOwner) {
    super(
      owner.port
        ? `Keyspace is already running (process ${owner.pid}) at http://localhost:${owner.port}. Open that URL, or stop it with Ctrl+C in its terminal first.`
        : `Keyspace's Valkey servers are already running (process ${owner.pid}). Stop that process with Ctrl+C in its terminal first.`,
    );
    this.name = 'ProfileInUseError';
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive but someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/**
 * A process that has ended but whose parent has not collected it yet: an orphan's new parent
 * (init) may take a second to do so, and it holds no port and no file meanwhile. Linux only.
 */
function isZombie(pid: number): boolean {
  try {
    // "pid (name) S …": the state follows the last ')' (a name may contain one).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

/** Claims the folder for this process; returns the function that releases it. */
export function claimProfile(profileDir: string, port?: number): () => void {
  const ownerFile = path.join(profileDir, 'owner.json');
  if (existsSync(ownerFile)) {
    try {
      const owner = JSON.parse(readFileSync(ownerFile, 'utf8')) as ProfileOwner;
      if (owner.pid !== process.pid && isProcessAlive(owner.pid)) throw new ProfileInUseError(owner);
    } catch (error) {
      if (error instanceof ProfileInUseError) throw error;
      // An unreadable owner file is a leftover: take over.
    }
  }
  mkdirSync(profileDir, { recursive: true });
  writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, port } satisfies ProfileOwner) + '\n');
  return () => {
    try {
      const owner = JSON.parse(readFileSync(ownerFile, 'utf8')) as ProfileOwner;
      if (owner.pid === process.pid) rmSync(ownerFile, { force: true });
    } catch {
      // Already gone.
    }
  };
}
