/** Fact lists of any length for inserts: the tests' and the bench's. */
import { FACTS, type Fact } from "../../src/data";

/** n facts: the data set's in order, repeated with distinct ids (".copy<i>") when n is larger. */
export function manyFacts(n: number): Fact[] {
  return Array.from({ length: n }, (_, i) => {
    const fact = FACTS[i % FACTS.length];
    return i < FACTS.length ? fact : { ...fact, id: `${fact.id}.copy${i}` };
  });
}

/**
 * A fact whose text fields Excel would take as a formula ("=...", "+1", "@..."), a number ("-2")
 * or a formula after a tab: each must be written, and read back, as the text it is.
 */
export const TRICKY_FACT: Fact = {
  ...FACTS[0],
  id: "test.tricky",
  label: '=HYPERLINK("http://evil")',
  basis: "+1",
  period: "-2",
  locator: "@SUM(A1)",
  evidence: "\t=1+1",
  note: null,
  qualifier: "exact",
};
