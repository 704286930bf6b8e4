import { concentration, hhi } from "../../src/model/concentration";
import { expectKind } from "./helpers";

describe("HHI", () => {
  it("US import shares 2020-23: 70² + 13² + 6² + 5² + 6² = 5,166", () => {
    expect(hhi([70, 13, 6, 5, 6])).toBeCloseTo(5166, 9);
    expect(hhi([0.7, 0.13, 0.06, 0.05, 0.06])).toBeCloseTo(5166, 9); // shares give the same
  });
  it("China's 84% of India's magnet imports and 16% from the rest as one supplier: 84² + 16² = 7,312", () => {
    expect(hhi([0.84, 0.16])).toBeCloseTo(7312, 9);
  });
  it("is 10,000 for one supplier and 5,000 for two equal ones", () => {
    expect(hhi([53000])).toBe(10000);
    expect(hhi([1, 0, 1])).toBe(5000);
  });
  it("takes volumes too large to square: two equal suppliers of 1e200 t give 5,000", () => {
    expect(hhi([1e200, 1e200])).toBeCloseTo(5000, 9);
    expect(hhi([Number.MAX_VALUE, Number.MAX_VALUE / 3])).toBeCloseTo(6250, 9); // 75² + 25²
  });
  it("negative values are #NUM!; nothing to share is #DIV/0!", () => {
    expectKind(() => hhi([1, -2]), "num", /Value 2 is negative/);
    expectKind(() => hhi([]), "div0");
    expectKind(() => hhi([0, 0]), "div0");
  });
});

describe("concentration bands (DOJ/FTC 2010)", () => {
  it.each([
    [0, "unconcentrated"],
    [1499.99, "unconcentrated"],
    [1500, "moderately concentrated"],
    [2500, "moderately concentrated"],
    [2500.01, "highly concentrated"],
    [5166, "highly concentrated"],
  ])("%s is %s", (index, band) => expect(concentration(index)).toBe(band));
  it("outside 0-10,000 is #NUM!", () => {
    expectKind(() => concentration(-1), "num");
    expectKind(() => concentration(10001), "num", /hhi must be from 0 to 10000/);
  });
});
