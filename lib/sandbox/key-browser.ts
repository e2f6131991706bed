import 'server-only';
import { getValkey } from '@/lib/valkey/connections';
import type { SandboxKey } from './api-types';
import { sandboxRoleFor, type RespEngine } from './engine-routing';
import { repr } from './format';
import { existingNames, indexedNames, serverKeyName } from './key-index';

export const KEY_BROWSER_LIMIT = 200;

/**
 * A key name as the browser shows it: as typed when it is plain printable ASCII, else quoted and
 * escaped exactly as valkey-cli prints it ("\xff…"), so that a binary name is visible and no two
 * names look alike (a plain name never starts with a quote).
 */
export function displayKeyName(name: Buffer): string {
  const plain = name.length > 0 && name.every((byte) => byte >= 0x20 && byte <= 0x7e && byte !== 0x22 && byte !== 0x5c);
  return plain ? name.toString('latin1') : repr(name);
}

/**
 * The learner's keys for the key browser, at most KEY_BROWSER_LIMIT of them, sorted by name
 * (bytes). Read from the learner's key index, so it costs O(their keys), never a server-wide SCAN;
 * sizes are MEMORY USAGE … SAMPLES 0, the real size (the default samples only five elements).
 */
export async function listLearnerKeys(
  learnerId: string,
  engine: RespEngine = 'valkey',
): Promise<{ keys: SandboxKey[]; truncated: boolean }> {
  const admin = await getValkey(sandboxRoleFor(engine));
  const indexed = (await indexedNames(admin, learnerId)).sort(Buffer.compare);
  // No pruning here: this request may race the learner's own writes.
  const live = await existingNames(admin, learnerId, indexed, { prune: false });
  const truncated = live.length > KEY_BROWSER_LIMIT;
  const names = live.slice(0, KEY_BROWSER_LIMIT);
  const pipeline = admin.pipeline();
  for (const name of names) {
    const key = serverKeyName(learnerId, name);
    pipeline.type(key).ttl(key).call('MEMORY', 'USAGE', key, 'SAMPLES', '0');
  }
  const results = (await pipeline.exec()) ?? [];
  const keys = names
    .map((name, index) => {
      const [type, ttl, bytes] = results.slice(index * 3, index * 3 + 3).map(([, value]) => value);
      return {
        name: displayKeyName(name),
        type: String(type),
        ttl: Number(ttl),
        bytes: bytes === null || bytes === undefined ? null : Number(bytes),
      };
    })
    // A key that expired since the existence check reads as "none": it is gone, so leave it out.
    .filter((key) => key.type !== 'none');
  return { keys, truncated };
}
