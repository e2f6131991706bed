/**
 * Key popularity: product ids drawn with Zipf's law, where the k-th most popular id is asked for in
 * proportion to 1/k^s. s = 0 is uniform; s = 1 is the classic skew of web caches (a few pages take
 * most reads); higher is hotter still. Id 1 is the most popular.
 */
export function zipfSampler(count: number, exponent: number, random: () => number = Math.random): () => number {
  const cumulative = new Float64Array(count);
  let total = 0;
  for (let rank = 1; rank <= count; rank++) {
    total += 1 / rank ** exponent;
    cumulative[rank - 1] = total;
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  };
}
