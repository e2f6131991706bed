/**
 * The load generator of `npm run bench:sandbox`: N learners, each a closed loop (send, await the
 * reply, send the next) over a keep-alive agent with N sockets, each with its own cookie jar.
 *
 * It shares the machine with the app, so it stays light: request bodies are built once, each
 * learner reuses one headers object and one set of bound listeners, latencies go into one
 * preallocated Float64Array, and a single watchdog timer enforces the request timeout.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { MACHINE, sampleCpu, type AppProcesses } from './proc-cpu';
import { summarize, type CpuFigures, type PhaseResult, type RouteName } from './stats';

export const OUTCOME_OK = 0;
export const OUTCOME_ERROR = 1;
export const OUTCOME_REFUSED = 2;
export type Outcome = typeof OUTCOME_OK | typeof OUTCOME_ERROR | typeof OUTCOME_REFUSED;

const OK_PREFIX = Buffer.from('{"ok":true');

/**
 * What an answer counts as. 200 with ok:true is a success (checked on the first bytes, as
 * NextResponse.json writes them, with a full parse as fallback). 429 and ok:false answers whose
 * message names the sandbox (its refusals and limits) are refusals. Everything else, Valkey
 * errors included (the command mix should never cause one), is an error.
 */
export function classify(status: number, body: Buffer): Outcome {
  if (status === 429) return OUTCOME_REFUSED;
  if (status !== 200) return OUTCOME_ERROR;
  if (body.length >= OK_PREFIX.length && body.compare(OK_PREFIX, 0, OK_PREFIX.length, 0, OK_PREFIX.length) === 0)
    return OUTCOME_OK;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return OUTCOME_ERROR;
  }
  if (typeof parsed !== 'object' || parsed === null) return OUTCOME_ERROR;
  const { ok, error } = parsed as { ok?: unknown; error?: unknown };
  if (ok === true) return OUTCOME_OK;
  return typeof error === 'string' && /sandbox/i.test(error) ? OUTCOME_REFUSED : OUTCOME_ERROR;
}

/** The value of a cookie in Set-Cookie headers, as `name=value` ready to send back. */
export function cookieFrom(setCookie: string[] | undefined, name: string): string | null {
  if (!setCookie) return null;
  for (const line of setCookie) {
    if (!line.startsWith(`${name}=`)) continue;
    const end = line.indexOf(';');
    return end < 0 ? line : line.slice(0, end);
  }
  return null;
}

export interface PhaseOptions {
  route: RouteName;
  learners: number;
  host: string;
  port: number;
  path: string;
  /** JSON bodies, sent in turn; each learner starts at its own offset. */
  bodies: Buffer[];
  /** Cookie to take from the first answer that sets it and send from then on. */
  cookieName: string | null;
  warmupMs: number;
  durationMs: number;
  /** The measured window also ends once this many responses are recorded. */
  maxRequests: number;
  requestTimeoutMs: number;
  appProcesses: AppProcesses | null;
  signal: AbortSignal;
}

const MAX_ERROR_SAMPLES = 8;

class Phase {
  readonly latencies: Float64Array;
  count = 0;
  ok = 0;
  errors = 0;
  refusals = 0;
  warmupRequests = 0;
  measuring = false;
  stopped = false;
  cookies = 0;
  readonly errorSamples = new Map<string, number>();
  /** Answers per second since the phase began (warm-up included): shows stalls and ramp-up. */
  readonly perSecond: Uint32Array;
  readonly startedAt = performance.now();

  constructor(readonly options: PhaseOptions) {
    this.latencies = new Float64Array(options.maxRequests);
    this.perSecond = new Uint32Array(
      Math.ceil((options.warmupMs + options.durationMs + options.requestTimeoutMs) / 1000) + 1,
    );
  }

