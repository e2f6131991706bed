/**
 * A seeded random source, so that every eviction policy is measured on exactly the same sequence of
 * reads and writes (Math.random cannot be seeded).
 */

/** mulberry32: a tiny seeded generator, uniform in [0, 1). Repeatable, not for secrets. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
