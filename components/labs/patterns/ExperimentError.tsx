/**
 * An experiment the server refused or could not run, in the server's own words, with what to do
 * next: 429 (one run at a time), 400 (a bound exceeded), 503 (the lab's servers are unavailable).
 */
export function ExperimentError({ status, message }: { status: number; message: string }) {
  const advice =
    status === 429
      ? 'Wait for your other run to finish, then run this one.'
      : status === 400
        ? 'Change the values the server names, then run again.'
        : status === 503
          ? 'The lab is unavailable for a moment: try again shortly.'
          : null;
  return (
    <p role="alert" className="mt-3 rounded-md border border-danger-line p-3 text-sm" data-status={status}>
      {message}
      {advice && <span className="block text-muted">{advice}</span>}
    </p>
  );
}
