'use client';

import { useEffect } from 'react';
import { browserStorage, writeSavedInterview } from '@/lib/interview/saved-interview';
import type { InterviewSession } from '@/lib/interview/types';
import { progressOf, type InterviewRun } from './use-interview-run';

/**
 * Keeps the running interview in localStorage as it changes, so a reload resumes it, and asks
 * "leave this page?" while an answer is being written (a typed draft whose model answer is not shown).
 *
 * Saved on every change, drafts included, with no debounce: the record is a few kilobytes of plain
 * data, far cheaper to write than the keystroke's render, and nothing typed waits in a timer that
 * a reload or an in-app link would cancel.
 */
export function useSavedRun(session: InterviewSession, run: InterviewRun): void {
  useEffect(() => {
    writeSavedInterview(browserStorage(), { phase: 'running', session, progress: progressOf(run) }, Date.now());
  }, [session, run]);

  const writing = !run.revealed && run.drafts[run.index]!.trim() !== '';
  useEffect(() => {
    if (!writing) return;
    const askFirst = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', askFirst);
    return () => window.removeEventListener('beforeunload', askFirst);
  }, [writing]);
}
