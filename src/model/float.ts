/**
 * Comparison of floating-point amounts that come out of arithmetic: 0.7 + 0.2 is not exactly 0.9,
 * and a difference that is only rounding must read as zero, not as a tiny (or, once divided, huge)
 * number. One tolerance for the whole model, relative to the amounts compared.
 */

/**
 * 64 units in the last place of the larger amount (about 1.4e-14 of it): room for the rounding of
 * a few dozen operations on the inputs, and still ten times finer than the 15 significant digits
 * Excel shows, so no difference a user can see is ever taken for zero.
 */
export const RELATIVE_TOLERANCE = 64 * Number.EPSILON;

/** True when a and b differ by no more than rounding of the larger of them. */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** a - b, or exactly 0 when the difference is only rounding. */
export function differenceOf(a: number, b: number): number {
  return nearlyEqual(a, b) ? 0 : a - b;
}
