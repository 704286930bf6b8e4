import type { Fact } from "../data";

/** How the article states a figure, in words for the Qualifier column and the cell note. */
export const QUALIFIER_WORDS: Readonly<Record<Fact["qualifier"], string>> = {
  exact: "exact",
  approx: "approximate",
  over: "lower bound (over)",
  under: "upper bound (under)",
  range: "range midpoint",
};
