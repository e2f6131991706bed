/**
 * Keeps a local Valkey server running: when it dies (SIGKILL, the OOM killer, a crash) it is
 * started again on the same port, with the same password and data folder (so the app's data comes
 * back from its append-only file), after a delay that doubles on each failure in a row. The app's
 * clients reconnect by themselves (lib/valkey/connections.ts), so the app needs no restart.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { startInstance, type InstanceSpec, type RunningInstance } from './local-server';

export interface SupervisorOptions {
  /** Delays before each restart in a row; the last one repeats. */
  backoffMs?: readonly number[];
  /** A server that stayed up this long counts as healthy: its next restart waits the first delay again. */
  healthyAfterMs?: number;
  /** Where restarts are reported (npm start prints them). */
  onEvent?: (message: string) => void;
}

export const RESTART_BACKOFF_MS = [500, 1_000, 2_000, 4_000, 8_000] as const;

export interface SupervisedInstance extends RunningInstance {
  /** How many times the server was started again. */
  readonly restarts: number;
  /**
   * From now on a server that ends stays ended. Called first on shutdown: Ctrl+C (or Playwright's
   * SIGTERM) reaches every process of the group, Valkey included, while the app is still stopping.
   */
  stopRestarting(): void;
}

export async function startSupervised(
  spec: InstanceSpec,
  valkeyServer: string,
  options: SupervisorOptions = {},
): Promise<SupervisedInstance> {
  const backoff = options.backoffMs ?? RESTART_BACKOFF_MS;
  const healthyAfterMs = options.healthyAfterMs ?? 30_000;
  const report = options.onEvent ?? (() => {});
  let current = await startInstance(spec, valkeyServer);
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
        report(`The ${spec.name} Valkey stopped (${reason}): restarting it in ${delay / 1000} s`);
        try {
          await sleep(delay, undefined, { signal: stopping.signal });
          current = await startInstance(spec, valkeyServer);
        } catch (error) {
          if (stopping.signal.aborted) return;
          reason = `its restart failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
          continue;
        }
        startedAt = Date.now();
        restarts++;
        report(`The ${spec.name} Valkey is running again (process ${current.pid}, restart ${restarts})`);
        break;
      }
    }
  }
  const supervising = superviseForever();

  return {
    spec,
    url: current.url,
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