  /** Counts one answer; true when it was not a success and deserves a sample. */
  record(latencyMs: number, outcome: Outcome, now: number): boolean {
    const second = Math.floor((now - this.startedAt) / 1000);
    if (second < this.perSecond.length) this.perSecond[second] = (this.perSecond[second] ?? 0) + 1;
    if (!this.measuring) {
      this.warmupRequests++;
    } else {
      this.latencies[this.count++] = latencyMs;
      if (outcome === OUTCOME_OK) this.ok++;
      else if (outcome === OUTCOME_ERROR) this.errors++;
      else this.refusals++;
      if (this.count >= this.latencies.length) this.onFull?.();
    }
    return outcome !== OUTCOME_OK;
  }

  /** Keeps the first few distinct failures with their counts (rare in a valid run: may allocate). */
  sample(outcome: Outcome, detail: string): void {
    const description = `${this.measuring ? '' : '(warm-up) '}${outcome === OUTCOME_REFUSED ? 'refused' : 'error'}: ${detail}`;
    const seen = this.errorSamples.get(description);
    if (seen !== undefined) this.errorSamples.set(description, seen + 1);
    else if (this.errorSamples.size < MAX_ERROR_SAMPLES) this.errorSamples.set(description, 1);
  }

  onFull: (() => void) | null = null;
}

class Learner {
  private readonly headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json', 'content-length': 0 };
  private readonly requestOptions: http.RequestOptions;
  private cursor: number;
  private wantsCookie: boolean;
  private request: http.ClientRequest | null = null;
  private startedAt = 0;
  private status = 0;
  private ended = false;
  private failure: Error | null = null;
  private readonly chunks: Buffer[] = [];
  private finish: () => void = () => {};
  readonly done: Promise<void>;

  constructor(
    private readonly phase: Phase,
    agent: http.Agent,
    index: number,
  ) {
    const { host, port, path, bodies, cookieName } = phase.options;
    this.requestOptions = { agent, host, port, path, method: 'POST', headers: this.headers };
    this.cursor = (index * 7) % bodies.length;
    this.wantsCookie = cookieName !== null;
    this.done = new Promise((resolve) => {
      this.finish = resolve;
    });
  }

  /** Milliseconds the request in flight has been waiting, or 0 when there is none. */
  waitingMs(now: number): number {
    return this.request ? now - this.startedAt : 0;
  }

  abort(reason: string): void {
    const request = this.request;
    if (!request) return;
    // Where it was stuck tells a slow server from a client that never got a socket.
    const socket = request.socket;
    const stage = !socket
      ? 'no socket yet'
      : socket.connecting
        ? 'still connecting'
        : this.status === 0
          ? 'sent, no response headers'
          : 'response body incomplete';
    request.destroy(new Error(`${reason}; ${stage}`));
  }

  readonly send = (): void => {
    if (this.phase.stopped) {
      this.finish();
      return;
    }
    const bodies = this.phase.options.bodies;
    const body = bodies[this.cursor] as Buffer;
    this.cursor = this.cursor + 1 === bodies.length ? 0 : this.cursor + 1;
    // ClientRequest copies the headers when it is created, so one object serves every request.
    this.headers['content-length'] = body.length;
    this.status = 0;
    this.ended = false;
    this.failure = null;
    this.chunks.length = 0;
    this.startedAt = performance.now();
    const request = http.request(this.requestOptions, this.onResponse);
    request.on('error', this.onError);
    request.on('close', this.onClose);
    this.request = request;
    request.end(body);
  };

  private readonly onResponse = (response: http.IncomingMessage): void => {
    this.status = response.statusCode ?? 0;
    if (this.wantsCookie) {
      const cookie = cookieFrom(response.headers['set-cookie'], this.phase.options.cookieName as string);
      if (cookie) {
        this.headers.cookie = cookie;
        this.wantsCookie = false;
        this.phase.cookies++;
      }
    }
    response.on('data', this.onData);
    response.on('end', this.onEnd);
    response.on('error', this.onError);
  };

  private readonly onData = (chunk: Buffer): void => {
    this.chunks.push(chunk);
  };

  private readonly onEnd = (): void => {
    this.ended = true;
  };

  private readonly onError = (error: Error): void => {
    this.failure ??= error;
  };

