import { describe, expect, it } from 'vitest';
import { formatBytes, formatTtl, remainingTtl } from './key-format';

describe('formatTtl', () => {
  it('writes seconds, minutes, hours and days compactly', () => {
    expect(formatTtl(-1)).toBe('no expiry');
    expect(formatTtl(0)).toBe('0s');
    expect(formatTtl(42)).toBe('42s');
    expect(formatTtl(100)).toBe('1m 40s');
    expect(formatTtl(3_600 + 5 * 60 + 9)).toBe('1h 05m');
    expect(formatTtl(3 * 86_400 + 4 * 3_600 + 59)).toBe('3d 4h');
  });
});

describe('formatBytes', () => {
  it('uses B, KB and MB, and null for an unknown size', () => {
    expect(formatBytes(56)).toBe('56 B');
    expect(formatBytes(1_234)).toBe('1.2 KB');
    expect(formatBytes(200 * 1024)).toBe('200 KB');
    expect(formatBytes(3.4 * 1024 * 1024)).toBe('3.4 MB');
    expect(formatBytes(null)).toBeNull();
  });
});

describe('remainingTtl', () => {
  it('counts down whole seconds from the fetched TTL, never below zero', () => {
    expect(remainingTtl(100, 0)).toBe(100);
    expect(remainingTtl(100, 999)).toBe(100);
    expect(remainingTtl(100, 1_000)).toBe(99);
    expect(remainingTtl(2, 5_000)).toBe(0);
    expect(remainingTtl(-1, 5_000)).toBe(-1);
  });
});
