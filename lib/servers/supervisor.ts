/**
 * Keeps a local Valkey server running: when it dies (SIGKILL, the OOM killer, a crash) it is
 * started again on the same port, with the same password and data folder (so the app's data comes
 * back from its append-only file), after a delay that doubles on each failure in a row. The app's
 * clients reconnect by themselves (lib/valkey/connections.ts), so the app needs no restart.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  serverTitle,
  startInstance,
  type InstanceSpec,
  type RunningInstance,
  type RunningServer,
} from './local-server';

export interface SupervisorOptions {
  /** Delays before each restart in a row; the last one repeats. */
  backoffMs?: readonly number[];
  /** A server that stayed up this long counts as healthy: its next restart waits the first delay again. */
  healthyAfterMs?: number;
  /** Where restarts are reported (npm start prints them). */
  onEvent?: (message: string) => void;
}

export const RESTART_BACKOFF_MS = [500, 1_000, 2_000, 4_000, 8_000] as const;

export interface SupervisedServer<Server extends RunningServer = RunningInstance> extends RunningServer {
  /** How many times the server was started again. */
  readonly restarts: number;
  /**
   * From now on a server that ends stays ended. Called first on shutdown: Ctrl+C (or Playwright's
   * SIGTERM) reaches every process of the group, Valkey included, while the app is still stopping.
   */
  stopRestarting(): void;
  /** The process running now (a restart replaces it). */
  readonly current: Server;
}

export interface SupervisedInstance extends SupervisedServer<RunningInstance> {
  spec: InstanceSpec;
}

/** A Valkey (or Redis) instance, kept running. */
export async function startSupervised(
  spec: InstanceSpec,
  serverBinary: string,
  options: SupervisorOptions = {},
): Promise<SupervisedInstance> {
  const supervised = await superviseServer(() => startInstance(spec, serverBinary), serverTitle(spec), options);
  return Object.assign(supervised, { spec });
}

/**
 * Any server this run starts, kept running: `start` starts it (again) on the same port and URL.
 * `title` names it in the reports ("the sandbox Valkey").
 */
export async function superviseServer<Server extends RunningServer>(
  start: () => Promise<Server>,
  title: string,
  options: SupervisorOptions = {},
): Promise<SupervisedServer<Server>> {
  const backoff = options.backoffMs ?? RESTART_BACKOFF_MS;
  const healthyAfterMs = options.healthyAfterMs ?? 30_000;
  const report = options.onEvent ?? (() => {});
  const named = title.charAt(0).toUpperCase() + title.slice(1);
  let current = await start();
  let startedAt = Date.now();
  let restarts = 0;
  const stopping = new AbortController();

  async function superviseForever(): Promise<void> {
    let failuresInARow = 0;
    while (!stopping.signal.aborted) {
      const how = await current.exited;
      if (stopping.signal.aborted) return;
      if (Date.now() - startedAt >= healthyAfterMs) failuresInARow = 0;
      let reason = `process ${current.pid} ended by ${how}`;
      for (;;) {
        const delay = backoff[Math.min(failuresInARow, backoff.length - 1)] ?? 1_000;
        failuresInARow++;
        report(`${named} stopped (${reason}): restarting it in ${delay / 1000} s`);
        try {
          await sleep(delay, undefined, { signal: stopping.signal });
          current = await start();
        } catch (error) {
          if (stopping.signal.aborted) return;
          reason = `its restart failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
          continue;
        }
        startedAt = Date.now();
        restarts++;
        report(`${named} is running again (process ${current.pid}, restart ${restarts})`);
        break;
      }
    }
  }
  const supervising = superviseForever();

  return {
    url: current.url,
    get current() {
      return current;
    },
    get pid() {
      return current.pid;
    },
    get exited() {
      return current.exited;
    },
    get restarts() {
      return restarts;
    },
    stopRestarting() {
      stopping.abort();
    },
    async stop() {
      stopping.abort();
      await current.stop();
      // A restart under way finishes first, so that the server it started is stopped too.
      await supervising;
      await current.stop();
    },
  };
}
