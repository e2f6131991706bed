import 'server-only';
/**
 * The `engine` a sandbox request names: in the JSON body of POST /api/sandbox/exec (read with the
 * rest of its body there) and POST /api/sandbox/reset, or the query of GET /api/sandbox/keys.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { readQuery } from '@/lib/http/response';
import { readBodyText } from '@/lib/http/request-checks';
import { DEFAULT_ENGINE, SANDBOX_ENGINES, type SandboxEngine } from './engines';

/** The `engine` field of the sandbox API's requests: optional, Valkey when left out. */
export const EngineField = z
  .enum(SANDBOX_ENGINES, { error: `must be one of ${SANDBOX_ENGINES.join(', ')}` })
  .default(DEFAULT_ENGINE);

const EngineChoice = z.object({ engine: EngineField });

/** Largest body a request that only names an engine may send. */
const MAX_ENGINE_BODY_BYTES = 1024;

/**
 * The engine of a POST whose body is optional (Reset): an empty body means Valkey, as before the
 * engines existed; otherwise a JSON object `{"engine"?: …}`. A bad value is a 400 that says which.
 */
export async function readEngineBody(request: Request): Promise<SandboxEngine> {
  const text = await readBodyText(request, MAX_ENGINE_BODY_BYTES);
  if (text.trim() === '') return EngineChoice.parse({}).engine;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'The request body must be JSON, for example {"engine": "redis"}.');
  }
  const parsed = EngineChoice.safeParse(json);
  if (parsed.success) return parsed.data.engine;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `"${issue.path.join('.')}": ` : '';
  throw new AppError('bad_request', `Invalid request body: ${where}${issue?.message ?? 'invalid'}.`);
}

/** The engine of a GET (`?engine=`), Valkey when left out. */
export function readEngineQuery(request: Request): SandboxEngine {
  return readQuery(request, EngineChoice).engine;
}