  /** Every request closes exactly once, after its response or its error: the loop goes on here. */
  private readonly onClose = (): void => {
    const now = performance.now();
    const latency = now - this.startedAt;
    this.request = null;
    let outcome: Outcome;
    let body: Buffer | null = null;
    if (this.failure || !this.ended) {
      outcome = OUTCOME_ERROR;
    } else {
      body = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks);
      outcome = classify(this.status, body);
    }
    if (this.phase.record(latency, outcome, now)) {
      const sentAt = Math.floor((this.startedAt - this.phase.startedAt) / 1000);
      this.phase.sample(
        outcome,
        body
          ? `HTTP ${this.status} ${body.toString('utf8').slice(0, 300)}`
          : `request failed: ${this.failure?.message ?? 'response cut short'} (sent in second ${sentAt} of the phase)`,
      );
    }
    // After a transport failure, pause briefly rather than spin against a server that is gone.
    if (outcome === OUTCOME_ERROR && !body) setTimeout(this.send, 20);
    else this.send();
  };
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

function cpuFigures(ms: number, seconds: number): CpuFigures {
  return { ms: Math.round(ms), cores: seconds > 0 ? Math.round((ms / 1000 / seconds) * 1000) / 1000 : 0 };
}

/** Runs one phase: warm-up, then the measured window; every request settled before it returns. */
export async function runPhase(options: PhaseOptions): Promise<PhaseResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.learners, maxFreeSockets: options.learners });
  const phase = new Phase(options);
  const learners = Array.from({ length: options.learners }, (_, index) => new Learner(phase, agent, index));
  const watchdog = setInterval(() => {
    const now = performance.now();
    for (const learner of learners)
      if (learner.waitingMs(now) > options.requestTimeoutMs)
        learner.abort(`no answer within ${options.requestTimeoutMs} ms`);
  }, 250);

  for (const learner of learners) learner.send();
  await wait(options.warmupMs, options.signal);

  const cpuStart = process.cpuUsage();
  const appStart = sampleCpu(options.appProcesses);
  const measureStart = performance.now();
  phase.measuring = !options.signal.aborted;
  const window = new AbortController();
  phase.onFull = () => window.abort();
  const stopEarly = () => window.abort();
  options.signal.addEventListener('abort', stopEarly, { once: true });
  await wait(options.durationMs, window.signal);
  options.signal.removeEventListener('abort', stopEarly);
  phase.measuring = false;
  phase.stopped = true;
  const seconds = (performance.now() - measureStart) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const appEnd = sampleCpu(options.appProcesses);

  // Let the requests in flight finish (the watchdog bounds them), then close the sockets.
  if (options.signal.aborted) for (const learner of learners) learner.abort('benchmark stopped');
  await Promise.all(learners.map((learner) => learner.done));
  clearInterval(watchdog);
  agent.destroy();

  const generatorMs = (cpu.user + cpu.system) / 1000;
  let appCpu: Record<string, CpuFigures> | null = null;
  if (appStart && appEnd) {
    appCpu = {};
    let accounted = generatorMs;
    for (const role of Object.keys(appEnd)) {
      if (role === MACHINE) continue;
      const used = ((appEnd[role] ?? 0) - (appStart[role] ?? 0)) * 1000;
      appCpu[role] = cpuFigures(used, seconds);
      accounted += used;
    }
    // Whatever else ran meanwhile (other people's builds and tests): the run's noise.
    if (appEnd[MACHINE] !== undefined && appStart[MACHINE] !== undefined) {
      appCpu.others = cpuFigures(Math.max(0, (appEnd[MACHINE] - appStart[MACHINE]) * 1000 - accounted), seconds);
    }
  }
  return {
    learners: options.learners,
    route: options.route,
    requests: phase.count,
    ok: phase.ok,
    errors: phase.errors,
    refusals: phase.refusals,
    warmupRequests: phase.warmupRequests,
    seconds: Math.round(seconds * 1000) / 1000,
    throughput: seconds > 0 ? phase.count / seconds : 0,
    latencyMs: summarize(phase.latencies, phase.count),
    learnersWithCookie: phase.cookies,
    errorSamples: Object.fromEntries(phase.errorSamples),
    perSecond: Array.from(phase.perSecond),
    generatorCpu: cpuFigures(generatorMs, seconds),
    appCpu,
  };
}
