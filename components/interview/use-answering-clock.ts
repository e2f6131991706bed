'use client';

import { useEffect, useState } from 'react';
import { crossedMilestones, interviewMilestones, questionMilestones } from '@/lib/interview/clock';

/**
 * The clock of one answering period: `now` ticks every half second while `since` is set (answering)
 * and stops while it is null (reviewing). `announcement` holds the milestones crossed at the last
 * tick that crossed any, for a polite live region; it empties when `question` changes, never on a tick.
 */
export function useAnsweringClock({
  question,
  since,
  questionBudget,
  interviewBudget,
  spentOthers,
}: {
  question: number;
  since: number | null;
  questionBudget: number;
  interviewBudget: number;
  spentOthers: number;
}) {
  const [now, setNow] = useState(() => Date.now());
  const [announced, setAnnounced] = useState<{ question: number; text: string }>({ question, text: '' });

  // Ticks while answering; announces only the milestones crossed since the last tick.
  useEffect(() => {
    if (since === null) return;
    const questionMarks = questionMilestones(questionBudget);
    const interviewMarks = interviewMilestones(interviewBudget);
    // From the seconds already spent, not 0: a run resumed after a reload does not announce again
    // the milestones it passed before.
    let last = Math.max(0, Math.floor((Date.now() - since) / 1000));
    const timer = setInterval(() => {
      const tick = Date.now();
      const seconds = Math.floor((tick - since) / 1000);
      const crossed = [
        ...crossedMilestones(questionMarks, last, seconds),
        ...crossedMilestones(interviewMarks, spentOthers + last, spentOthers + seconds),
      ];
      last = seconds;
      setNow(tick);
      if (crossed.length > 0) setAnnounced({ question, text: crossed.map((milestone) => milestone.message).join(' ') });
    }, 500);
    return () => clearInterval(timer);
  }, [question, since, questionBudget, interviewBudget, spentOthers]);

  return { now, announcement: announced.question === question ? announced.text : '' };
}
