/**
 * Sheets of real formulas evaluated by HyperFormula with the REE functions registered under their
 * Excel names: defaults, inputs in cells, recalculation, composition with built-in functions,
 * spilled results and errors. Expected values are worked out by hand from the articles.
 */
import { sheet } from "./engine";

describe("defaults from the reference data", () => {
  it("=REE.NDPR_GAP() is 1,600 t of NdPr oxide (6,000 x 400/1,200 - 400)", () => {
    const s = sheet([["=REE.NDPR_GAP()", '=REE.NDPR_GAP(,,,"magnet")', "=REE.NDPR_GAP(,400)"]]);
    expect(s.value("A1")).toBeCloseTo(1600, 9);
    expect(s.value("B1")).toBeCloseTo(4800, 9); // 6,000 - 1,200 magnets
    expect(s.value("C1")).toBeCloseTo(1600, 9); // an empty argument takes the default too
  });
  it('=REE.IMPORT_SHARE("China") is 0.93 (FY25); =REE.IMPORT_VOLUME("China") 0.93 x 53,700 = 49,941 t', () => {
    const s = sheet([['=REE.IMPORT_SHARE("China")', '=REE.IMPORT_VOLUME("China")']]);
    expect(s.value("A1")).toBe(0.93);
    expect(s.value("B1")).toBeCloseTo(49941, 9); // 48,330 + 1,611
  });
  it("=REE.RESERVE_LIFE() is 6,900,000 / 2,900 = 2,379.31 years", () => {
    expect(sheet([["=REE.RESERVE_LIFE()"]]).value("A1")).toBeCloseTo(2379.310344827586, 9);
  });
});

describe("inputs in cells and recalculation", () => {
  const model = () =>
    sheet([
      ["Target (t)", 6000],
      ["Domestic oxide (t)", 400],
      ["Gap (t oxide)", "=REE.NDPR_GAP(B1, B2)"],
      ["Magnets supported (t)", "=REE.MAGNET_CAPACITY(B2)"],
      ["Self-sufficiency", "=REE.SELF_SUFFICIENCY(B2, REE.OXIDE_REQUIRED(B1))"],
    ]);
  it("reads the inputs", () => {
    const s = model();
    expect(s.value("B3")).toBeCloseTo(1600, 9);
    expect(s.value("B4")).toBeCloseTo(1200, 9);
    expect(s.value("B5")).toBeCloseTo(0.2, 12); // 400 / 2,000
  });
  it("recalculates when an input changes", () => {
    const s = model();
    s.set("B2", 1000);
    expect(s.value("B3")).toBeCloseTo(1000, 9); // 2,000 - 1,000
    expect(s.value("B4")).toBeCloseTo(3000, 9); // 1,000 x 3
    expect(s.value("B5")).toBeCloseTo(0.5, 12);
    s.set("B1", 9000);
    expect(s.value("B3")).toBeCloseTo(2000, 9); // 9,000 / 3 - 1,000
  });
  it("an emptied input cell falls back to the default", () => {
    const s = model();
    s.set("B1", null);
    expect(s.value("B3")).toBeCloseTo(1600, 9);
  });
  it("numbers typed as text in a cell are read", () => {
    const s = model();
    s.set("B2", "'400");
    expect(s.value("B3")).toBeCloseTo(1600, 9);
  });
});

describe("composition with Excel functions", () => {
  it("SUM, IF, IFERROR, ROUND and INDEX around REE functions", () => {
    const s = sheet([
      ["=SUM(REE.NDPR_GAP(), REE.OXIDE_REQUIRED(1200))"], // 1,600 + 400
      ['=IF(REE.NDPR_GAP() > 0, "shortfall", "surplus")'],
      ['=IFERROR(REE.FACT("no.such_fact"), "missing")'],
      ["=ROUND(REE.RESERVE_LIFE(), 0)"],
      ["=INDEX(REE.SUPPLY_BALANCE(3, 2000, 0.1, 400), 3, 5)"], // imports in year 1: 2,200 - 400
      ["=REE.CONCENTRATION(REE.HHI({70;13;6;5;6}))"],
      ['=REE.IMPORT_VOLUME("China") / REE.FACT("india.magnet_imports.fy25_t")'],
    ]);
    expect(s.value("A1")).toBeCloseTo(2000, 9);
    expect(s.value("A2")).toBe("shortfall");
    expect(s.value("A3")).toBe("missing");
    expect(s.value("A4")).toBe(2379);
    expect(s.value("A5")).toBeCloseTo(1800, 9);
    expect(s.value("A6")).toBe("highly concentrated");
    expect(s.value("A7")).toBeCloseTo(0.93, 12); // China's FY25 share of India's magnet imports
  });
  it("HHI reads a column or a row of cells, skipping blanks", () => {
    const s = sheet([
      [70, 70, "=REE.HHI(A1:A6)"],
      [13, 13, "=REE.HHI(A1:B1)"],
      [6, null, "=REE.HHI(B1:B6)"],
      [null, 5],
      [5, 6],
      [6, 6],
    ]);
    expect(s.value("C1")).toBeCloseTo(5166, 9); // 70² + 13² + 6² + 5² + 6²
    expect(s.value("C2")).toBe(5000); // two equal suppliers
    expect(s.value("C3")).toBeCloseTo(5166, 9);
  });
});

