/**
 * The labs of one app process: at most one per learner, at most `maxLabs` at once, each on its own
 * block of ports from the lab range, stopped and deleted when idle, and all killed when the process
 * exits (however it exits: Next.js ends with process.exit on SIGTERM and SIGINT, and the 'exit' hook
 * runs then). A lab killed with its app (SIGKILL) is reaped by the next manager, `npm start` and
 * `npm test` (reap.ts).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '@/lib/errors';
import { isPortFree } from '@/lib/servers/local-server';
import { CLUSTER_BUS_OFFSET } from '@/lib/servers/ports';
import { Lab, PORTS_PER_LAB } from './lab';
import type { LabShape } from './lab-node';
import { labsRoot, reapLeftoverLabs } from './reap';
import type { LabSettings } from './settings';

export interface LabManagerOptions {
  settings: LabSettings;
  /** The data dir (`.data`); labs go in its `labs/` folder. */
  dataRoot: string;
  valkeyServer: string;
}

const liveManagers = new Set<LabManager>();
let exitHookInstalled = false;

/** Synchronous, as an 'exit' listener must be: kill every node, delete every folder. */
function killAllLabsNow(): void {
  for (const manager of liveManagers) manager.killNow();
}

export class LabManager {
  private readonly labs = new Map<string, Lab>();
  private readonly starting = new Map<string, Promise<Lab>>();
  private readonly sweeper: NodeJS.Timeout;
  private reaped: Promise<unknown>;
  private allocation: Promise<unknown> = Promise.resolve();

  constructor(readonly options: LabManagerOptions) {
    this.reaped = reapLeftoverLabs(options.dataRoot).catch((error: unknown) =>
      console.error('[labs] reaping leftover labs failed:', error),
    );
    this.sweeper = setInterval(
      () => void this.sweepIdle(),
      Math.min(30_000, Math.max(100, options.settings.idleMs / 4)),
    );
    this.sweeper.unref();
    liveManagers.add(this);
    if (!exitHookInstalled) {
      process.once('exit', killAllLabsNow);
      exitHookInstalled = true;
    }
  }

  get settings(): LabSettings {
    return this.options.settings;
  }

  /**
   * The learner's lab, if they have one; using it (a console command, an operation) counts as
   * activity, reading its topology (`touch: false`, the page's polling) does not.
   */
  find(learnerId: string, { touch = true }: { touch?: boolean } = {}): Lab | undefined {
    const lab = this.labs.get(learnerId);
    // A lab still starting has no topology or console yet: its POST answers when it is ready.
    if (!lab?.ready) return undefined;
    if (touch) lab.touch();
    return lab;
  }

  /** The learner's lab or a 404 that says how to get one. */
  get(learnerId: string, options: { touch?: boolean } = {}): Lab {
    const lab = this.find(learnerId, options);
    if (!lab)
      throw new AppError('not_found', 'You have no cluster lab running: start one first (POST /api/labs/cluster).');
    return lab;
  }

  /** Starts a lab of `shape` for the learner; one of another shape is replaced, one of the same shape kept. */
  async start(learnerId: string, shape: LabShape): Promise<Lab> {
    const pending = this.starting.get(learnerId);
    if (pending) await pending.catch(() => undefined);
    const current = this.labs.get(learnerId);
    if (current && current.shape === shape) {
      current.touch();
      return current;
    }
    const starting = this.replace(learnerId, shape, current);
    this.starting.set(learnerId, starting);
    try {
      return await starting;
    } finally {
      this.starting.delete(learnerId);
    }
  }

  private async replace(learnerId: string, shape: LabShape, current: Lab | undefined): Promise<Lab> {
    if (current) await this.stop(learnerId);
    await this.reaped;
    const lab = await this.allocate(learnerId, shape);
    try {
      await lab.start();
    } catch (error) {
      this.labs.delete(learnerId);
      throw new AppError('unavailable', 'The lab could not be started. Try again in a minute.', { cause: error });
    }
    return lab;
  }

  /** Checks the cap and takes a block of ports, one learner at a time, so two starts never take the same. */
  private allocate(learnerId: string, shape: LabShape): Promise<Lab> {
    const allocated = this.allocation.then(async () => {
      if (this.labs.size >= this.settings.maxLabs) throw this.busy();
      const firstPort = await this.freePortBlock();
      if (firstPort === null) throw this.busy();
      const folder = `${Date.now().toString(36)}-${learnerId}`;
      const lab = new Lab(
        learnerId,
        shape,
        path.join(labsRoot(this.options.dataRoot), folder),
        firstPort,
        this.settings,
        this.options.valkeyServer,
      );
      this.labs.set(learnerId, lab);
      return lab;
    });
    this.allocation = allocated.catch(() => undefined);
    return allocated;
  }

  /** Stops and deletes the learner's lab; false when they had none. */
  async stop(learnerId: string): Promise<boolean> {
    const lab = this.labs.get(learnerId);
    if (!lab) return false;
    this.labs.delete(learnerId);
    await lab.stop();
    return true;
  }

  /** Stops every lab unused for longer than the idle limit. */
  async sweepIdle(now = Date.now()): Promise<number> {
    const idle = [...this.labs.values()].filter((lab) => lab.ready && now - lab.lastUsed > this.settings.idleMs);
    await Promise.all(idle.map((lab) => this.stop(lab.learnerId)));
    return idle.length;
  }

  /** Stops every lab and this manager's sweeper (tests; the app relies on its exit hook). */
  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.all([...this.labs.keys()].map((learnerId) => this.stop(learnerId)));
    liveManagers.delete(this);
  }

  /** SIGKILLs every node and deletes every folder, synchronously (the 'exit' hook). */
  killNow(): void {
    for (const lab of this.labs.values()) {
      for (const pid of lab.pids()) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      rmSync(lab.dir, { recursive: true, force: true });
    }
    this.labs.clear();
  }

  get runningLabs(): number {
    return this.labs.size;
  }

  /** "All labs are busy", with when the first one will free up: the least recently used lab's idle deadline. */
  private busy(): AppError {
    const oldest = Math.min(...[...this.labs.values()].map((lab) => lab.lastUsed), Date.now());
    const seconds = Math.max(60, Math.ceil((oldest + this.settings.idleMs - Date.now()) / 1000));
    const minutes = Math.ceil(seconds / 60);
    return new AppError(
      'unavailable',
      `All labs are busy: try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      { retryAfterSeconds: seconds },
    );
  }

  /** The first block of ports that no lab of ours uses and nothing else listens on (node and bus ports). */
  private async freePortBlock(): Promise<number | null> {
    const { firstPort, portCount } = this.settings;
    const taken = new Set([...this.labs.values()].map((lab) => lab.firstPort));
    for (let block = firstPort; block + PORTS_PER_LAB <= firstPort + portCount; block += PORTS_PER_LAB) {
      if (taken.has(block)) continue;
      const ports = Array.from({ length: PORTS_PER_LAB }, (_, index) => block + index);
      const free = await Promise.all(
        ports.flatMap((port) => [isPortFree(port), isPortFree(port + CLUSTER_BUS_OFFSET)]),
      );
      if (free.every(Boolean)) return block;
    }
    return null;
  }
}
