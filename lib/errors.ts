/**
 * The errors a request can end in on purpose. A domain module throws an AppError with a code; the
 * route frame (lib/http/response.ts) answers with the status this map gives that code and
 * `{ ok: false, code, error }`. Nothing here imports Next.js, so any server module may throw one.
 */
export const STATUS_BY_CODE = {
  /** The request names or asks for something that cannot be served as asked: say what to send instead. */
  bad_request: 400,
  /** A state-changing request from another site (its Origin is not the app's own). */
  forbidden: 403,
  /** The path names a lesson, quiz, challenge or question the content does not have. */
  not_found: 404,
  payload_too_large: 413,
  /** A state-changing request that is not sent as application/json. */
  unsupported_media_type: 415,
  /** Send `retryAfterSeconds`: the frame turns it into a `Retry-After` header. */
  rate_limited: 429,
  internal: 500,
  /** A Valkey server the app needs is down or dropped the connection. */
  unavailable: 503,
  /** A sandbox engine other than Valkey (Redis OSS, Memcached) is not running; the rest of the app is. */
  engine_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof STATUS_BY_CODE;

export interface AppErrorOptions {
  /** Seconds the client should wait before trying again (429). */
  retryAfterSeconds?: number;
  /** What the sandbox console prints for this failure, sent as the body's `text` (valkey-cli style). */
  text?: string;
  cause?: unknown;
}

export class AppError extends Error {
  override name = 'AppError';
  readonly retryAfterSeconds: number | undefined;
  readonly text: string | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.text = options.text;
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}
