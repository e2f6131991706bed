/**
 * The second layer of isolation: each learner is a Valkey ACL user that can only touch keys and
 * channels under its own prefix and only run the allow-listed commands. Even if the app's key
 * rewriting had a bug, the server itself would answer NOPERM (docs/reference/sandbox-security.md §2–3).
 */
import { allowedCommandRules } from './command-table';
import { sandboxKeyPrefix } from '@/lib/valkey/keys';

export function learnerUsername(learnerId: string): string {
  return `lrn_${learnerId}`;
}

/** Arguments for `ACL SETUSER <user> …`: starts from `reset`, so it is idempotent. */
export function learnerAclRules(learnerId: string, password: string): string[] {
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
    'nocommands',
    ...allowedCommandRules(),
    // SORT's BY and GET are refused by the server unless the user may read every key. This
    // selector gives that to SORT alone, reads only; writes (STORE) stay in the learner's space.
    // The app gives every key, BY and GET pattern the learner's prefix (command-table.ts), so a
    // pattern still only names `sb:<id>:…`.
    `(+sort +sort_ro %R~* %W~${prefix}*)`,
  ];
}
