import 'server-only';
/**
 * The sandbox's Memcached engine (docs/sandbox.md#memcached): what the API routes, the idle sweep,
 * /api/health and challenge checks use. Everything else in this folder is its inner workings.
 */
export { executeMemcachedLine } from './execute';
export { listMemcachedKeys, readMemcachedKey, resetMemcachedKeys } from './learner-keys';
export { memcachedHealth } from './health';
export { closeMemcachedConnections, MemcachedUnavailableError } from './connection';
