/**
 * The parser of the hand-written figure documents: what it reads, and that anything malformed
 * fails with the file and line (line numbers counted by hand in each document below).
 */
import { parseFigureDocument, quotationsOf } from "../support/figureTables";

const lines = (...text: string[]) => text.join("\n");

const HEADER = "| fact | value | quote or derivation | note |\n| --- | --- | --- | --- |";

const VALID = lines(
  "# Figures", // 1
  "", // 2
  "## `repm_scheme`: REPM scheme (untitled)", // 3
  "", // 4
  "| fact | value | quote or derivation | note |", // 5
  "| ---- | :---: | ------------------- | ---- |", // 6
  '| `india.mined_2024_t` | 2900 | "India mined only 2,900 tonnes in 2024" | |', // 7
  '| `recycling.potential_share` | 0.25 | "as much as a quarter", "over a decade\'s time" | under |', // 8
  "| `ndpr.oxide_per_magnet_t` | 0.3333333333333333 | derived: 400 / 1,200 | |", // 9
  "", // 10
  "| left out | why |", // 11
  "| --- | --- |", // 12
  '| "The first is" | enumeration |', // 13
  "", // 14
  "## `nalco`: Nalco", // 15
  "", // 16
  "No figure at all.", // 17
  "", // 18
  HEADER, // 19, 20
);

/** The message a document fails with. */
const failure = (text: string) => () => parseFigureDocument(text, "figures.md");

describe("parseFigureDocument", () => {
  it("reads sections, figures with their quotes and derivations, and left-out numerals", () => {
    const { sections } = parseFigureDocument(VALID, "figures.md");
    expect(sections.map(({ source, title, line }) => [source, title, line])).toEqual([
      ["repm_scheme", "REPM scheme (untitled)", 3],
      ["nalco", "Nalco", 15],
    ]);
    const [repm, nalco] = sections;
    expect(repm.figures).toEqual([
      {
        id: "india.mined_2024_t",
        value: 2900,
        quoteOrDerivation: '"India mined only 2,900 tonnes in 2024"',
        quotes: ["India mined only 2,900 tonnes in 2024"],
        derived: false,
        note: "",
        line: 7,
      },
      {
        id: "recycling.potential_share",
        value: 0.25,
        quoteOrDerivation: '"as much as a quarter", "over a decade\'s time"',
        quotes: ["as much as a quarter", "over a decade's time"],
        derived: false,
        note: "under",
        line: 8,
      },
      {
        id: "ndpr.oxide_per_magnet_t",
        // The shortest decimal of 1/3 reads back as exactly 1 / 3.
        value: 1 / 3,
        quoteOrDerivation: "derived: 400 / 1,200",
        quotes: [],
        derived: true,
        note: "",
        line: 9,
      },
    ]);
    expect(repm.leftOut).toEqual([{ start: "The first is", why: "enumeration", line: 13 }]);
    expect(nalco.figures).toEqual([]);
    expect(nalco.leftOut).toBeNull();
  });

  it("lists every quote with its source and file:line, left-out starts included", () => {
    expect(quotationsOf(parseFigureDocument(VALID, "figures.md"))).toEqual([
      {
        source: "repm_scheme",
        quote: "India mined only 2,900 tonnes in 2024",
        where: "figures.md:7",
      },
      { source: "repm_scheme", quote: "as much as a quarter", where: "figures.md:8" },
      { source: "repm_scheme", quote: "over a decade's time", where: "figures.md:8" },
      { source: "repm_scheme", quote: "The first is", where: "figures.md:13" },
    ]);
  });

  // Rows from line 5 on.
  const inSection = (...rows: string[]) => lines("## `niice`: NIICE", "", HEADER, ...rows);
  // Rows from line 7 on.
  const leftOut = (...rows: string[]) =>
    lines("## `niice`: NIICE", HEADER, "", "| left out | why |", "| --- | --- |", ...rows);

  it.each([
    [
      "a row with a cell too few",
      inSection("| `a.b` | 1 | derived: 1 |"),
      5,
      /3 cells in a table of 4/,
    ],
    [
      "a row that does not end with |",
      inSection('| `a.b` | 1 | "x" | |', "| `c.d` | 2"),
      6,
      /malformed row/,
    ],
    [
      "an unknown column",
      lines("## `niice`: NIICE", "| fact | value | quote | note |"),
      2,
      /unknown column "quote"/,
    ],
    [
      "known columns out of order",
      lines("## `niice`: NIICE", "| value | fact | quote or derivation | note |"),
      2,
      /the columns are/,
    ],
    [
      "a header without its separator",
      lines("## `niice`: NIICE", "| left out | why |", '| "x" | y |'),
      2,
      /separator row/,
    ],
    [
      "a duplicate fact id",
      inSection('| `a.b` | 1 | "x" | |', '| `a.b` | 2 | "y" | |'),
      6,
      /duplicate fact id "a.b" \(first on line 5\)/,
    ],
    [
      "a value with separators",
      inSection('| `a.b` | 6_900_000 | "x" | |'),
      5,
      /"6_900_000" is not a plain decimal/,
    ],
    [
      "a value that is an expression",
      inSection("| `a.b` | 2 ** (1 / 5) - 1 | derived: 2^(1/5) - 1 | |"),
      5,
      /not a plain decimal/,
    ],
    [
      "a value that is not a number",
      inSection('| `a.b` | n/a | "x" | |'),
      5,
      /"n\/a" is not a plain decimal/,
    ],
    [
      "an id without backticks",
      inSection('| a.b | 1 | "x" | |'),
      5,
      /fact id is written in backticks/,
    ],
    [
      "a stated figure without a quote",
      inSection("| `a.b` | 1 | says one | |"),
      5,
      /needs its quote/,
    ],
    ["unbalanced quotes", inSection('| `a.b` | 1 | "one | |'), 5, /unbalanced double quotes/],
    ["an empty derivation", inSection("| `a.b` | 1 | derived: | |"), 5, /write the arithmetic/],
    ["a left-out start that is not one quote", leftOut("| The first is | idiom |"), 7, /one quote/],
    [
      "a left-out start listed twice",
      leftOut('| "One" | idiom |', '| "One" | idiom |'),
      8,
      /duplicate left-out "One"/,
    ],
    ["a left-out numeral without its reason", leftOut('| "One" | |'), 7, /needs its reason/],
    ["a table before any section", lines("# Figures", HEADER), 2, /outside a source section/],
    ["a heading without a source id", lines("## NIICE", HEADER), 1, /## `source_id`: title/],
    [
      "a second section for a source",
      lines("## `niice`: NIICE", HEADER, "## `niice`: again", HEADER),
      4,
      /second section for "niice" \(first on line 1\)/,
    ],
    [
      "a second figures table",
      lines("## `niice`: NIICE", HEADER, "", HEADER),
      5,
      /second figures table/,
    ],
    [
      "a section without a figures table",
      lines("## `niice`: NIICE", "", "Nothing."),
      1,
      /has no figures table/,
    ],
  ])("throws on %s, naming its line", (_, text, line, message) => {
    expect(failure(text)).toThrow(new RegExp(`^figures\\.md:${line}: `));
    expect(failure(text)).toThrow(message);
  });
});
