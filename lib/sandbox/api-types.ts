/**
 * The JSON the sandbox's API routes send, shared by the server that builds it and the browser
 * that reads it. Types only, so client code may import it (the modules that build these bodies
 * are server-only).
 */
import type { JsonReply } from './reply';

/** The body of POST /api/sandbox/exec for a command that got a verdict (HTTP 200). */
export interface ExecReply {
  ok: boolean;
  text: string;
  reply: JsonReply;
  ms: number;
  error?: string;
  /** Present when the formatted reply was cut to the size limit. */
  truncated?: boolean;
  /**
   * For a line sent from a live console: whether that console is in subscribe mode after it
   * (valkey-cli's pubsub_mode, from the first subscribe confirmation until Stop listening).
   */
  subscribeMode?: boolean;
}

/** One of the learner's keys in GET /api/sandbox/keys (the key browser). */
export interface SandboxKey {
  /** As the learner names it, without their prefix. */
  name: string;
  type: string;
  /** Seconds left, or -1 when the key never expires. */
  ttl: number;
  /** Approximate bytes (MEMORY USAGE), or null when the server would not say. */
  bytes: number | null;
}
