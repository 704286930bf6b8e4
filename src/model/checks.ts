/**
 * Domain checks shared by the model functions. Each returns the value when it is acceptable and
 * throws a ModelError naming the parameter otherwise, so every caller gets the same messages.
 */
import { div0Error, numError } from "./errors";

const withUnit = (unit: string): string => (unit ? ` ${unit}` : "");

/** Zero or more, e.g. tonnes, vehicles, days of use. */
export function nonNegative(value: number, name: string, unit = "t"): number {
  if (value < 0) throw numError(`${name} must be zero or more${withUnit(unit)} (got ${value}).`);
  return value;
}

/** A divisor: zero gives #DIV/0!, a negative value #NUM!. */
export function divisor(value: number, name: string, unit = "t"): number {
  if (value === 0) throw div0Error(`${name} is zero, and the result divides by it.`);
  if (value < 0) throw numError(`${name} must be more than zero${withUnit(unit)} (got ${value}).`);
  return value;
}

/** Strictly positive where zero is meaningless rather than a division (e.g. a ratio). */
export function positive(value: number, name: string, unit: string): number {
  if (value <= 0) throw numError(`${name} must be more than zero${withUnit(unit)} (got ${value}).`);
  return value;
}

/** A share as a fraction from 0 to 1 (84% is 0.84). */
export function share(value: number, name: string): number {
  if (value < 0 || value > 1) {
    const hint =
      value > 1 && value <= 100 ? ` Shares are fractions: ${value}% is ${value / 100}.` : "";
    throw numError(`${name} must be a share from 0 to 1 (got ${value}).${hint}`);
  }
  return value;
}

/** A growth rate as a fraction per year; -1 (-100%) or less would make quantities vanish or flip sign. */
export function growthRate(value: number, name: string): number {
  if (value <= -1) throw numError(`${name} must be more than -1 (-100% a year; got ${value}).`);
  return value;
}

/** A whole number within bounds, e.g. a number of years for a projection. */
export function wholeNumber(value: number, name: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw numError(`${name} must be a whole number from ${min} to ${max} (got ${value}).`);
  }
  return value;
}
