'use client';

import { useState } from 'react';
import type { Topic } from '@/lib/content/topics';
import { startInterviewSession } from '@/lib/interview/api-client';
import { WEAK_BELOW } from '@/lib/interview/scoring';
import { INTERVIEW_LENGTHS, type InterviewLength, type InterviewSession } from '@/lib/interview/types';
import { useHydrated } from '@/components/ui/use-hydrated';
import { Button } from '@/components/ui/Button';

export interface TopicOption {
  topic: Topic;
  label: string;
  cards: number;
  scenarios: number;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Length and topics, then Start: the server builds the session. */
export function InterviewSetup({
  topics,
  onStart,
}: {
  topics: TopicOption[];
  onStart: (session: InterviewSession) => void;
}) {
  const hydrated = useHydrated();
  const [minutes, setMinutes] = useState<InterviewLength>(15);
  const [chosen, setChosen] = useState<Set<Topic>>(() => new Set(topics.map((option) => option.topic)));
  const [state, setState] = useState<{ status: 'idle' } | { status: 'starting' } | { status: 'error'; error: string }>({
    status: 'idle',
  });
  const [noTopic, setNoTopic] = useState(false);

  const toggle = (topic: Topic) => {
    setNoTopic(false);
    setChosen((current) => {
      const next = new Set(current);
      if (!next.delete(topic)) next.add(topic);
      return next;
    });
  };

  const start = async () => {
    if (chosen.size === 0) return setNoTopic(true);
    setState({ status: 'starting' });
    // Keep the course order, whatever order the boxes were ticked in.
    const result = await startInterviewSession({
      minutes,
      topics: topics.map((option) => option.topic).filter((topic) => chosen.has(topic)),
    });
    if (!result.ok) return setState({ status: 'error', error: result.error });
    onStart(result);
  };

  const disabled = !hydrated || state.status === 'starting';
  const pill =
    'flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-line-strong px-3 py-2 text-sm has-[:checked]:border-accent-line has-[:checked]:bg-accent-soft';
  return (
    <form
      aria-label="Interview setup"
      className="mt-6 space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        void start();
      }}
    >
      <fieldset>
        <legend className="font-semibold">Length</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {INTERVIEW_LENGTHS.map((length) => (
            <label key={length} className={pill}>
              <input
                type="radio"
                name="interview-length"
                value={length}
                checked={minutes === length}
                disabled={disabled}
                onChange={() => setMinutes(length)}
              />
              {length} minutes
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset aria-describedby={noTopic ? 'interview-no-topic' : undefined}>
        <legend className="font-semibold">Topics</legend>
        <div className="mt-2 flex flex-wrap gap-2 text-sm">
          <Button
            variant="secondary"
            size="sm"
            className="min-h-10"
            disabled={disabled}
            onClick={() => {
              setChosen(new Set(topics.map((option) => option.topic)));
              setNoTopic(false);
            }}
          >
            All topics
          </Button>
          <Button
            variant="secondary"
            size="sm"
            className="min-h-10"
            disabled={disabled}
            onClick={() => setChosen(new Set())}
          >
            Clear
          </Button>
        </div>
        <div className="mt-3 grid gap-2 sm:grid-cols-2">
          {topics.map((option) => (
            <label key={option.topic} className={pill}>
              <input
                type="checkbox"
                name="interview-topics"
                value={option.topic}
                checked={chosen.has(option.topic)}
                disabled={disabled}
                onChange={() => toggle(option.topic)}
              />
              <span>
                {option.label}
                <span className="block text-xs text-muted">
                  {plural(option.scenarios, 'scenario')}, {plural(option.cards, 'flashcard')}
                </span>
              </span>
            </label>
          ))}
        </div>
        {noTopic && (
          <p id="interview-no-topic" role="alert" className="mt-2 text-sm text-danger-text">
            Pick at least one topic.
          </p>
        )}
      </fieldset>

      <div>
        <Button type="submit" size="lg" disabled={disabled}>
          {state.status === 'starting' ? 'Building your interview…' : 'Start the interview'}
        </Button>
        <p className="sr-only" role="status">
          {state.status === 'starting' ? 'Building your interview…' : ''}
        </p>
        {state.status === 'error' && (
          <p role="alert" className="mt-2 rounded-md border border-rose-400 p-3 text-sm">
            Could not start the interview: {state.error}
          </p>
        )}
      </div>

      <div className="rounded-lg bg-slate-50 p-4 text-sm text-slate-700 dark:bg-slate-900 dark:text-slate-300">
        <h2 className="font-semibold text-slate-900 dark:text-slate-100">How it works</h2>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>
            Mostly design and troubleshooting scenarios, with quick flashcard questions in between (about 2 minutes
            each).
          </li>
          <li>
            Each question has its own timer, and the whole interview has one. Answer out loud, type, or jot an outline.
          </li>
          <li>
            Then compare with the model answer: tick the key points you covered, or say how much of a flashcard you got.
          </li>
          <li>
            A topic scoring below {WEAK_BELOW}% counts as weak: the summary links its lessons, and its flashcards come
            first in your drills.
          </li>
        </ul>
      </div>
    </form>
  );
}
