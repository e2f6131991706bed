/** What checking a challenge answers, as `POST /api/challenges/:id/check` sends it. No server code: the widget imports it. */
export interface CheckResult {
  label: string;
  passed: boolean;
  /** Why it failed (the author's message, then what the server answered), or what passed. */
  detail: string;
}

export interface ChallengeResult {
  passed: boolean;
  checks: CheckResult[];
}

/** What resetting a challenge's keys answers, as `POST /api/challenges/:id/reset` sends it. */
export interface ChallengeReset {
  /** Every key the challenge's checks look at. */
  keys: string[];
  /** Those that existed and were deleted. */
  deleted: string[];
}
