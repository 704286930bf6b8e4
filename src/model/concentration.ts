/**
 * Market concentration: the Herfindahl-Hirschman index of supplier shares and its reading under the
 * US DOJ/FTC Horizontal Merger Guidelines (2010), the bands the brief asks for.
 */
import { div0Error, numError } from "./errors";

export const HHI_MAX = 10_000;
/** DOJ/FTC 2010: below 1,500 unconcentrated; 1,500 to 2,500 moderately; above 2,500 highly concentrated. */
const MODERATE_FROM = 1_500;
const HIGH_ABOVE = 2_500;

/** HHI (0-10,000) of volumes or shares, each normalised to the total so either may be given. */
export function hhi(values: readonly number[]): number {
  values.forEach((value, i) => {
    if (value < 0)
      throw numError(
        `Value ${i + 1} is negative (${value}): volumes and shares must be zero or more.`,
      );
  });
  const total = values.reduce((sum, value) => sum + value, 0);
  if (total === 0)
    throw div0Error(
      "The values sum to zero (or there are none), so there are no shares to square.",
    );
  return values.reduce((sum, value) => sum + (100 * (value / total)) ** 2, 0);
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
