/**
 * Market concentration: the Herfindahl-Hirschman index of supplier shares and its reading under the
 * US DOJ/FTC Horizontal Merger Guidelines (2010), the bands the brief asks for.
 */
import { div0Error, numError } from "./errors";

export const HHI_MAX = 10_000;
/** DOJ/FTC 2010: below 1,500 unconcentrated; 1,500 to 2,500 moderately; above 2,500 highly concentrated. */
const MODERATE_FROM = 1_500;
const HIGH_ABOVE = 2_500;

/**
 * An HHI built up one volume at a time, so a spreadsheet range can be read straight into it without
 * a list per recalculation. Sums are kept relative to the largest volume so far, as LAPACK's dnrm2
 * does, so no volume is too large to square: 10,000 x sum((v/largest)^2) / (sum(v/largest))^2.
 */
export interface HhiTotals {
  /** Adds a volume or share; negative ones are #NUM!, named by their place among those added. */
  add(value: number): void;
  /** HHI from 0 to 10,000 of what was added. */
  hhi(): number;
}

/** Empty totals. A closure rather than a class: in functions.js (ES5) a class takes Babel helpers. */
export function hhiTotals(): HhiTotals {
  let count = 0;
  let largest = 0;
  let scaledTotal = 0;
  let scaledSquares = 0;
  return {
    add(value) {
      count += 1;
      if (value < 0) {
        throw numError(
          `Value ${count} is negative (${value}): volumes and shares must be zero or more.`,
        );
      }
      if (value > largest) {
        const rescale = largest / value;
        scaledTotal = scaledTotal * rescale + 1;
        scaledSquares = scaledSquares * rescale * rescale + 1;
        largest = value;
      } else if (value > 0) {
        const scaled = value / largest;
        scaledTotal += scaled;
        scaledSquares += scaled * scaled;
      }
    },
    hhi() {
      if (largest === 0) {
        throw div0Error(
          "The values sum to zero (or there are none), so there are no shares to square.",
        );
      }
      return (HHI_MAX * scaledSquares) / (scaledTotal * scaledTotal);
    },
  };
}

/** HHI (0-10,000) of volumes or shares, each normalised to the total so either may be given. */
export function hhi(values: readonly number[]): number {
  const totals = hhiTotals();
  for (const value of values) totals.add(value);
  return totals.hhi();
}

export type ConcentrationBand =
  "unconcentrated" | "moderately concentrated" | "highly concentrated";

export function concentration(index: number): ConcentrationBand {
  if (index < 0 || index > HHI_MAX) {
    throw numError(`hhi must be from 0 to ${HHI_MAX} (got ${index}).`);
  }
  if (index < MODERATE_FROM) return "unconcentrated";
  if (index <= HIGH_ABOVE) return "moderately concentrated";
  return "highly concentrated";
}
