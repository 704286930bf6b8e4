import {
  recycledSupply,
  reserveLife,
  stockpileDays,
  supplyBalance,
  supplyBalanceTable,
} from "../../src/model/balance";
import { BALANCE_HEADER } from "../../src/model/spillHeaders";
import { expectKind } from "./helpers";

describe("reserve life, stockpile cover, recycling", () => {
  it("India: 6.9 million t of reserves / 2,900 t mined in 2024 = 2,379.3 years", () => {
    expect(reserveLife(6_900_000, 2900)).toBeCloseTo(2379.310344827586, 9);
  });
  it("400 t against 2,000 t a year lasts 400 / 2,000 x 365 = 73 days", () => {
    expect(stockpileDays(400, 2000)).toBeCloseTo(73, 12);
  });
  it("the EU's 25% recycling target on 2,000 t of demand is 500 t", () => {
    expect(recycledSupply(2000, 0.25)).toBe(500);
  });
  it("zero production or use is #DIV/0!; a share of 25 is #NUM! with a hint", () => {
    expectKind(() => reserveLife(1, 0), "div0", /production_t is zero/);
    expectKind(() => stockpileDays(1, 0), "div0", /annual_use_t/);
    expectKind(() => recycledSupply(2000, 25), "num", /25% is 0.25/);
  });
});

describe("supply balance", () => {
  // One year of 1 t demand, nothing domestic, no growth, no recycling: each test states what it changes.
  const flat = {
    years: 1,
    demand: 1,
    growth: 0,
    domestic: 0,
    domesticGrowth: 0,
    recyclingShare: 0,
  };
  it("2,000 t of oxide demand growing 10% against 400 t domestic", () => {
    const rows = supplyBalance({ ...flat, years: 3, demand: 2000, growth: 0.1, domestic: 400 });
    // Demand 2,000; 2,200; 2,420. Imports = demand - 400: 1,600; 1,800; 2,020.
    expect(rows.map((r) => r.year)).toEqual([0, 1, 2]);
    [1600, 1800, 2020].forEach((imports, i) => expect(rows[i].imports).toBeCloseTo(imports, 9));
    // Self-sufficiency 400 / 2,000 = 0.2, 400 / 2,200 = 0.1818, 400 / 2,420 = 0.1653.
    [0.2, 0.181818, 0.165289].forEach((ss, i) =>
      expect(rows[i].selfSufficiency).toBeCloseTo(ss, 6),
    );
  });
  it("with the EU's 25% recycling, from 2025: 2,000 - 400 - 500 = 1,100 t imported; (400 + 500) / 2,000 = 0.45", () => {
    const table = supplyBalanceTable({
      ...flat,
      demand: 2000,
      growth: 0.1,
      domestic: 400,
      recyclingShare: 0.25,
      startYear: 2025,
    });
    expect(table[0]).toEqual(BALANCE_HEADER);
    expect(table[1]).toEqual([2025, 2000, 400, 500, 1100, 0.45]);
  });
  it("imports never go negative when domestic supply exceeds demand", () => {
    const [row] = supplyBalance({ ...flat, demand: 100, domestic: 300 });
    expect(row.imports).toBe(0);
    expect(row.selfSufficiency).toBe(3);
  });
  it("imports are exactly 0 when domestic supply and recycling meet demand up to rounding", () => {
    // 1 t demand, 0.7 t domestic, 30% recycled (0.3 t): 1 - 0.7 - 0.3 = 0 on paper, not 5.6e-17.
    const [row] = supplyBalance({ ...flat, domestic: 0.7, recyclingShare: 0.3 });
    expect(row.imports).toBe(0);
  });
  it("checks every input", () => {
    expectKind(() => supplyBalance({ ...flat, years: 0 }), "num", /years/);
    expectKind(() => supplyBalance({ ...flat, demand: 0 }), "div0", /demand is zero/);
    expectKind(() => supplyBalance({ ...flat, growth: -1 }), "num", /growth/);
    expectKind(() => supplyBalance({ ...flat, domestic: -1 }), "num", /domestic/);
    expectKind(() => supplyBalance({ ...flat, recyclingShare: 2 }), "num", /recycling_share/);
    expectKind(() => supplyBalance({ ...flat, startYear: 2025.5 }), "num", /start_year/);
  });
});
