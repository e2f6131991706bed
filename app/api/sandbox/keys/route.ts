import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { handleLearnerRequest } from '@/lib/http/learner-route';
import { jsonOk, readQuery } from '@/lib/http/response';
import { admitKeyBrowsing, clientAddress } from '@/lib/sandbox/admission';
import { EngineField } from '@/lib/sandbox/engines';
import { listLearnerKeys } from '@/lib/sandbox/key-browser';
import { listMemcachedKeys } from '@/lib/sandbox/memcached';

const KeysQuery = z.object({ engine: EngineField });

/**
 * The key browser. A request without a learner cookie has no keys: it gets an empty list without
 * any work on the sandbox server, and no identity is issued for it. Listing is rate-limited per learner
 * and per address like commands (in buckets of their own) (finding M3 of issue 10).
 */
export function GET(request: NextRequest) {
  return handleLearnerRequest(
    request,
    'sandbox/keys',
    'Could not list your keys. Try again.',
    async (learner) => {
      const { engine } = readQuery(request, KeysQuery);
      if (learner.isNew) return jsonOk({ ok: true, keys: [], truncated: false });
      await admitKeyBrowsing(learner.id, clientAddress(request.headers));
      const listed = engine === 'memcached' ? await listMemcachedKeys(learner.id) : await listLearnerKeys(learner.id);
      return jsonOk({ ok: true, ...listed });
    },
    { issueIdentity: false },
  );
}
