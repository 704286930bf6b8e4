/** Compound growth: the rate between two values and a year-by-year projection. */
import { divisor, growthRate, nonNegative, wholeNumber } from "./checks";
import { numError } from "./errors";
import { spillTable, type Spill } from "./spill";
import { PROJECTION_HEADER } from "./spillHeaders";

/** Longest projection or balance, in years: keeps a spilled result to a size a sheet can hold. */
export const MAX_YEARS = 1000;

/** Compound annual growth rate from start to end over years (fractional years allowed). */
export function cagr(start: number, end: number, years: number): number {
  divisor(start, "start", "");
  nonNegative(end, "end", "");
  divisor(years, "years", "years");
  const rate = (end / start) ** (1 / years) - 1;
  if (!Number.isFinite(rate)) throw numError("The growth rate is too large to represent.");
  return rate;
}

/** base x (1 + rate)^n for n = 0..years. */
export function projection(base: number, rate: number, years: number): number[] {
  growthRate(rate, "rate");
  wholeNumber(years, "years", 1, MAX_YEARS);
  return Array.from({ length: years + 1 }, (_, n) => base * (1 + rate) ** n);
}

/** The projection as a spill: header row, then year n and value for n = 0..years. */
export function projectionTable(base: number, rate: number, years: number): Spill {
  return spillTable(PROJECTION_HEADER, projection(base, rate, years), (value, n) => [n, value]);
}
