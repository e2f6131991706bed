'use client';

import { useProgress } from './use-progress';

/** A track's share of steps done (reads, quizzes, challenges), as a labelled progress bar. */
export function TrackProgress({ trackId, title }: { trackId: string; title: string }) {
  const progress = useProgress();
  const track = progress.status === 'ready' ? progress.snapshot.summary.tracks[trackId] : undefined;
  if (!track) return null;
  return (
    <div className="mt-2 flex items-center gap-2 text-xs text-muted">
      <progress
        value={track.percent}
        max={100}
        aria-label={`${title}: ${track.percent}% done`}
        className="h-1.5 w-full overflow-hidden rounded accent-emerald-600"
      />
      <span data-testid={`track-percent-${trackId}`} className="shrink-0 tabular-nums">
        {track.percent}%
      </span>
    </div>
  );
}
