/**
 * Inputs that used to come out silently wrong, slowly, or not at all: very long numeric-looking
 * text, names that are keys of every JavaScript object, near-cancelling amounts, Indian digit
 * grouping, text inside HHI's range, Excel data types as arguments, and the names users type for
 * NdPr and magnets. Each uses the exact input that showed the problem; expected values by hand.
 */
import * as REE from "../../src/functions/functions";
import { expectExcelError } from "./helpers";

describe("numeric text of Excel's full cell length (32,767 characters)", () => {
  const ones = "1".repeat(32_766);

  it.each([
    ["then x", `${ones}x`],
    ["then e", `${ones}e`],
    ["then e+", `${ones}e+`],
    ["then a grouping comma", `${ones},`],
  ])("32,766 ones %s are not a number: #VALUE!", (_, text) => {
    expectExcelError(() => REE.magnetCapacity(text), "#VALUE!", /oxide_t must be a number/);
    expectExcelError(() => REE.hhi([[text]]), "#VALUE!", /Cell 1 of values holds the text/);
  });
  it("32,767 ones are a number too large to use: #NUM!", () => {
    expectExcelError(() => REE.magnetCapacity(`${ones}1`), "#NUM!", /too large a number/);
  });
  it("the message quotes the text shortened, not in full", () => {
    expectExcelError(() => REE.magnetCapacity(`${ones}x`), "#VALUE!", /\(32767 characters\)/);
  });
});

describe("names that are keys of every JavaScript object are unknown names", () => {
  it('WORLD_SHARE("India","constructor") is #N/A listing the measures, not the reserves share', () => {
    expectExcelError(
      () => REE.worldShare("India", "constructor"),
      "#N/A",
      /Unknown measure "constructor": use "production" or "reserves"/,
    );
  });
  it('NDPR_GAP(,,,"constructor") is #N/A listing the bases, not 1,600', () => {
    expectExcelError(
      () => REE.ndprGap(null, null, null, "constructor"),
      "#N/A",
      /Unknown basis "constructor": use "oxide" .* or "magnet"/,
    );
  });
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"])(
    "%s names no fact, field, topic, table, country, product or element",
    (key) => {
      expectExcelError(() => REE.fact(key), "#N/A", /Unknown fact id/);
      expectExcelError(() => REE.fact("india.repm.target_t", key), "#N/A", /Unknown field/);
      expectExcelError(() => REE.fact("india.repm.target_t", null, key), "#N/A", /no version/);
      expectExcelError(() => REE.source(key), "#N/A", /Unknown fact or source id/);
      expectExcelError(() => REE.facts(key), "#N/A", /Unknown topic/);
      expectExcelError(() => REE.claims(key), "#N/A", /Unknown fact id/);
      expectExcelError(() => REE.table(key), "#N/A", /Unknown table/);
      expectExcelError(() => REE.worldShare(key), "#N/A", /Unknown country/);
      expectExcelError(() => REE.worldShare("India", key), "#N/A", /Unknown measure/);
      expectExcelError(() => REE.importShare(key), "#N/A", /No share for exporter/);
      expectExcelError(() => REE.importShare("China", key), "#N/A", /Unknown importer/);
      expectExcelError(() => REE.importShare("China", null, key), "#N/A", /Unknown product/);
      expectExcelError(() => REE.importVolume("China", null, key), "#N/A", /Unknown product/);
      expectExcelError(() => REE.ndprGap(null, null, null, key), "#N/A", /Unknown basis/);
      expectExcelError(() => REE.oxideToMetal(400, key), "#N/A", /Unknown element/);
      expectExcelError(() => REE.metalToOxide(100, key), "#N/A", /Unknown element/);
    },
  );
});

describe("an unknown name is answered with what exists", () => {
  it("the valid names where they are few enough to list, a pointer to FACTS() for fact ids", () => {
    expectExcelError(() => REE.worldShare("constructor"), "#N/A", /Known: .*China, .*India, /);
    expectExcelError(
      () => REE.fact("india.repm.target_t", "constructor"),
      "#N/A",
      /Known: value, low, high, unit, period, source, evidence, url, qualifier, label,/,
    );
    expectExcelError(() => REE.fact("constructor"), "#N/A", /=REE\.FACTS\(\) lists every fact id/);
    expectExcelError(() => REE.source("valueOf"), "#N/A", /=REE\.FACTS\(\) lists every fact id/);
  });
  it("a near miss gets the closest name, short forms included", () => {
    expectExcelError(
      () => REE.importShare("China", "India", "magnetz"),
      "#N/A",
      /Did you mean "magnets"\?/,
    );
    expectExcelError(() => REE.oxideToMetal(400, "NdPrr"), "#N/A", /Did you mean "NdPr"\?/);
  });
});

