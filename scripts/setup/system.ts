/** What kind of machine this is and how to run a privileged package command on it. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export type Platform =
  { kind: 'debian'; codename: string; id: string } | { kind: 'macos' } | { kind: 'other'; description: string };

export function detectPlatform(): Platform {
  if (process.platform === 'darwin') return { kind: 'macos' };
  if (process.platform === 'linux' && existsSync('/etc/os-release')) {
    const fields = Object.fromEntries(
      readFileSync('/etc/os-release', 'utf8')
        .split('\n')
        .map((line) => /^(\w+)=(.*)$/.exec(line))
        .filter((match): match is RegExpExecArray => match !== null)
        .map((match) => [match[1], (match[2] ?? '').replace(/^"|"$/g, '')]),
    );
    const id = fields.ID ?? '';
    if (id === 'debian' || id === 'ubuntu' || (fields.ID_LIKE ?? '').includes('debian')) {
      return { kind: 'debian', id, codename: fields.VERSION_CODENAME ?? '' };
    }
    return { kind: 'other', description: fields.PRETTY_NAME ?? 'Linux' };
  }
  return { kind: 'other', description: process.platform };
}

export function commandExists(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Prefix for commands that need root: nothing as root, `sudo` where it exists, else null. */
export function privilegePrefix(): string[] | null {
  if (process.getuid?.() === 0) return [];
  if (commandExists('sudo')) return ['sudo'];
  return null;
}

/** Runs a command with its output shown; returns whether it succeeded. */
export function runVisible(argv: string[]): boolean {
  const [command, ...args] = argv;
  if (!command) return false;
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}
