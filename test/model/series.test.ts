/**
 * REE.SERIES's model: the series table read as time series. Expected values are the excerpts'
 * figures as printed (The Indian Express: 12,400 t FY21, 28,700 t FY24, 53,700 t FY25; Mint:
 * 16,281 t in April-September 2025 = H1 FY26; Moneycontrol: about $65 million in 2013, more than
 * $198 million in 2024).
 */
import { parsePeriod } from "../../src/data";
import { findSeries, seriesPoints, seriesTable } from "../../src/model";
import { expectKind } from "./helpers";

const labels = (key: string, from?: string | number, to?: string | number) =>
  seriesPoints(key, from, to).map((point) => point.period.label);

describe("periods", () => {
  it("places FY25 at April 2024 to March 2025 and H1 FY26 at April to September 2025", () => {
    // April is month index 3: FY25 starts 2024 * 12 + 3; H1 FY26 starts 2025 * 12 + 3.
    expect(parsePeriod("FY25")).toEqual({
      label: "FY25",
      axis: "fiscal",
      startMonth: 2024 * 12 + 3,
      months: 12,
    });
    expect(parsePeriod("H1 FY26")).toMatchObject({ startMonth: 2025 * 12 + 3, months: 6 });
    expect(parsePeriod("H2 FY26")).toMatchObject({ startMonth: 2025 * 12 + 9, months: 6 });
    expect(parsePeriod(" fy24 ")?.label).toBe("FY24");
    expect(parsePeriod("2024")).toMatchObject({ axis: "calendar", startMonth: 2024 * 12 });
    expect(parsePeriod("current")).toBeUndefined();
  });
});

describe("India's magnet imports", () => {
  it("spills FY21, FY24, FY25 and H1 FY26 in order, with no FY22 or FY23 (gaps stay gaps)", () => {
    const grid = seriesTable("india.magnet_imports_t");
    expect(grid[0]).toEqual(["Period", "Value", "Unit", "Source"]);
    expect(grid.slice(1).map((row) => row.slice(0, 3))).toEqual([
      ["FY21", 12400, "t"],
      ["FY24", 28700, "t"],
      ["FY25", 53700, "t"],
      ["H1 FY26", 16281, "t"],
    ]);
    expect(String(grid[3][3])).toMatch(/^The Indian Express, 'Before China's rare earth curbs/);
    expect(String(grid[4][3])).toMatch(/^Mint, 'China-led magnet imports more than halve/);
  });

  it("takes from and to on the fiscal axis, inclusive, a half inside its year", () => {
    expect(labels("india.magnet_imports_t", "FY24")).toEqual(["FY24", "FY25", "H1 FY26"]);
    expect(labels("india.magnet_imports_t", "FY22", "FY25")).toEqual(["FY24", "FY25"]);
    expect(labels("india.magnet_imports_t", "FY26")).toEqual(["H1 FY26"]);
    expect(labels("india.magnet_imports_t", undefined, "FY21")).toEqual(["FY21"]);
    expect(labels(" INDIA.MAGNET_IMPORTS_T ")).toHaveLength(4);
  });

  it("refuses a calendar year on the fiscal axis, saying what to give", () => {
    expectKind(
      () => seriesPoints("india.magnet_imports_t", 2024),
      "value",
      /from 2024 is a calendar year, but india\.magnet_imports_t is on India's fiscal year .*"FY24"/,
    );
    expectKind(() => seriesPoints("india.magnet_imports_t", "last year"), "value", /not a period/);
    expectKind(() => seriesPoints("india.magnet_imports_t", "FY25", "FY21"), "num", /after/);
  });
});

describe("a calendar-year series", () => {
  it("gives the value of magnet imports in 2013 and 2024, and refuses a fiscal bound", () => {
    expect(
      seriesTable("india.magnet_imports_usd_million")
        .slice(1)
        .map((row) => row.slice(0, 3)),
    ).toEqual([
      ["2013", 65, "USD million"],
      ["2024", 198, "USD million"],
    ]);
    expect(labels("india.magnet_imports_usd_million", 2014)).toEqual(["2024"]);
    expectKind(
      () => seriesPoints("india.magnet_imports_usd_million", "FY24"),
      "value",
      /FY24 is a fiscal year, but .* calendar years/,
    );
  });
});

describe("unknown series", () => {
  it("is #N/A with a suggestion", () => {
    expectKind(
      () => findSeries("india.magnet_import_t"),
      "na",
      /Did you mean "india\.magnet_imports_t"\?/,
    );
    expectKind(() => findSeries("zzz"), "na", /Unknown series "zzz"\./);
  });
});
