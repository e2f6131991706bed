import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk, readQuery } from '@/lib/http/response';
import { drillQueue } from '@/lib/srs/service';
import { DrillQuery } from '@/lib/srs/request';

/** The next cards to drill: `?tags=cluster-mode,serverless&cram=1&tz=<getTimezoneOffset()>`. */
export function GET(request: NextRequest) {
  return handleLearnerRequest(request, 'drills', 'Could not load your cards. Try again.', async (learner) => {
    const query = readQuery(request, DrillQuery);
    const result = await drillQueue(learner.id, {
      filter: { tags: query.tags },
      cram: query.cram,
      now: new Date(),
      tzOffsetMinutes: query.tz,
    });
    return jsonOk({ ok: true, ...result });
  });
}
