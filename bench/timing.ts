/** Median of alternating timed runs of a candidate and its baseline, so both see the same machine load. */
export function alternate(
  runs: number,
  candidate: () => void,
  baseline: () => void,
): { candidateMs: number; baselineMs: number } {
  const timesOf = { candidate: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < runs; i++) {
    // Alternate the order too, so neither side always runs on a warmer cache.
    if (i % 2 === 0) {
      timesOf.candidate.push(msOf(candidate));
      timesOf.baseline.push(msOf(baseline));
    } else {
      timesOf.baseline.push(msOf(baseline));
      timesOf.candidate.push(msOf(candidate));
    }
  }
  return { candidateMs: median(timesOf.candidate), baselineMs: median(timesOf.baseline) };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** How long `fn` takes, in milliseconds. */
export function msOf(fn: () => void): number {
  const started = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}
