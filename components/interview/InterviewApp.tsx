'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/Button';
import { startInterviewSession } from '@/lib/interview/api-client';
import {
  browserStorage,
  clearSavedInterview,
  readSavedInterview,
  SAVED_INTERVIEW_KEY,
  sameQuestions,
  writeSavedInterview,
} from '@/lib/interview/saved-interview';
import type { InterviewResultSummary, InterviewSession } from '@/lib/interview/types';
import { InterviewRunner } from './InterviewRunner';
import { InterviewSetup, type TopicOption } from './InterviewSetup';
import { InterviewSummary } from './InterviewSummary';
import { resumeRun, startRun, type InterviewRun } from './use-interview-run';

type Phase =
  | { name: 'setup' }
  | { name: 'resumeFailed'; error: string; canRetry: boolean }
  | { name: 'running'; session: InterviewSession; initial: InterviewRun }
  | { name: 'summary'; session: InterviewSession; summary: InterviewResultSummary; answered: number };

const subscribeNever = () => () => {};

/**
 * The saved interview, its questions built again by the server from the same length, topics and
 * seed; the setup form when nothing usable is saved (readSavedInterview removes what is not).
 */
async function resumeInterview(): Promise<Phase> {
  const saved = readSavedInterview(browserStorage(), Date.now());
  if (!saved) return { name: 'setup' };
  const session = await startInterviewSession(saved.request);
  if (!session.ok) return { name: 'resumeFailed', error: session.error, canRetry: true };
  if (!sameQuestions(saved, session)) {
    clearSavedInterview(browserStorage());
    return {
      name: 'resumeFailed',
      error: 'its questions have changed since it began (the course was updated). Start a new one.',
      canRetry: false,
    };
  }
  return saved.phase === 'running'
    ? { name: 'running', session, initial: resumeRun(saved.progress) }
    : { name: 'summary', session, summary: saved.summary, answered: saved.answered };
}

/**
 * Setup → questions → summary. The running interview and then its summary are kept in this
 * browser (lib/interview/saved-interview.ts), so a reload or a stray link resumes where it was,
 * clocks included, until the learner starts another one.
 */
export function InterviewApp({ topics }: { topics: TopicOption[] }) {
  const [phase, setPhase] = useState<Phase>({ name: 'setup' });
  // False in the server's HTML and during hydration; then whether this browser holds an interview.
  const hasSaved = useSyncExternalStore(
    subscribeNever,
    () => browserStorage().getItem(SAVED_INTERVIEW_KEY) !== null,
    () => false,
  );
  const resuming = phase.name === 'setup' && hasSaved;

  useEffect(() => {
    if (!resuming) return;
    let current = true;
    void resumeInterview().then((next) => current && setPhase(next));
    return () => {
      current = false;
    };
  }, [resuming]);

  const startOver = () => {
    clearSavedInterview(browserStorage());
    setPhase({ name: 'setup' });
  };

  if (resuming)
    return (
      <p role="status" className="mt-6 text-muted">
        Resuming your interview…
      </p>
    );
  if (phase.name === 'setup')
    return (
      <InterviewSetup
        topics={topics}
        onStart={(session) =>
          setPhase({ name: 'running', session, initial: startRun(session.questions.length, Date.now()) })
        }
      />
    );
  if (phase.name === 'resumeFailed')
    return (
      <div role="alert" className="mt-6 rounded-md border border-danger-line p-4 text-sm">
        <p>Your interview could not be resumed: {phase.error}</p>
        <div className="mt-3 flex flex-wrap gap-2">
          {phase.canRetry && (
            <Button size="md" className="min-h-11" onClick={() => setPhase({ name: 'setup' })}>
              Try again
            </Button>
          )}
          <Button variant="secondary" size="md" className="min-h-11" onClick={startOver}>
            Start a new interview
          </Button>
        </div>
      </div>
    );
  if (phase.name === 'running') {
    return (
      <InterviewRunner
        session={phase.session}
        initial={phase.initial}
        onFinished={(summary, answered) => {
          writeSavedInterview(
            browserStorage(),
            { phase: 'summary', session: phase.session, summary, answered },
            Date.now(),
          );
          setPhase({ name: 'summary', session: phase.session, summary, answered });
        }}
      />
    );
  }
  return (
    <InterviewSummary
      summary={phase.summary}
      questions={phase.session.questions.slice(0, phase.answered)}
      onRestart={startOver}
    />
  );
}
