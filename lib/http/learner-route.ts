/**
 * The frame every learner-facing route shares: identify the learner from the signed cookie, run
 * the route's work, issue the cookie if it is new, and answer whatever the work threw through
 * `failureResponse` (an AppError with its status, a down Valkey as 503, anything unexpected as a
 * short 500 logged with context). A new identity counts against the address's allowance, and a
 * route with nothing to offer a learner without a cookie passes `issueIdentity: false`.
 */
import type { NextRequest, NextResponse } from 'next/server';
import { learnerIdentity, withLearnerCookie, type LearnerIdentity } from './learner-identity';
import { assertJsonWriteFromOwnOrigin } from './request-checks';
import { failureResponse } from './response';

export async function handleLearnerRequest(
  request: NextRequest,
  route: string,
  failureMessage: string,
  handle: (learner: LearnerIdentity) => Promise<NextResponse>,
  options: { issueIdentity?: boolean } = {},
): Promise<NextResponse> {
  let learner: LearnerIdentity;
  try {
    // Before the cookie: a cross-site or non-JSON write is refused without minting an identity.
    assertJsonWriteFromOwnOrigin(request);
    learner = await learnerIdentity(request, { issue: options.issueIdentity ?? true });
  } catch (error) {
    return failureResponse(error, route, failureMessage);
  }
  try {
    return withLearnerCookie(await handle(learner), learner, request);
  } catch (error) {
    return withLearnerCookie(failureResponse(error, route, failureMessage), learner, request);
  }
}
