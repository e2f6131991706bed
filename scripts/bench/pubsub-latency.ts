/**
 * Publish → delivered: one learner's console listens on a live stream (GET /api/sandbox/live) while
 * another console of the same learner publishes (POST /api/sandbox/exec); the time from sending
 * the PUBLISH request to the message arriving on the stream, over `samples` messages, paced under
 * the per-stream message rate so that none is dropped.
 */
import { LEARNER_COOKIE } from '../../lib/sandbox/learner';

export interface PublishLatency {
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

export async function measurePublishLatency(host: string, port: number, samples = 60): Promise<PublishLatency> {
  const base = `http://${host}:${port}`;
  const exec = async (command: string, cookie: string, consoleId?: string) =>
    fetch(`${base}/api/sandbox/exec`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, cookie: `${LEARNER_COOKIE}=${cookie}` },
      body: JSON.stringify({ command, console: consoleId }),
    });
  const first = await fetch(`${base}/api/sandbox/exec`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ command: 'PING' }),
  });
  const cookie = new RegExp(`${LEARNER_COOKIE}=([^;]+)`).exec(first.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error('no learner cookie from the sandbox');
  const stop = new AbortController();
  const stream = await fetch(`${base}/api/sandbox/live?console=benchlisten01`, {
    headers: { cookie: `${LEARNER_COOKIE}=${cookie}` },
    signal: stop.signal,
  });
  if (!stream.ok || !stream.body) throw new Error(`the live stream answered ${stream.status}`);
  const waiting = new Map<string, () => void>();
  let text = '';
  const reading = (async () => {
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: '' }));
      if (done) return;
      text += value;
      for (const [marker, resolve] of waiting) if (text.includes(marker)) resolve();
    }
  })();
  try {
    await (await exec('SUBSCRIBE bench', cookie, 'benchlisten01')).text();
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const marker = `m-${i}-${Date.now()}`;
      const arrived = new Promise<void>((resolve) => waiting.set(marker, resolve));
      const started = performance.now();
      await (await exec(`PUBLISH bench ${marker}`, cookie, 'benchpublish1')).text();
      await arrived;
      times.push(performance.now() - started);
      waiting.delete(marker);
      await new Promise((resolve) => setTimeout(resolve, 60)); // under 20 messages a second
    }
    const sorted = [...times].sort((a, b) => a - b);
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return {
      samples,
      p50Ms: round(percentile(sorted, 0.5)),
      p99Ms: round(percentile(sorted, 0.99)),
      maxMs: round(sorted.at(-1)!),
    };
  } finally {
    stop.abort();
    await reading;
  }
}
