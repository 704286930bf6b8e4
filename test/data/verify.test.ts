import {
  checkFactEvidence,
  checkLocator,
  checkQuotations,
  checkRowEvidence,
  containsQuotation,
  containsVerbatim,
  paragraphAt,
  uncoveredMentions,
  verifyDataSet,
  type VerifiedData,
} from "../../src/data/verify";
import { figureIn, normaliseText, numbersIn } from "../../src/data/figures";

describe("normaliseText and containsVerbatim", () => {
  it("collapse whitespace and unify curly quotes and the dash family", () => {
    expect(
      normaliseText("  China\u2019s\tdominance\u2014controlling \u201Cmost\u201D\n 400\u2013500 "),
    ).toBe('China\'s dominance-controlling "most" 400-500');
  });

  it("find a fragment copied with straight quotes, hyphens and collapsed spaces", () => {
    const article =
      "Japan reacted to China\u2019s 2010 embargo.\nIndian Rare Earths Ltd ,  the miner";
    expect(containsVerbatim(article, "Japan reacted to China's 2010 embargo.")).toBe(true);
    expect(containsVerbatim(article, "embargo. Indian Rare Earths Ltd , the miner")).toBe(true);
    expect(containsVerbatim(article, "China's 2011 embargo")).toBe(false);
    expect(containsVerbatim(article, "japan reacted")).toBe(false);
  });
});

describe("containsQuotation and checkQuotations", () => {
  const article =
    "China, the world\u2019s largest producer,\naccounts for 84% of the country\u2019s rare earth magnet imports.";

  it("find each part of a quotation between elisions, in the order quoted", () => {
    expect(containsQuotation(article, "China ... accounts for 84% of ... magnet imports")).toBe(
      true,
    );
    expect(containsQuotation(article, "China \u2026 accounts for 84% of the country's")).toBe(true);
    expect(containsQuotation(article, "accounts for 84% of ... China")).toBe(false);
    expect(containsQuotation(article, "China ... accounts for 85% of")).toBe(false);
    expect(containsQuotation(article, "china, the world's")).toBe(false);
    expect(containsQuotation(article, "...")).toBe(false);
  });

  it("report a quote not in its source's text (report header lines left out) or without a text", () => {
    const sources = [
      { id: "a", kind: "article" },
      { id: "r", kind: "report" },
    ];
    const texts = new Map([
      ["a", article],
      ["r", "# Source: Mint, 2025-11-24.\nImports fell 56% over a year earlier."],
    ]);
    expect(
      checkQuotations(sources, texts, [
        { source: "a", quote: "accounts for 84% of", where: "a.md:3" },
        { source: "r", quote: "fell 56%", where: "r.md:4" },
        { source: "r", quote: "Mint, 2025-11-24", where: "r.md:5" },
        { source: "x", quote: "anything", where: "r.md:6" },
      ]),
    ).toEqual([
      `r.md:5: "Mint, 2025-11-24" is not in r's text`,
      'r.md:6: "anything": no text for the source "x"',
    ]);
  });
});

describe("numbersIn reads the figures the articles write", () => {
  it.each([
    ["around 6,000 metric tonnes of REPM annually", [6000]],
    ["reserves at 6.9 million tonnes", [6.9, 6_900_000]],
    ["accounts for 84% of the country's rare earth magnet imports", [84, 0.84]],
    ["a target of 25 percent recycling", [25, 0.25]],
    [
      "mooted a \u20B9 1,345 crore (US $155 million) production linked incentive",
      [1345, 13_450_000_000, 155, 155_000_000],
    ],
    ["approximately 400-500 metric tons of neodymium", [400, 500]],
    ["contains 1-2 kilograms of rare earth elements", [1, 2]],
    ["growth rates exceeding 10-20% annually", [10, 0.1, 20, 0.2]],
    ["strict export controls on seven rare earths", [7]],
    ["the four member countries", [4]],
    ["as much as a quarter of rare earth magnets requirements", [0.25]],
    ["half of the supply", [0.5]],
    ["India became the 14th member of MSP", [14]],
    ["the world\u2019s third-largest rare earth reserves", [3]],
    ["a seven-year National Critical Mineral Mission", [7]],
    ["suspend a 13-year-old rare earth export agreement", [13]],
    ["The minerals of the twenty-first century", [21]],
    ["Mining.com (August 16, 2025)", [16, 2025]],
    ["In June 2025, India instructed IREL", [2025]],
    ["dated back to 2012", [2012]],
    ["In the upcoming ten years", [10]],
    ["over a decade\u2019s time", [10]],
    ["imports surged to over 53,000 tonnes in FY25", [53000]],
    ["B2B ties and 360info", []],
    ["the constructor of valueOf", []],
    ["United States\t41600\t45000\t1900000", [41600, 45000, 1_900_000]],
  ])("%s", (fragment, expected) => {
    expect(numbersIn(fragment)).toEqual(expected);
  });

  it("figureIn matches a stored figure to its written form", () => {
    expect(figureIn(0.84, "84% of imports")).toBe(true);
    expect(figureIn(84, "84% of imports")).toBe(true);
    expect(figureIn(6_900_000, "6.9 million tonnes")).toBe(true);
    expect(figureIn(0.9, "more than 90% of processing")).toBe(true);
    expect(figureIn(0.85, "more than 90% of processing")).toBe(false);
    expect(figureIn(2024, "April 2025")).toBe(false);
  });
});

