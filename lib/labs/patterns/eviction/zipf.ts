/**
 * A repeatable skewed workload: a seeded random source and a Zipf sampler over key ranks, so that
 * every eviction policy is measured on exactly the same sequence of reads and writes.
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

/**
 * Draws ranks 0..count-1 where rank r is picked with probability ∝ 1 / (r + 1)^skew: rank 0 is the
 * hottest key. skew 0 is uniform; around 1 is typical of web traffic.
 */
export function zipfSampler(count: number, skew: number, random: () => number): () => number {
  const cumulative = new Float64Array(count);
  let total = 0;
  for (let rank = 0; rank < count; rank++) {
    total += 1 / Math.pow(rank + 1, skew);
    cumulative[rank] = total;
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}