describe("spilled results", () => {
  it("PROJECT spills Year/Value rows", () => {
    const s = sheet([["=REE.PROJECT(6000, 0.1, 3)"]]);
    const values = s.range("A1:B5");
    expect(values[0]).toEqual(["Year", "Value"]);
    expect(values.slice(1).map((row) => row[0])).toEqual([0, 1, 2, 3]);
    [6000, 6600, 7260, 7986].forEach((v, i) => expect(values[i + 1][1]).toBeCloseTo(v, 9));
  });
  it("SUPPLY_BALANCE spills a header row and one row per year, from inputs in cells", () => {
    const s = sheet([
      [3, 2000, 0.1, 400, 0, 0.25, 2025],
      ["=REE.SUPPLY_BALANCE(A1, B1, C1, D1, E1, F1, G1)"],
    ]);
    const table = s.range("A2:F5");
    // Typed out by hand, as the headers are in spillHeaders.ts: the wording users read is pinned here.
    expect(table[0]).toEqual([
      "Year",
      "Demand (t)",
      "Domestic (t)",
      "Recycled (t)",
      "Imports (t)",
      "Self-sufficiency against demand",
    ]);
    expect(table[1]).toEqual([2025, 2000, 400, 500, 1100, 0.45]); // 2,000 - 400 - 500; (400 + 500) / 2,000
    expect(table[2][0]).toBe(2026);
    expect(table[2][1]).toBeCloseTo(2200, 9);
    expect(table[3][4]).toBeCloseTo(2420 - 400 - 605, 9); // recycled 25% of 2,420 = 605
    expect(s.value("A6")).toBeNull(); // nothing below the last year
  });
  it("TABLE and FACTS spill rectangular tables with a header row", () => {
    const s = sheet([
      ['=REE.TABLE("value_chain")'],
      // 14 stages (7 + 4 + 3 from three sources) under the header fill rows 1-15.
      ...Array.from({ length: 15 }, () => []),
      ['=REE.CLAIMS("china.processing_share")'],
    ]);
    expect(s.range("A1:D1")[0]).toEqual(["Order", "Stage", "Description", "Source"]);
    expect(s.range("A2:B2")[0]).toEqual([0, "Mining"]);
    expect(s.range("A15:B15")[0]).toEqual([3, "Alloys to magnets"]);
    expect(s.range("A17:G17")[0]).toEqual([
      "ID",
      "Value",
      "Qualifier",
      "Unit",
      "Period",
      "Source",
      "Preferred",
    ]);
  });
  it("a spill blocked by a value is #SPILL!", () => {
    const s = sheet([["=REE.PROJECT(1, 0.1, 3)"], [null, "in the way"]]);
    expect(s.error("A1")[0]).toBe("#SPILL!");
  });
});

describe("errors", () => {
  it("each code carries its message into the cell", () => {
    const s = sheet([
      ["=REE.MAGNET_CAPACITY(TRUE())"],
      ['=REE.MAGNET_CAPACITY("lots")'],
      ["=REE.MAGNET_CAPACITY(-5)"],
      ["=REE.RECYCLED_SUPPLY(100, 1.2)"],
      ["=REE.SELF_SUFFICIENCY(400, 0)"],
      ['=REE.IMPORT_SHARE("Chna")'],
      ['=REE.FACT("india.reserve_t")'],
      ['=REE.TABLE("partner")'],
      ['=REE.WORLD_SHARE("Burma", "reserves")'],
    ]);
    expect(s.error("A1")).toEqual(["#VALUE!", "oxide_t must be a number, not TRUE."]);
    expect(s.error("A2")).toEqual(["#VALUE!", 'oxide_t must be a number; "lots" is text.']);
    expect(s.error("A3")).toEqual(["#NUM!", "oxide_t must be zero or more t (got -5)."]);
    expect(s.error("A4")[0]).toBe("#NUM!");
    expect(s.error("A5")).toEqual(["#DIV/0!", "demand is zero, and the result divides by it."]);
    expect(s.error("A6")[1]).toMatch(/Did you mean "China"\?/);
    expect(s.error("A7")[1]).toMatch(/Did you mean "india.reserves_t"\?/);
    expect(s.error("A8")).toEqual(["#N/A", 'Unknown table "partner". Did you mean "partners"?']);
    expect(s.error("A9")[1]).toMatch(/no reserves figure for Burma \(Myanmar\)/);
  });
  it("errors in inputs propagate, as in Excel, and into dependent formulas", () => {
    const s = sheet([
      ["=1/0", "=REE.NDPR_GAP(A1)", "=B1 * 2"],
      ['=REE.FACT("nope")', "=REE.HHI(A1:A3)", "=SUM(B2, 1)"],
      [5],
    ]);
    expect(s.error("B1")[0]).toBe("#DIV/0!");
    expect(s.error("C1")[0]).toBe("#DIV/0!");
    expect(s.error("B2")[0]).toBe("#DIV/0!"); // the first error in the range
    expect(s.error("C2")[0]).toBe("#DIV/0!");
  });
  it("a wrong number of arguments is #N/A", () => {
    expect(sheet([["=REE.HHI()"]]).error("A1")[0]).toBe("#N/A");
    expect(sheet([["=REE.CAGR(1, 2, 3, 4)"]]).error("A1")[0]).toBe("#N/A");
  });
});
