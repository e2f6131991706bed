import 'server-only';
import { getValkey } from '@/lib/valkey/connections';
import { sandboxKeyPrefix } from '@/lib/valkey/keys';

export interface KeySummary {
  name: string;
  type: string;
  /** Seconds left, or -1 when the key never expires. */
  ttl: number;
  /** Approximate bytes (MEMORY USAGE), or null when the server would not say. */
  bytes: number | null;
}

export const KEY_BROWSER_LIMIT = 200;

/** The learner's keys for the key browser, at most KEY_BROWSER_LIMIT of them, sorted by name. */
export async function listLearnerKeys(learnerId: string): Promise<{ keys: KeySummary[]; truncated: boolean }> {
  const admin = await getValkey('sandbox');
  const prefix = sandboxKeyPrefix(learnerId);
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await admin.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    found.push(...batch);
    cursor = next;
  } while (cursor !== '0' && found.length <= KEY_BROWSER_LIMIT);
  const truncated = found.length > KEY_BROWSER_LIMIT;
  const names = found.sort().slice(0, KEY_BROWSER_LIMIT);
  const pipeline = admin.pipeline();
  for (const name of names) pipeline.type(name).ttl(name).memory('USAGE', name);
  const results = (await pipeline.exec()) ?? [];
  const keys = names
    .map((name, index) => {
      const [type, ttl, bytes] = results.slice(index * 3, index * 3 + 3).map(([, value]) => value);
      return { name: name.slice(prefix.length), type: String(type), ttl: Number(ttl), bytes: bytes === null || bytes === undefined ? null : Number(bytes) };
    })
    // A key that expired between SCAN and TYPE reads as "none": it is gone, so leave it out.
    .filter((key) => key.type !== 'none');
  return { keys, truncated };
}
