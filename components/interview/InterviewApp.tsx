'use client';

import { useState } from 'react';
import type { InterviewResultSummary, InterviewSession } from '@/lib/interview/types';
import { InterviewRunner } from './InterviewRunner';
import { InterviewSetup, type TopicOption } from './InterviewSetup';
import { InterviewSummary } from './InterviewSummary';

type Phase =
  | { name: 'setup' }
  | { name: 'running'; session: InterviewSession; startedAt: number }
  | { name: 'summary'; session: InterviewSession; summary: InterviewResultSummary; answered: number };

/** Setup → questions → summary. The session lives in this component only: a reload starts over. */
export function InterviewApp({ topics }: { topics: TopicOption[] }) {
  const [phase, setPhase] = useState<Phase>({ name: 'setup' });
  if (phase.name === 'setup')
    return (
      <InterviewSetup
        topics={topics}
        onStart={(session) => setPhase({ name: 'running', session, startedAt: Date.now() })}
      />
    );
  if (phase.name === 'running') {
    return (
      <InterviewRunner
        session={phase.session}
        startedAt={phase.startedAt}
        onFinished={(summary, answered) => setPhase({ name: 'summary', session: phase.session, summary, answered })}
      />
    );
  }
  return (
    <InterviewSummary
      summary={phase.summary}
      questions={phase.session.questions.slice(0, phase.answered)}
      onRestart={() => setPhase({ name: 'setup' })}
    />
  );
}