describe("checkFactEvidence", () => {
  const article =
    "Despite having the world\u2019s third-largest rare earth reserves at 6.9 million tonnes, India mined only 2,900 tonnes in 2024.";
  const base = {
    id: "india.mined_2024_t",
    value: 2900,
    low: null,
    high: null,
    qualifier: "exact",
    evidence: "India mined only 2,900 tonnes in 2024.",
  };

  it("passes when the evidence is in the text and states the figure", () => {
    expect(checkFactEvidence(base, article)).toEqual([]);
    expect(
      checkFactEvidence(
        { ...base, id: "r", value: 3, evidence: "the world's third-largest" },
        article,
      ),
    ).toEqual([]);
  });

  it("reports evidence that is not in the text", () => {
    expect(checkFactEvidence({ ...base, evidence: "India mined 2,900 tonnes" }, article)).toEqual([
      "india.mined_2024_t.evidence: not found verbatim in the source text",
    ]);
  });

  it("reports a figure that the evidence does not state", () => {
    expect(checkFactEvidence({ ...base, value: 2800 }, article)).toEqual([
      'india.mined_2024_t.value: 2800 does not appear in the evidence "India mined only 2,900 tonnes in 2024."',
    ]);
  });

  it("checks a range by its bounds, not its midpoint, and a bound as well as the value", () => {
    const text = "capacity to produce approximately 400-500 metric tons";
    const range = { id: "c", value: 450, low: 400, high: 500, qualifier: "range", evidence: text };
    expect(checkFactEvidence(range, text)).toEqual([]);
    expect(checkFactEvidence({ ...range, high: 550 }, text)).toEqual([
      `c.high: 550 does not appear in the evidence "${text}"`,
    ]);
    const over = {
      id: "o",
      value: 53000,
      low: 53000,
      high: null,
      qualifier: "over",
      evidence: "over 53,000 tonnes",
    };
    expect(checkFactEvidence(over, "imports surged to over 53,000 tonnes")).toEqual([]);
  });

  it("checks only the evidence of a derived figure", () => {
    const derived = { ...base, id: "d", value: 0.3333333333333333, derived: true };
    expect(checkFactEvidence(derived, article)).toEqual([]);
  });
});

describe("checkRowEvidence", () => {
  const columns = [
    { key: "exporter", type: "text" },
    { key: "share", type: "fraction", unit: "%" },
    { key: "date", type: "date" },
  ];
  const text = "United States\trare-earth compounds\t2020-2023\tChina\t70";

  it("accepts a fraction written as a percentage and a date's year", () => {
    const row = { exporter: "China", share: 0.7, date: "2023", evidence: "2020-2023 China 70" };
    expect(checkRowEvidence({ name: "t", columns }, 0, row, text)).toEqual([]);
  });

  it("reports a cell the evidence does not state, and evidence not in the text", () => {
    const row = { exporter: "China", share: 0.07, date: "2024-04", evidence: "China 70" };
    expect(checkRowEvidence({ name: "t", columns }, 3, row, text)).toEqual([
      't.rows[3].share: 0.07 does not appear in the evidence "China 70"',
      't.rows[3].date: "2024-04" does not appear in the evidence "China 70"',
    ]);
    expect(checkRowEvidence({ name: "t", columns: [] }, 0, { evidence: "Japan 6" }, text)).toEqual([
      "t.rows[0].evidence: not found verbatim in the source text",
    ]);
  });
});

