/**
 * Every function of the brief through its Excel adapter: the articles' values worked out by hand,
 * Excel's calling conventions (null for omitted arguments, "" for empty cells, 1x1 ranges, numeric
 * text) and one test per error code.
 */
import * as REE from "../../src/functions/functions";
import { expectExcelError } from "./helpers";

describe("defaults come from the reference data", () => {
  it("NDPR_GAP() = 6,000 t x 400/1,200 - 400 t = 1,600 t of NdPr oxide", () => {
    expect(REE.ndprGap()).toBeCloseTo(1600, 9);
    expect(REE.ndprGap(null, null, null, null)).toBeCloseTo(1600, 9); // how Excel passes omitted arguments
    expect(REE.ndprGap("", "", "", "")).toBeCloseTo(1600, 9); // empty cells
  });
  it('NDPR_GAP(,,,"magnet") = 6,000 - 1,200 = 4,800 t of magnets', () => {
    expect(REE.ndprGap(null, null, null, "magnet")).toBeCloseTo(4800, 9);
  });
  it("NDPR_GAP(6000, 2000) = 6,000/3 - 2,000 = 0: domestic oxide exactly meets the target", () => {
    expect(REE.ndprGap(6000, 2000)).toBeCloseTo(0, 9);
  });
  it('IMPORT_SHARE("China") = 0.93 of India\'s magnet imports (FY25, by quantity)', () => {
    expect(REE.importShare("China")).toBe(0.93);
    expect(REE.importShare(" china ", "INDIA", "Rare earth magnets")).toBe(0.93);
  });
  it('IMPORT_VOLUME("China") = 0.93 x 53,700 t (FY25) = 49,941 t', () => {
    expect(REE.importVolume("China")).toBeCloseTo(49941, 9); // 48,330 + 1,611
    expect(REE.importVolume("China", null, null, 60000)).toBeCloseTo(55800, 9); // 0.93 x 60,000
    expect(REE.importVolume("Malaysia", "US", null, 1000)).toBeCloseTo(130, 9); // 0.13 x 1,000
  });
  it("RESERVE_LIFE() = 6,900,000 t / 2,900 t = 2,379.31 years", () => {
    expect(REE.reserveLife()).toBeCloseTo(2379.310344827586, 9);
    expect(REE.reserveLife(null, 5800)).toBeCloseTo(1189.655172413793, 9); // 6.9e6 / 5,800
  });
  it("MAGNET_CAPACITY(400) = 1,200 t and OXIDE_REQUIRED(6000) = 2,000 t", () => {
    expect(REE.magnetCapacity(400)).toBeCloseTo(1200, 9);
    expect(REE.oxideRequired(6000)).toBeCloseTo(2000, 9);
    expect(REE.magnetCapacity(400, 0.25)).toBe(1600); // an explicit ratio: 400 / 0.25
  });
  it("EV_DEMAND(1,000,000) = 1e6 x 1.5 kg / 1,000 = 1,500 t (midpoint of the articles' 1-2 kg)", () => {
    expect(REE.evDemand(1_000_000)).toBe(1500);
    expect(REE.evDemand(1_000_000, 2)).toBe(2000);
  });
  it("RECYCLED_SUPPLY(2000) = 2,000 x 25% (EU target) = 500 t", () => {
    expect(REE.recycledSupply(2000)).toBe(500);
  });
  it("CRORE_TO_USD(1345) = 155 (INR 1,345 crore = US$155 million) and back", () => {
    expect(REE.croreToUsd(1345)).toBeCloseTo(155, 9);
    expect(REE.usdToCrore(155)).toBeCloseTo(1345, 9);
  });
});

