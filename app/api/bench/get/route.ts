import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { BENCH_KEY_MAX_LENGTH, bareGet, benchRoutesEnabled } from '@/lib/bench/baseline';
import { AppError } from '@/lib/errors';
import { handleRequest, jsonOk, readJsonBody } from '@/lib/http/response';

const BareGetRequest = z.object({ key: z.string().max(BENCH_KEY_MAX_LENGTH) });

/**
 * Baseline for `npm run bench:sandbox`: one GET on the sandbox Valkey. 404, with no work done, unless
 * the build was made for benchmarks and KEYSPACE_BENCH_ROUTES=1 (lib/bench/baseline.ts).
 */
export function POST(request: NextRequest) {
  return handleRequest('bench/get', 'The baseline GET failed.', async () => {
    if (!benchRoutesEnabled()) throw new AppError('not_found', 'Not found.');
    const body = await readJsonBody(request, BareGetRequest, 4096);
    return jsonOk({ ok: true, value: await bareGet(body.key) });
  });
}
