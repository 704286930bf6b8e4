/**
 * Article by article, every figure extracted from it and every numeral left out on purpose, as
 * written out by hand in test/data/figures/articles.md (a reviewer reads each article beside it).
 * The test fails when the data set gains, loses or changes a figure without that document being
 * updated; `npm run data:verify` checks its quotes against the articles.
 */
import { FACTS, SOURCES, UNRECORDED, sourceById } from "../../src/data";
import { readFigureDocument } from "../support/figureTables";
import { derivedIds, expectFiguresOf } from "../support/sourceFigures";

const { sections } = readFigureDocument("articles");

describe.each(sections)("figures extracted from $source", (section) => {
  it("is an article source", () => {
    expect(sourceById(section.source)?.kind).toBe("article");
  });

  it("has exactly the figures listed there, with these values", () => {
    expectFiguresOf(section);
  });

  it("leaves out exactly the numerals listed there", () => {
    const actual = UNRECORDED.filter((entry) => entry.source === section.source).map(
      (entry) => entry.evidence,
    );
    expect(section.leftOut).not.toBeNull();
    const expected = (section.leftOut ?? []).map(({ start }) => start);
    expect(actual).toHaveLength(expected.length);
    for (const start of expected) {
      expect(actual.filter((evidence) => evidence.startsWith(start))).toHaveLength(1);
    }
  });
});

describe("figures by article", () => {
  const fromArticles = FACTS.filter((fact) => sourceById(fact.source)?.kind === "article");

  it("has a section for every article", () => {
    const articles = SOURCES.filter((source) => source.kind === "article").map(({ id }) => id);
    expect(sections.map(({ source }) => source).sort()).toEqual(articles.sort());
  });

  it("covers every fact of the five articles (the reports' are in reports.md)", () => {
    const listed = sections.flatMap(({ figures }) => figures.map(({ id }) => id)).sort();
    expect(fromArticles.map((fact) => fact.id).sort()).toEqual(listed);
  });

  it("marks derived exactly the figures written as derived there", () => {
    expect(
      fromArticles
        .filter((fact) => fact.derived === true)
        .map((fact) => fact.id)
        .sort(),
    ).toEqual(derivedIds(sections));
  });
});
