'use client';

import Link from 'next/link';
import { ProgressBar } from '@/components/charts/ProgressBar';
import { fetchInterviewResults } from '@/lib/interview/api-client';
import { PanelStatus } from '@/components/ui/PanelStatus';
import { useApiData } from '@/components/ui/use-api-data';
import { buttonProps } from '@/components/ui/Button';

/** Mock-interview scores per topic (average over sessions), weak topics marked, as labelled bars. */
export function InterviewScores() {
  const state = useApiData(fetchInterviewResults);

  if (state.status !== 'ready') return <PanelStatus state={state} what="interview scores" heightClass="h-32" />;
  const { topics, sessions } = state.data;
  if (sessions.length === 0) {
    return (
      <div className="rounded-lg border border-line p-5 text-sm">
        <p>
          No mock interviews yet. Pick a length and topics, answer against the clock, and check yourself against a
          rubric.
        </p>
        <Link href="/interview" {...buttonProps({ size: 'sm', className: 'mt-3' })}>
          Start a mock interview
        </Link>
      </div>
    );
  }
  return (
    <div className="rounded-lg border border-line p-5">
      <p className="text-sm text-muted">
        {sessions.length} interview{sessions.length === 1 ? '' : 's'}; average score per topic (below 60% counts as
        weak).
      </p>
      <ul className="mt-3 space-y-2" aria-label="Interview score per topic">
        {topics.map((topic) => (
          <li
            key={topic.topic}
            className="grid grid-cols-[minmax(0,10rem)_1fr_3.5rem] items-center gap-3 text-sm"
            data-testid={`interview-topic-${topic.topic}`}
          >
            <span className="truncate">{topic.label}</span>
            <ProgressBar
              value={topic.average}
              tone={topic.weak ? 'weak' : 'good'}
              label={`${topic.label}: ${topic.average}% average over ${topic.sessions} interview${topic.sessions === 1 ? '' : 's'}${topic.weak ? ', weak' : ''}`}
            />
            <span
              className={`text-right tabular-nums ${topic.weak ? 'font-semibold text-amber-800 dark:text-amber-300' : ''}`}
            >
              {topic.average}%
            </span>
          </li>
        ))}
      </ul>
      <Link href="/interview" {...buttonProps({ size: 'sm', className: 'mt-4 text-sm' })}>
        Another mock interview
      </Link>
    </div>
  );
}
