import { cagr, projection, projectionTable } from "../../src/model/growth";
import { expectKind } from "./helpers";

describe("CAGR", () => {
  it("world mine production 376,000 t (2023) to 390,000 t (2024): 390/376 - 1 = 3.72%", () => {
    expect(cagr(376000, 390000, 1)).toBeCloseTo(0.0372340425531915, 12);
  });
  it("doubling in two years: sqrt(2) - 1 = 0.41421", () => {
    expect(cagr(100, 200, 2)).toBeCloseTo(Math.SQRT2 - 1, 12);
  });
  it("start 0 or years 0 divide by zero; negatives are #NUM!", () => {
    expectKind(() => cagr(0, 5, 1), "div0", /start is zero/);
    expectKind(() => cagr(1, 5, 0), "div0", /years is zero/);
    expectKind(() => cagr(-1, 5, 1), "num");
    expectKind(() => cagr(1, -5, 1), "num", /end must be zero or more/);
  });
});

describe("projection", () => {
  it("6,000 t growing 10% a year: 6,000; 6,600; 7,260; 7,986", () => {
    const values = projection(6000, 0.1, 3);
    [6000, 6600, 7260, 7986].forEach((expected, i) => expect(values[i]).toBeCloseTo(expected, 9));
  });
  it("spills a header and years 0..n", () => {
    const table = projectionTable(1, 1, 2);
    expect(table).toEqual([
      ["Year", "Value"],
      [0, 1],
      [1, 2],
      [2, 4],
    ]);
  });
  it("rates of -100% or less and fractional or out-of-range years are #NUM!", () => {
    expectKind(() => projection(1, -1, 3), "num", /rate must be more than -1/);
    expectKind(() => projection(1, 0.1, 2.5), "num", /whole number from 1 to 1000/);
    expectKind(() => projection(1, 0.1, 0), "num");
    expectKind(() => projection(1, 0.1, 1001), "num");
  });
});
