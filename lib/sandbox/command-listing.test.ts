import { describe, expect, it } from 'vitest';
import { commandListing } from './command-listing';

describe('the command listing of the reference page', () => {
  const listing = commandListing();
  const entry = (name: string) => listing.find((command) => command.name === name);

  it('lists every command of the table once, sorted by name', () => {
    const names = listing.map((command) => command.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(listing.length).toBeGreaterThan(200);
  });

  it('says what runs, what the app answers itself, and why the rest is refused', () => {
    expect(entry('SET')).toEqual({ name: 'SET', status: 'runs' });
    expect(entry('SORT')).toEqual({ name: 'SORT', status: 'runs' });
    expect(entry('KEYS')).toEqual({ name: 'KEYS', status: 'emulated' });
    // Pub/sub runs live, on the learner's own channels, with its bounds listed.
    for (const name of ['PUBLISH', 'SPUBLISH', 'SUBSCRIBE', 'PSUBSCRIBE', 'SSUBSCRIBE', 'UNSUBSCRIBE', 'PUBSUB'])
      expect(entry(name), name).toMatchObject({ status: 'live', bounds: expect.stringMatching(/own/) });
    expect(entry('SUBSCRIBE')?.bounds).toMatch(/20 channels and patterns per learner, 20 messages a second/);
    expect(entry('CONFIG')).toMatchObject({
      status: 'refused',
      why: expect.stringMatching(/^CONFIG is disabled in the Keyspace sandbox: \S/),
    });
    for (const command of listing.filter((listed) => listed.status === 'refused'))
      expect(command.why, command.name).toMatch(
        new RegExp(`^${command.name} is (disabled|not available|not needed) in the Keyspace sandbox: .+`),
      );
  });
});
