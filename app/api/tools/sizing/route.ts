import type { NextRequest } from 'next/server';
import { handleRequest, jsonOk, readJsonBody } from '@/lib/http/response';
import { SizingRequest, TOOLS_BODY_LIMIT_BYTES } from '@/lib/tools/schemas';
import { estimateSizing } from '@/lib/tools/sizing';

/** The sizing estimator: a workload in, a node-based plan and a Serverless estimate out, with assumptions. */
export function POST(request: NextRequest) {
  return handleRequest('tools/sizing', 'Could not estimate that workload. Try again.', async () => {
    const input = await readJsonBody(request, SizingRequest, TOOLS_BODY_LIMIT_BYTES);
    return jsonOk({ ok: true, ...estimateSizing(input) });
  });
}
