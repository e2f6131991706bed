import 'server-only';
import { getValkey } from '@/lib/valkey/connections';
import { scanKeys } from '@/lib/valkey/scan-keys';
import type { SandboxKey } from './api-types';
import { sandboxKeyPrefix } from '@/lib/valkey/keys';

export const KEY_BROWSER_LIMIT = 200;

/** The learner's keys for the key browser, at most KEY_BROWSER_LIMIT of them, sorted by name. */
export async function listLearnerKeys(learnerId: string): Promise<{ keys: SandboxKey[]; truncated: boolean }> {
  const admin = await getValkey('sandbox');
  const prefix = sandboxKeyPrefix(learnerId);
  const found: string[] = [];
  for await (const page of scanKeys(admin, `${prefix}*`, { limit: KEY_BROWSER_LIMIT + 1 })) found.push(...page);
  const truncated = found.length > KEY_BROWSER_LIMIT;
  const names = found.sort().slice(0, KEY_BROWSER_LIMIT);
  const pipeline = admin.pipeline();
  for (const name of names) pipeline.type(name).ttl(name).memory('USAGE', name);
  const results = (await pipeline.exec()) ?? [];
  const keys = names
    .map((name, index) => {
      const [type, ttl, bytes] = results.slice(index * 3, index * 3 + 3).map(([, value]) => value);
      return {
        name: name.slice(prefix.length),
        type: String(type),
        ttl: Number(ttl),
        bytes: bytes === null || bytes === undefined ? null : Number(bytes),
      };
    })
    // A key that expired between SCAN and TYPE reads as "none": it is gone, so leave it out.
    .filter((key) => key.type !== 'none');
  return { keys, truncated };
}
