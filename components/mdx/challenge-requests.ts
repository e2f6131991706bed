/**
 * The page's challenge requests in flight (checks and resets). The sandbox runs one command per
 * learner at a time and refuses a second one, and a check's reads are commands: a challenge's
 * console waits for these to settle before sending the learner's next command, so the automatic
 * checks never make the learner's own command fail.
 */
const inFlight = new Set<Promise<unknown>>();

/** Tracks a request until it settles; returns it unchanged. */
export function trackChallengeRequest<T>(request: Promise<T>): Promise<T> {
  inFlight.add(request);
  const forget = () => inFlight.delete(request);
  request.then(forget, forget);
  return request;
}

/** Resolves once every challenge request now in flight has settled. */
export async function challengeRequestsSettled(): Promise<void> {
  await Promise.allSettled([...inFlight]);
}
