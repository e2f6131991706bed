/**
 * A run's status as a Server-Sent Events stream: one `status` event a second while it runs, then the
 * final one, then the stream ends. Bounded by the run itself (≤ 30 s plus its wind-down).
 */
import 'server-only';
import { NextResponse } from 'next/server';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Workload } from './workload/workload';

export function runEventStream(workload: Workload, signal: AbortSignal): NextResponse {
  const encoder = new TextEncoder();
  const event = (data: unknown) => encoder.encode(`event: status\ndata: ${JSON.stringify(data)}\n\n`);
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let ended = false;
      void workload.finished.then(() => (ended = true));
      while (!ended && !signal.aborted) {
        controller.enqueue(event(workload.status()));
        await Promise.race([sleep(1_000), workload.finished]);
      }
      if (!signal.aborted) controller.enqueue(event(await workload.finished));
      controller.close();
    },
  });
  return new NextResponse(stream, {
    headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' },
  });
}
