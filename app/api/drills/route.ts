import type { NextRequest } from 'next/server';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk } from '@/lib/http/response';
import { drillQueue } from '@/lib/srs/service';
import { readTags, readTzOffset } from '@/lib/srs/request';

export const dynamic = 'force-dynamic';

/** The next cards to drill: `?tags=cluster-mode,serverless&cram=1&tz=<getTimezoneOffset()>`. */
export function GET(request: NextRequest) {
  return handleLearnerRequest(request, 'drills', 'Could not load your cards. Try again.', async (session) => {
    const url = new URL(request.url);
    const result = await drillQueue(session.id, { filter: { tags: readTags(url) }, cram: url.searchParams.get('cram') === '1', now: new Date(), tzOffsetMinutes: readTzOffset(url) });
    return jsonOk({ ok: true, ...result });
  });
}
