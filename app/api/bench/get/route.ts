import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { BENCH_KEY_MAX_LENGTH, bareGet, benchRoutesEnabled } from '@/lib/bench/baseline';
import { jsonError, jsonOk, readJsonBody } from '@/lib/http/response';
import { ValkeyUnavailableError } from '@/lib/valkey/connections';

export const dynamic = 'force-dynamic';

const BareGetRequest = z.object({ key: z.string().max(BENCH_KEY_MAX_LENGTH) });

/** Baseline for `npm run bench:sandbox`: one GET on the sandbox Valkey. 404 unless enabled. */
export async function POST(request: NextRequest) {
  if (!benchRoutesEnabled()) {
    return NextResponse.json({ ok: false, error: 'Not found.' }, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  }
  const body = await readJsonBody(request, BareGetRequest, 4096);
  if (!body.ok) return body.response;
  try {
    return jsonOk({ ok: true, value: await bareGet(body.data.key) });
  } catch (error) {
    if (error instanceof ValkeyUnavailableError) return jsonError(503, 'unavailable', error.message);
    console.error('[bench/get]', error);
    return jsonError(500, 'internal', 'The baseline GET failed.');
  }
}
