/**
 * Shell-style command history for the REPL: ↑ walks back, ↓ walks forward, and the line being
 * typed before walking is kept as the draft to come back to.
 */
export interface HistoryState {
  entries: string[];
  /** Index into entries while browsing; entries.length means "at the draft". */
  cursor: number;
  draft: string;
}

export const MAX_HISTORY = 200;

export function emptyHistory(): HistoryState {
  return { entries: [], cursor: 0, draft: '' };
}

export function recordCommand(state: HistoryState, command: string): HistoryState {
  const trimmed = command.trim();
  const last = state.entries[state.entries.length - 1];
  const entries = trimmed === '' || trimmed === last ? state.entries : [...state.entries, trimmed].slice(-MAX_HISTORY);
  return { entries, cursor: entries.length, draft: '' };
}

/** Moves through history; returns the new state and the line the input should show. */
export function browseHistory(
  state: HistoryState,
  direction: 'older' | 'newer',
  currentLine: string,
): { state: HistoryState; line: string } {
  const atDraft = state.cursor === state.entries.length;
  const draft = atDraft ? currentLine : state.draft;
  const cursor =
    direction === 'older' ? Math.max(0, state.cursor - 1) : Math.min(state.entries.length, state.cursor + 1);
  const line = cursor === state.entries.length ? draft : (state.entries[cursor] ?? '');
  return { state: { ...state, cursor, draft }, line };
}
