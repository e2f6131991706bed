import { describe, expect, it } from 'vitest';
import type { CardView, DrillCounts } from '@/lib/srs/types';
import {
  drillSessionReducer,
  initialDrillSession,
  type DrillAction,
  type DrillSessionState,
} from './use-drill-session';

const card = (id: string): CardView => ({
  id,
  question: `${id}?`,
  answerHtml: '<p>!</p>',
  topic: 'caching-patterns',
  lesson: 'caching-patterns',
  tags: [],
  difficulty: 'easy',
  state: 'new',
  intervals: { '1': '1m', '2': '6m', '3': '10m', '4': '4d' },
});
const counts = (dueNow: number): DrillCounts => ({
  dueNow,
  dueToday: dueNow,
  newLeftToday: 20,
  newPerDay: 20,
  unseen: 30,
  deckSize: 30,
});
const batch = (ids: string[], front?: CardView): DrillAction => ({
  type: 'batch',
  result: { ok: true, cards: ids.map(card), counts: counts(ids.length), nextDueAt: null },
  front,
});
const play = (...actions: DrillAction[]): DrillSessionState => actions.reduce(drillSessionReducer, initialDrillSession);
const ids = (state: DrillSessionState) => state.queue.map((entry) => entry.id);

describe('drillSessionReducer', () => {
  it('loads a batch, or keeps the queue and reports the error', () => {
    const ready = play(batch(['a', 'b']));
    expect(ready).toMatchObject({ load: { status: 'ready' }, counts: { dueNow: 2 }, revealed: false });
    expect(ids(ready)).toEqual(['a', 'b']);
    const failed = drillSessionReducer(ready, { type: 'batch', result: { ok: false, error: 'Valkey is down' } });
    expect(failed.load).toEqual({ status: 'error', error: 'Valkey is down' });
    expect(ids(failed)).toEqual(['a', 'b']);
  });

  it('puts the card an undo brought back first, once', () => {
    expect(ids(play(batch(['a', 'b', 'c'], card('b'))))).toEqual(['b', 'a', 'c']);
  });

  it('reveals a card once, and not with no card', () => {
    expect(play({ type: 'reveal' })).toBe(initialDrillSession);
    const shown = play(batch(['a']), { type: 'reveal' });
    expect(shown).toMatchObject({ revealed: true, announcement: 'Answer shown. Grade it with 1 to 4.' });
    expect(drillSessionReducer(shown, { type: 'reveal' })).toBe(shown);
  });

  it('after a grade shows the next card, remembers the graded one for undo, and says the grade', () => {
    const graded = play(batch(['a', 'b']), { type: 'reveal' }, { type: 'graded', grade: 3 });
    expect(graded).toMatchObject({ revealed: false, announcement: 'Graded Good.', lastGraded: { id: 'a' } });
    expect(ids(graded)).toEqual(['b']);
  });

  it('keeps the last card of a batch up until the refill', () => {
    const graded = play(batch(['a']), { type: 'reveal' }, { type: 'graded', grade: 1 });
    expect(graded).toMatchObject({ revealed: true, announcement: 'Graded Again.', lastGraded: { id: 'a' } });
    expect(ids(graded)).toEqual(['a']);
  });

  it('forgets the undone grade and says so', () => {
    const undone = play(batch(['a', 'b']), { type: 'reveal' }, { type: 'graded', grade: 4 }, { type: 'undone' });
    expect(undone).toMatchObject({ lastGraded: null, announcement: 'Last grade undone.' });
  });

  it('updates counts, busy and announcements alone', () => {
    const state = play(
      batch(['a', 'b']),
      { type: 'counts', counts: counts(7) },
      { type: 'busy', busy: true },
      { type: 'announce', text: 'Not saved: offline' },
    );
    expect(state).toMatchObject({ counts: { dueNow: 7 }, busy: true, announcement: 'Not saved: offline' });
    expect(ids(state)).toEqual(['a', 'b']);
  });
});