describe("IMPORT_RELIANCE when apparent consumption is zero up to rounding", () => {
  // Apparent consumption = production + imports - exports: 2.2 + 1.1 - 3.3 = 0,
  // 0.2 + 0.1 - 0.3 = 0 and 0.7 + 0.2 - 0.9 = 0 on paper, so the ratio divides by zero.
  it.each([
    [1.1, 3.3, 2.2],
    [0.1, 0.3, 0.2],
    [0.2, 0.9, 0.7],
  ])("(%s, %s, %s) is #DIV/0!", (imports, exports, production) => {
    expectExcelError(
      () => REE.importReliance(imports, exports, production),
      "#DIV/0!",
      /apparent consumption \(production \+ imports - exports\) is zero/,
    );
  });
  it("(1e308, 0, 1e308) = (1e308 - 0) / (1e308 + 1e308 - 0) = 0.5, without overflow", () => {
    expect(REE.importReliance(1e308, 0, 1e308)).toBe(0.5);
  });
  it("exports clearly above production plus imports stay #NUM!", () => {
    expectExcelError(() => REE.importReliance(0.2, 1, 0.7), "#NUM!", /exceed/); // 0.9 - 1 < 0
  });
});

describe("Indian digit grouping in numeric text", () => {
  it('"1,00,000" is 100,000: RESERVE_LIFE("1,00,000", 1) = 100,000 years', () => {
    expect(REE.reserveLife("1,00,000", 1)).toBe(100000);
  });
  it('"12,34,567.5" is 1,234,567.5 and "1,00,00,000" (a crore) is 10,000,000', () => {
    expect(REE.reserveLife("12,34,567.5", 1)).toBe(1234567.5);
    expect(REE.reserveLife("1,00,00,000", 1)).toBe(10000000);
    expect(REE.reserveLife("1,234,567", 1)).toBe(1234567); // international grouping still reads
  });
  it('"1,0,0" is neither grouping: #VALUE! saying which are accepted', () => {
    expectExcelError(
      () => REE.reserveLife("1,0,0", 1),
      "#VALUE!",
      /international way \(1,234,567\) or the Indian way \(12,34,567\)/,
    );
    expectExcelError(() => REE.reserveLife("100,00,000", 1), "#VALUE!", /Indian way/);
    expectExcelError(() => REE.reserveLife("1,000e3", 1), "#VALUE!", /must be a number/);
  });
});

describe("HHI agrees with SUMSQ/SUM^2, which ignores text in a range", () => {
  it("10, '20 (text), 30 is #VALUE! naming the cell and its value, not 3,888.9", () => {
    expectExcelError(
      () => REE.hhi([[10], ["20"], [30]]),
      "#VALUE!",
      /^Cell 2 of values holds the text "20", not a number: type it as a number or clear the cell\.$/,
    );
  });
  it("with the cell cleared: (10² + 30²) / 40² x 10,000 = 1,000 / 1,600 x 10,000 = 6,250", () => {
    expect(REE.hhi([[10], [null], [30]])).toBeCloseTo(6250, 9);
    expect(REE.hhi([[10], [""], [30]])).toBeCloseTo(6250, 9);
  });
  it("text that is not a number, spaces, and booleans in the range are #VALUE! too", () => {
    expectExcelError(
      () => REE.hhi([[10, "n/a"]]),
      "#VALUE!",
      /Cell 2 of values holds the text "n\/a"/,
    );
    expectExcelError(() => REE.hhi([[10, " "]]), "#VALUE!", /Cell 2 of values holds the text " "/);
    expectExcelError(() => REE.hhi([[true, 10]]), "#VALUE!", /Cell 1 of values holds TRUE/);
  });
});

