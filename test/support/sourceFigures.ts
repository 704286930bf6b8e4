/**
 * The figures of one source as the tests write them out by hand (test/data/articles.test.ts for the
 * articles, test/data/reports.test.ts for the supplementary reports), checked against the data set.
 */
import { factsBySource } from "../../src/data";

/** One figure as written out from its source: the fact id and its value. */
export type Figure = [id: string, value: number];

const byId = (figures: readonly Figure[]): Figure[] =>
  [...figures].sort((a, b) => a[0].localeCompare(b[0]));

/** Expects the data set to hold exactly these figures for the source, in any order, with these values. */
export function expectFiguresOf(source: string, listed: readonly Figure[]): void {
  const held = factsBySource(source).map((fact): Figure => [fact.id, fact.value]);
  expect(byId(held)).toEqual(byId(listed));
}
