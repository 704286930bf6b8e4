/** Median of alternating timed runs of a candidate and its baseline, so both see the same machine load. */
export function alternate(
  runs: number,
  candidate: () => void,
  baseline: () => void,
): { candidateMs: number; baselineMs: number } {
  const timesOf = { candidate: [] as number[], baseline: [] as number[] };
  const time = (fn: () => void) => {
    const started = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  for (let i = 0; i < runs; i++) {
    // Alternate the order too, so neither side always runs on a warmer cache.
    if (i % 2 === 0) {
      timesOf.candidate.push(time(candidate));
      timesOf.baseline.push(time(baseline));
    } else {
      timesOf.baseline.push(time(baseline));
      timesOf.candidate.push(time(candidate));
    }
  }
  return { candidateMs: median(timesOf.candidate), baselineMs: median(timesOf.baseline) };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