describe("arguments that are Excel data types", () => {
  const india = {
    type: "Entity",
    text: "India",
    basicType: "Error",
    basicValue: "#VALUE!",
    properties: { Population: { type: "Double", basicValue: 1_428_627_663 } },
  };

  it("an entity reads as its text: WORLD_SHARE(India) = 2,900 / 390,000 = 0.0074359", () => {
    expect(REE.worldShare(india)).toBeCloseTo(0.0074358974, 9);
    expect(REE.worldShare({ type: "LinkedEntity", text: "India" })).toBeCloseTo(0.0074358974, 9);
    expect(REE.worldShare({ type: "String", basicValue: "India" })).toBeCloseTo(0.0074358974, 9);
  });
  it("a formatted number reads as its number: IMPORT_VOLUME(China,,,0.84 as 84%)... and others", () => {
    const share = { type: "FormattedNumber", basicValue: 0.84, numberFormat: "0%" };
    expect(REE.selfSufficiency(share, 1)).toBe(0.84); // 0.84 / 1
    expect(REE.evDemand({ type: "Double", basicValue: 5 }, 1000)).toBe(5); // 5 x 1,000 kg / 1,000
  });
  it("inside HHI's range: 0.84 and 0.16 give 84² + 16² = 7,056 + 256 = 7,312", () => {
    expect(
      REE.hhi([
        [{ type: "FormattedNumber", basicValue: 0.84, numberFormat: "0%" }],
        [{ type: "Double", basicValue: 0.16 }],
        [{ type: "Empty" }],
      ]),
    ).toBeCloseTo(7312, 9);
    expectExcelError(
      () => REE.hhi([[1], [india]]),
      "#VALUE!",
      /Cell 2 of values holds the text "India"/,
    );
  });
  it("a boolean is a boolean; an error value is that error", () => {
    expectExcelError(
      () => REE.magnetCapacity({ type: "Boolean", basicValue: true }),
      "#VALUE!",
      /not TRUE/,
    );
    const div0 = { type: "Error", basicValue: "#DIV/0!", errorType: "Div0" };
    expectExcelError(
      () => REE.magnetCapacity(div0),
      "#DIV/0!",
      /^oxide_t is an error \(#DIV\/0!\)\.$/,
    );
    expectExcelError(() => REE.hhi([[1], [div0]]), "#DIV/0!", /^Cell 2 of values is an error/);
    expectExcelError(
      () => REE.worldShare({ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" }),
      "#N/A",
    );
    expectExcelError(
      () => REE.magnetCapacity({ type: "Error", basicValue: "#REF!", errorType: "Ref" }),
      "#VALUE!",
      /#REF!/,
    );
    expectExcelError(
      () => REE.worldShare({ type: "WebImage", basicType: "Error", basicValue: "#VALUE!" }),
      "#VALUE!",
      /WebImage/,
    );
  });
});

describe("names users type for NdPr and magnets", () => {
  // IUPAC 2021: Nd 144.242, Pr 140.90766, O 15.999. Nd in Nd2O3: 288.484 / 336.481 = 0.857355987;
  // Pr in Pr6O11: 845.44596 / 1021.43496 = 0.827704155; NdPr oxide at the assumed 75:25 by mass:
  // 0.75 x 0.857355987 + 0.25 x 0.827704155 = 0.849943029.
  it('OXIDE_TO_METAL(400,"NdPr") = 400 x 0.849943029 = 339.977 t of NdPr metal', () => {
    expect(REE.oxideToMetal(400, "NdPr")).toBeCloseTo(339.977212, 6);
    expect(REE.oxideToMetal(400, "didymium", null)).toBeCloseTo(339.977212, 6);
  });
  it('METAL_TO_OXIDE(100,"NdPr") = 100 / 0.849943029 = 117.655 t; at 80:20, 0.851425621', () => {
    expect(REE.metalToOxide(100, "NdPr")).toBeCloseTo(117.654945, 6);
    expect(REE.oxideToMetal(400, "NdPr", "80%")).toBeCloseTo(340.570248, 6); // 400 x 0.851425621
  });
  it('IMPORT_SHARE("China","India","magnets") = 0.93 (FY25, by quantity), and the other short forms', () => {
    for (const product of ["magnets", "Magnet", " REPM ", "rare earth magnets", "NdFeB magnets"]) {
      expect(REE.importShare("China", "India", product)).toBe(0.93);
    }
  });
});
