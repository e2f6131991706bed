import 'server-only';
import { MemcachedUnavailableError, memcachedRequest } from './connection';

/** Whether the sandbox Memcached answers, and its version (public: lessons teach it). */
export async function memcachedHealth(): Promise<{ ok: boolean; version?: string; error?: string }> {
  try {
    const reply = await memcachedRequest(Buffer.from('version\r\n'), 'line');
    const version = /^VERSION (\S+)$/.exec(reply.lastLine)?.[1];
    return version ? { ok: true, version } : { ok: false, error: `unexpected reply to version: ${reply.lastLine}` };
  } catch (error) {
    if (error instanceof MemcachedUnavailableError) return { ok: false, error: error.detail };
    throw error;
  }
}
