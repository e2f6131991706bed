import { describe, expect, it } from 'vitest';
import { highlightKey } from './key-highlight';

describe('highlightKey', () => {
  it('hashes the whole key when it has no hash tag (slots checked against valkey-server 8)', () => {
    expect(highlightKey('somekey')).toEqual({ before: '', hashed: 'somekey', after: '', tagged: false, slot: 11058 });
    expect(highlightKey('foo').slot).toBe(12182);
  });

  it('highlights the hash tag, between the first { and the next }', () => {
    expect(highlightKey('{user:42}:cart')).toEqual({
      before: '{',
      hashed: 'user:42',
      after: '}:cart',
      tagged: true,
      slot: 15880,
    });
    expect(highlightKey('{user:42}:profile').slot).toBe(15880);
    expect(highlightKey('a{b}{c}').hashed).toBe('b');
  });

  it('hashes the whole key when the first tag is empty or never closed', () => {
    expect(highlightKey('foo{}{bar}')).toMatchObject({ hashed: 'foo{}{bar}', tagged: false });
    expect(highlightKey('foo{bar')).toMatchObject({ hashed: 'foo{bar', tagged: false });
  });

  it('splits on UTF-8 bytes, as the server does, and gives back whole characters', () => {
    const key = 'café:{ünï}:x';
    expect(highlightKey(key)).toMatchObject({ before: 'café:{', hashed: 'ünï', after: '}:x', tagged: true });
    expect(highlightKey(key).slot).toBe(highlightKey('{ünï}').slot);
  });
});
