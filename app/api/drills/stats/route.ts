import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk, readQuery } from '@/lib/http/response';
import { drillStats } from '@/lib/srs/stats';
import { StatsQuery } from '@/lib/srs/request';

/** Due counts, streak, retention per day and a 14-day forecast, for the dashboard. */
export function GET(request: NextRequest) {
  return handleLearnerRequest(
    request,
    'drills/stats',
    'Could not load your drill statistics. Try again.',
    async (learner) =>
      jsonOk({ ok: true, ...(await drillStats(learner.id, new Date(), readQuery(request, StatsQuery).tz)) }),
  );
}
