'use client';

import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ApiResult } from '@/lib/http/api-client';
import { fetchDrillBatch, gradeCard, saveNewPerDay, undoGrade } from '@/lib/srs/api-client';
import { GRADE_NAMES, isGrade } from '@/lib/srs/grades';
import type { CardView, DrillCounts, DrillQueue } from '@/lib/srs/types';

export type Load = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready' };

/** The cards of the current batch (the first is shown), the deck's counts, and what the live region says. */
export interface DrillSessionState {
  queue: CardView[];
  counts: DrillCounts | null;
  nextDueAt: number | null;
  revealed: boolean;
  load: Load;
  /** A grade or an undo is being saved. */
  busy: boolean;
  announcement: string;
  /** The card the last grade went to, while it can be undone. */
  lastGraded: CardView | null;
}

export type DrillAction =
  /** A batch from the server; `front` (the card an undo brought back) goes first. */
  | { type: 'batch'; result: ApiResult<DrillQueue>; front?: CardView }
  | { type: 'counts'; counts: DrillCounts }
  | { type: 'reveal' }
  | { type: 'busy'; busy: boolean }
  | { type: 'announce'; text: string }
  /** The shown card's grade was saved: show the next card of the batch, if any (else a refill follows). */
  | { type: 'graded'; grade: number }
  | { type: 'undone' };

export const initialDrillSession: DrillSessionState = {
  queue: [],
  counts: null,
  nextDueAt: null,
  revealed: false,
  load: { status: 'loading' },
  busy: false,
  announcement: '',
  lastGraded: null,
};

export function drillSessionReducer(state: DrillSessionState, action: DrillAction): DrillSessionState {
  switch (action.type) {
    case 'batch': {
      const { result, front } = action;
      if (!result.ok) return { ...state, load: { status: 'error', error: result.error } };
      const queue = front ? [front, ...result.cards.filter((entry) => entry.id !== front.id)] : result.cards;
      return {
        ...state,
        queue,
        counts: result.counts,
        nextDueAt: result.nextDueAt,
        revealed: false,
        load: { status: 'ready' },
      };
    }
    case 'counts':
      return { ...state, counts: action.counts };
    case 'reveal':
      if (state.queue.length === 0 || state.revealed) return state;
      return { ...state, revealed: true, announcement: 'Answer shown. Grade it with 1 to 4.' };
    case 'busy':
      return { ...state, busy: action.busy };
    case 'announce':
      return { ...state, announcement: action.text };
    case 'graded': {
      const [card, ...rest] = state.queue;
      if (!card) return state;
      const graded = {
        ...state,
        lastGraded: card,
        announcement: isGrade(action.grade) ? `Graded ${GRADE_NAMES[action.grade]}.` : state.announcement,
      };
      // The last card of a batch stays up until the refill replaces it.
      return rest.length > 0 ? { ...graded, queue: rest, revealed: false } : graded;
    }
    case 'undone':
      return { ...state, lastGraded: null, announcement: 'Last grade undone.' };
  }
}

/** Where focus goes once the next render is on screen. */
type FocusNext = 'grades' | 'next' | null;

/**
 * A drill session's state and its moves: cards come in batches from the server, which decides what
 * is due; the page only walks them.
 *
 * Focus follows the loop, since the control that had it is removed each time: after a reveal it
 * moves to the default grade (Good, so Space or Enter grades as in Anki), and after a grade or an
 * undo to the next card's reveal button, or to the "nothing due" heading when the deck is done.
 * It is moved after React has drawn the new card, never on the first load.
 */
export function useDrillSession() {
  const [topic, setTopic] = useState('');
  const [cram, setCram] = useState(false);
  const [state, dispatch] = useReducer(drillSessionReducer, initialDrillSession);
  const revealButton = useRef<HTMLButtonElement>(null);
  const defaultGrade = useRef<HTMLButtonElement>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  const focusNext = useRef<FocusNext>(null);
  const { queue, revealed, busy, lastGraded } = state;
  const card = queue[0];

  const refill = useCallback(
    async (front?: CardView) =>
      dispatch({ type: 'batch', result: await fetchDrillBatch(topic ? [topic] : [], cram), front }),
    [topic, cram],
  );

  useEffect(() => {
    let current = true;
    void fetchDrillBatch(topic ? [topic] : [], cram).then((result) => current && dispatch({ type: 'batch', result }));
    return () => {
      current = false;
    };
  }, [topic, cram]);

  // After every render: the wanted control may only now exist (the next card, the grade buttons).
  useEffect(() => {
    const wanted = focusNext.current;
    const target =
      wanted === 'grades' && revealed
        ? defaultGrade.current
        : wanted === 'next' && !revealed && !busy
          ? (revealButton.current ?? doneHeading.current)
          : null;
    if (!target) return;
    target.focus();
    focusNext.current = null;
  });

  const reveal = useCallback(() => {
    focusNext.current = 'grades';
    dispatch({ type: 'reveal' });
  }, []);

  const grade = useCallback(
    async (value: number) => {
      if (!card || !revealed || busy) return;
      dispatch({ type: 'busy', busy: true });
      const result = await gradeCard(card.id, value, cram);
      dispatch({ type: 'busy', busy: false });
      if (!result.ok) return dispatch({ type: 'announce', text: `Not saved: ${result.error}` });
      focusNext.current = 'next';
      dispatch({ type: 'graded', grade: value });
      if (queue.length > 1 && !cram) {
        // Counts move on the server; refresh them without losing the place in the batch.
        void fetchDrillBatch(topic ? [topic] : [], cram).then((fresh) => {
          if (fresh.ok) dispatch({ type: 'counts', counts: fresh.counts });
        });
      } else if (queue.length <= 1) {
        await refill();
      }
    },
    [card, revealed, busy, cram, queue, refill, topic],
  );

  const undo = useCallback(async () => {
    if (!lastGraded || busy) return;
    dispatch({ type: 'busy', busy: true });
    const result = await undoGrade();
    dispatch({ type: 'busy', busy: false });
    if (!result.ok) return dispatch({ type: 'announce', text: `Could not undo: ${result.error}` });
    focusNext.current = 'next';
    dispatch({ type: 'undone' });
    await refill(lastGraded);
  }, [lastGraded, busy, refill]);

  const changeNewPerDay = async (value: number) => {
    const result = await saveNewPerDay(value);
    dispatch({
      type: 'announce',
      text: result.ok ? `New cards per day set to ${value}.` : `Not saved: ${result.error}`,
    });
    await refill();
  };

  return {
    state,
    card,
    topic,
    setTopic,
    cram,
    setCram,
    revealButton,
    defaultGrade,
    doneHeading,
    reveal,
    grade,
    undo,
    refill,
    changeNewPerDay,
  };
}