describe("other functions of the brief", () => {
  it("FACT, SOURCE, FACTS, CLAIMS, TABLE, DATA_VERSION", () => {
    expect(REE.fact("india.repm.target_t")).toBe(6000);
    expect(REE.fact("india.mined_2024_t", "period")).toBe("2024");
    expect(REE.source("india.reserves_t.niice")).toMatch(/^NIICE, 'Mining Autonomy/);
    expect(REE.facts()[0]).toEqual(["ID", "Label", "Value", "Unit", "Period", "Source"]);
    expect(REE.facts().length).toBeGreaterThan(REE.facts("demand").length);
    expect(REE.claims("china.processing_share").length).toBe(3); // header + NIICE + Discovery Alert
    expect(REE.table("world_production")[0]).toEqual([
      "Country",
      "Production 2023",
      "Production 2024",
      "Reserves",
      "Reserves qualifier", // "over" for the world total (USGS: >90000000)
      "Note",
      "Source",
    ]);
    expect(REE.dataVersion()).toMatch(/^\d+\.\d+\.\d+ \(\d{4}-\d{2}-\d{2}\)$/);
  });
  it("HHI of US import shares {70;13;6;5;6} = 5,166: highly concentrated", () => {
    expect(REE.hhi([[70], [13], [6], [5], [6]])).toBeCloseTo(5166, 9);
    expect(REE.hhi([[70, 13, 6, 5, 6]])).toBeCloseTo(5166, 9); // a row works as well as a column
    expect(REE.concentration(5166)).toBe("highly concentrated");
  });
  it("HHI skips empty cells", () => {
    expect(REE.hhi([[0.84], [""], [null], [0.16]])).toBeCloseTo(7312, 9); // 84² + 16²
  });
  it("WORLD_SHARE: India 2,900 / 390,000 = 0.0074; Myanmar's reserves are not available", () => {
    expect(REE.worldShare("India")).toBeCloseTo(0.0074358974, 9);
    expect(REE.worldShare("India", "reserves")).toBeCloseTo(0.0766667, 7);
    expect(REE.worldShare("China", null, 2023)).toBeCloseTo(255000 / 376000, 12);
  });
  it("SELF_SUFFICIENCY(400, 2000) = 0.2; IMPORT_RELIANCE(53000, 0, 1200) = 53,000 / 54,200", () => {
    expect(REE.selfSufficiency(400, 2000)).toBe(0.2);
    expect(REE.importReliance(53000, 0, 1200)).toBeCloseTo(0.977859778597786, 12);
  });
  it("CAGR(376000, 390000, 1) = 3.72%; PROJECT spills Year/Value", () => {
    expect(REE.cagr(376000, 390000, 1)).toBeCloseTo(0.0372340425531915, 12);
    const table = REE.project(6000, 0.1, 2);
    expect(table[0]).toEqual(["Year", "Value"]);
    expect(table.map((row) => row[0])).toEqual(["Year", 0, 1, 2]);
    expect(table[2][1]).toBeCloseTo(6600, 9);
  });
  it("SUPPLY_BALANCE(3, 2000, 0.1, 400,,, 2025): imports 1,600; 1,800; 2,020", () => {
    const table = REE.supplyBalance(3, 2000, 0.1, 400, null, null, 2025);
    expect(table.map((row) => row[0])).toEqual(["Year", 2025, 2026, 2027]);
    [1600, 1800, 2020].forEach((imports, i) =>
      expect(table[i + 1][4] as number).toBeCloseTo(imports, 9),
    );
  });
  it('STOCKPILE_DAYS(400, 2000) = 73 days; OXIDE_TO_METAL(400, "Nd") = 342.94 t', () => {
    expect(REE.stockpileDays(400, 2000)).toBeCloseTo(73, 12);
    expect(REE.oxideToMetal(400, "Nd")).toBeCloseTo(342.942, 3);
    expect(REE.metalToOxide(100, "pr")).toBeCloseTo(120.8161, 4);
  });
});

describe("Excel's calling conventions", () => {
  it("reads numeric text the way Excel reads typed numbers", () => {
    expect(REE.magnetCapacity("400")).toBeCloseTo(1200, 9);
    expect(REE.magnetCapacity(" 6,000 ")).toBeCloseTo(18000, 9);
    expect(REE.recycledSupply(2000, "25%")).toBe(500);
    expect(REE.oxideRequired("1.2e3")).toBeCloseTo(400, 9);
  });
  it("takes a 1x1 range as its value and turns -0 into 0", () => {
    expect(REE.magnetCapacity([[400]])).toBeCloseTo(1200, 9);
    expect(Object.is(REE.oxideRequired(-0), 0)).toBe(true);
  });
});

describe("errors", () => {
  it("#VALUE!: text, booleans, ranges and empty cells where a number is required", () => {
    expectExcelError(
      () => REE.magnetCapacity("abc"),
      "#VALUE!",
      /oxide_t must be a number; "abc" is text/,
    );
    expectExcelError(() => REE.magnetCapacity(true), "#VALUE!", /not TRUE/);
    expectExcelError(() => REE.magnetCapacity([[1], [2]]), "#VALUE!", /single value, not a range/);
    expectExcelError(() => REE.selfSufficiency("", 5), "#VALUE!", /domestic is required/);
    expectExcelError(() => REE.importShare(5), "#VALUE!", /exporter must be text/);
    expectExcelError(
      () =>
        REE.hhi([
          [1, 2],
          [3, 4],
        ]),
      "#VALUE!",
      /one row or one column/,
    );
    expectExcelError(() => REE.hhi([[1], ["x"]]), "#VALUE!", /Cell 2 of values/);
    expectExcelError(() => REE.hhi([[1], [false]]), "#VALUE!", /Cell 2 of values holds FALSE/);
  });
  it("#NUM!: negative tonnes, a share above 100%, impossible years and rates", () => {
    expectExcelError(
      () => REE.ndprGap(-6000),
      "#NUM!",
      /target_magnet_t must be zero or more t \(got -6000\)/,
    );
    expectExcelError(
      () => REE.recycledSupply(2000, 1.5),
      "#NUM!",
      /share must be a share from 0 to 1/,
    );
    expectExcelError(() => REE.project(1, 0.1, 2.5), "#NUM!", /years must be a whole number/);
    expectExcelError(() => REE.cagr(1, 2, -1), "#NUM!");
    expectExcelError(() => REE.concentration(12000), "#NUM!");
    expectExcelError(() => REE.project(1e300, 10, 1000), "#NUM!", /too large/);
  });
  it("#DIV/0!: zero demand, production, use or rate", () => {
    expectExcelError(() => REE.selfSufficiency(1, 0), "#DIV/0!", /demand is zero/);
    expectExcelError(() => REE.reserveLife(null, 0), "#DIV/0!", /production_t is zero/);
    expectExcelError(() => REE.stockpileDays(1, "0"), "#DIV/0!");
    expectExcelError(() => REE.croreToUsd(1, 0), "#DIV/0!");
    expectExcelError(() => REE.hhi([[0], [0]]), "#DIV/0!");
  });
  it("#N/A: unknown fact ids, countries, tables, topics and options, with 'did you mean'", () => {
    expectExcelError(
      () => REE.fact("india.repm.targt_t"),
      "#N/A",
      /Did you mean "india.repm.target_t"\?/,
    );
    expectExcelError(() => REE.importShare("Chinna"), "#N/A", /Did you mean "China"\?/);
    expectExcelError(() => REE.worldShare("Brazill"), "#N/A", /Did you mean "Brazil"\?/);
    expectExcelError(() => REE.table("companys"), "#N/A", /Did you mean "companies"\?/);
    expectExcelError(() => REE.facts("tradee"), "#N/A", /Unknown topic/);
    expectExcelError(
      () => REE.ndprGap(null, null, null, "magnett"),
      "#N/A",
      /Did you mean "magnet"\?/,
    );
    expectExcelError(() => REE.importVolume("China", "US"), "#N/A", /give total_t/);
  });
  it("matches aliases: US, Burma, Myanmar", () => {
    expect(REE.importShare("China", "US")).toBe(0.7);
    expect(REE.worldShare("Burma")).toBeCloseTo(31000 / 390000, 12);
    expectExcelError(() => REE.worldShare("Myanmar", "reserves"), "#N/A", /no reserves figure/);
  });
});
