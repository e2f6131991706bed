import { describe, expect, it } from 'vitest';
import { browseHistory, emptyHistory, MAX_HISTORY, recordCommand } from './history';

describe('REPL history', () => {
  it('walks back and forth and returns to the draft being typed', () => {
    let state = recordCommand(recordCommand(emptyHistory(), 'SET a 1'), 'GET a');
    let step = browseHistory(state, 'older', 'INC');
    expect(step.line).toBe('GET a');
    step = browseHistory(step.state, 'older', step.line);
    expect(step.line).toBe('SET a 1');
    step = browseHistory(step.state, 'older', step.line);
    expect(step.line).toBe('SET a 1');
    step = browseHistory(step.state, 'newer', step.line);
    expect(step.line).toBe('GET a');
    step = browseHistory(step.state, 'newer', step.line);
    expect(step.line).toBe('INC');
    state = recordCommand(step.state, 'INCR a');
    expect(state.entries).toEqual(['SET a 1', 'GET a', 'INCR a']);
  });

  it('skips blanks and immediate repeats, and keeps a bounded list', () => {
    let state = emptyHistory();
    for (const line of ['PING', 'PING', '  ', 'ECHO x']) state = recordCommand(state, line);
    expect(state.entries).toEqual(['PING', 'ECHO x']);
    for (let i = 0; i < MAX_HISTORY + 10; i++) state = recordCommand(state, `GET k${i}`);
    expect(state.entries).toHaveLength(MAX_HISTORY);
    expect(state.entries.at(-1)).toBe(`GET k${MAX_HISTORY + 9}`);
  });
});
