/**
 * The figures of one source as test/data/figures/*.md writes them out by hand, checked against the
 * data set (test/data/articles.test.ts for the articles, test/data/reports.test.ts for the reports).
 */
import { factsBySource } from "../../src/data";
import type { SourceSection } from "./figureTables";

type Figure = [id: string, value: number];

const byId = (figures: readonly Figure[]): Figure[] =>
  [...figures].sort((a, b) => a[0].localeCompare(b[0]));

/** Expects the data set to hold exactly the section's figures, in any order, with these values. */
export function expectFiguresOf({ source, figures }: SourceSection): void {
  const held = factsBySource(source).map((fact): Figure => [fact.id, fact.value]);
  expect(byId(held)).toEqual(byId(figures.map(({ id, value }): Figure => [id, value])));
}

/** The ids the sections mark derived, sorted. */
export function derivedIds(sections: readonly SourceSection[]): string[] {
  return sections
    .flatMap(({ figures }) => figures.filter(({ derived }) => derived).map(({ id }) => id))
    .sort();
}
