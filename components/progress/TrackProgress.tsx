'use client';

import { ProgressBar } from '@/components/charts/ProgressBar';
import { useProgress } from './use-progress';

/** A track's share of steps done (reads, quizzes, challenges), as a labelled progress bar. */
export function TrackProgress({ trackId, title }: { trackId: string; title: string }) {
  const progress = useProgress();
  const track = progress.status === 'ready' ? progress.snapshot.summary.tracks[trackId] : undefined;
  if (!track) return null;
  return (
    <div className="mt-2 flex items-center gap-2 text-xs text-muted">
      <ProgressBar value={track.percent} label={`${title}: ${track.percent}% done`} thin />
      <span data-testid={`track-percent-${trackId}`} className="shrink-0 tabular-nums">
        {track.percent}%
      </span>
    </div>
  );
}
