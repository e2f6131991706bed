import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk } from '@/lib/http/response';
import { drillStats } from '@/lib/srs/stats';
import { readTzOffset } from '@/lib/srs/request';

export const dynamic = 'force-dynamic';

/** Due counts, streak, retention per day and a 14-day forecast, for the dashboard. */
export function GET(request: NextRequest) {
  return handleLearnerRequest(request, 'drills/stats', 'Could not load your drill statistics. Try again.', async (session) =>
    jsonOk({ ok: true, ...(await drillStats(session.id, new Date(), readTzOffset(new URL(request.url)))) }),
  );
}