describe("uncoveredMentions", () => {
  const text =
    "In April 2025, China imposed controls on seven rare earths. India became the 14th member.";

  it("lists the numerals no fragment covers", () => {
    expect(
      uncoveredMentions(text, ["In April 2025, China imposed controls"]).map((m) => m.text),
    ).toEqual(["seven", "14th"]);
  });

  it("is empty when every numeral sits in some fragment", () => {
    expect(
      uncoveredMentions(text, ["controls on seven rare earths", "April 2025", "the 14th member"]),
    ).toEqual([]);
  });
});

describe("paragraphAt and checkLocator", () => {
  const article = [
    "Title line",
    "",
    "Intro paragraph with 84%.",
    "Reviving domestic capacity",
    "",
    "First paragraph under the heading.",
    "Second paragraph, 1200 projects.",
  ].join("\n");

  it("count non-empty lines from the top or from the heading", () => {
    expect(paragraphAt(article, "para 2")).toBe("Intro paragraph with 84%.");
    expect(paragraphAt(article, "Reviving domestic capacity, para 2")).toBe(
      "Second paragraph, 1200 projects.",
    );
    expect(paragraphAt(article, "No such heading, para 1")).toBeUndefined();
    expect(paragraphAt(article, "somewhere")).toBeUndefined();
  });

  it("reports evidence outside the paragraph its locator names", () => {
    expect(
      checkLocator("x", "Reviving domestic capacity, para 2", "1200 projects", article),
    ).toEqual([]);
    expect(
      checkLocator("x", "Reviving domestic capacity, para 1", "1200 projects", article),
    ).toEqual(['x.locator: the evidence is not in "Reviving domestic capacity, para 1"']);
    expect(checkLocator("x", "para 9", "1200 projects", article)).toEqual([
      'x.locator: "para 9" names no paragraph of the source',
    ]);
  });
});

describe("verifyDataSet", () => {
  const data: VerifiedData = {
    sources: [
      { id: "a", kind: "article", file: "a.txt" },
      { id: "d", kind: "dataset", file: "d.tsv" },
    ],
    facts: [
      {
        id: "china.elements_count",
        value: 7,
        low: null,
        high: null,
        qualifier: "exact",
        source: "a",
        locator: "Controls, para 1",
        evidence: "controls on seven rare earths",
      },
    ],
    tables: [
      {
        name: "production",
        columns: [
          { key: "country", type: "text" },
          { key: "tonnes", type: "number", unit: "t" },
        ],
        rows: [
          { country: "India", tonnes: 2900, source: "d", locator: "table", evidence: "India 2900" },
        ],
      },
    ],
    unrecorded: [{ source: "a", locator: "Controls, para 2", evidence: "one of the", fact: null }],
  };
  const texts = new Map([
    [
      "a",
      "Title\nControls\nChina imposed controls on seven rare earths.\nIt is one of the levers.",
    ],
    ["d", "country\ttonnes\nIndia\t2900"],
  ]);

  it("passes when every citation holds and every numeral is covered", () => {
    expect(verifyDataSet(data, texts)).toEqual({ misses: [], facts: 1, rows: 1, numerals: 2 });
  });

  it("reports an uncovered numeral, a wrong locator, a wrong cell and a missing text", () => {
    const broken = new Map(texts);
    broken.set("a", `${texts.get("a")}\nIn 2024 it tightened them.`);
    broken.delete("d");
    const moved = { ...data, unrecorded: [{ ...data.unrecorded[0], locator: "Controls, para 1" }] };
    expect(verifyDataSet(moved, broken).misses).toEqual([
      "d: source text not found (d.tsv)",
      'a: unrecorded[0].locator: the evidence is not in "Controls, para 1"',
      'a: "2024" is in no evidence (add a fact or an unrecorded entry): ...on seven rare earths. It is one of the levers. In 2024 it tightened them....',
    ]);
    const wrongCell = {
      ...data,
      tables: [{ ...data.tables[0], rows: [{ ...data.tables[0].rows[0], tonnes: 2800 }] }],
    };
    expect(verifyDataSet(wrongCell, texts).misses).toEqual([
      'd: production.rows[0].tonnes: 2800 does not appear in the evidence "India 2900"',
    ]);
  });
});
