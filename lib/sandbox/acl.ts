/**
 * The second layer of isolation: each learner is a Valkey ACL user that can only touch keys and
 * channels under its own prefix and only run the allow-listed commands. Even if the app's key
 * rewriting had a bug, the server itself would answer NOPERM (docs/reference/sandbox-security.md §2–3).
 */
import { allowedCommandRules } from './command-table';
import { INVALIDATION_CHANNEL, LIVE_COMMAND_RULES } from './live/channels';
import { sandboxKeyPrefix } from '@/lib/valkey/keys';

export function learnerUsername(learnerId: string): string {
  return `lrn_${learnerId}`;
}

/** Arguments for `ACL SETUSER <user> …`: starts from `reset`, so it is idempotent. */
export function learnerAclRules(learnerId: string, password: string, grantedPatterns: Iterable<string> = []): string[] {
  const prefix = sandboxKeyPrefix(learnerId);
  // An explicit list, not categories: categories gain commands on upgrade (SCAN, DBSIZE and
  // PUBSUB slipped through `+@read -@dangerous` in testing).
  return [
    'reset',
    'on',
    `>${password}`,
    `~${prefix}*`,
    'resetchannels',
    `&${prefix}*`,
    // PSUBSCRIBE is checked literally: a pattern is allowed only if it is one of the channel
    // permissions, character for character (acl.c, ACLCheckChannelAgainstList). Each pattern a
    // console subscribes to is granted as it is, always starting with the learner's escaped prefix.
    ...[...grantedPatterns].map((pattern) => `&${pattern}`),
    'nocommands',
    ...allowedCommandRules(),
    ...LIVE_COMMAND_RULES,
    // SORT's BY and GET are refused by the server unless the user may read every key. This
    // selector gives that to SORT alone, reads only; writes (STORE) stay in the learner's space.
    // The app gives every key, BY and GET pattern the learner's prefix (command-table.ts), so a
    // pattern still only names `sb:<id>:…`.
    `(+sort +sort_ro %R~* %W~${prefix}*)`,
    // Client-side caching: a console's subscriber connection receives the invalidations it is the
    // REDIRECT target of on this channel. SUBSCRIBE to it alone; never PUBLISH (it is server-wide).
    `(+subscribe &${INVALIDATION_CHANNEL})`,
  ];
}
