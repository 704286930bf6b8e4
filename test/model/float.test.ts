import { differenceOf, nearlyEqual } from "../../src/model/float";

describe("comparing amounts up to rounding", () => {
  it("sums that are equal on paper compare equal", () => {
    expect(nearlyEqual(0.1 + 0.2, 0.3)).toBe(true); // 0.30000000000000004 vs 0.3
    expect(nearlyEqual(2.2 + 1.1, 3.3)).toBe(true); // 3.3000000000000003 vs 3.3
    expect(differenceOf(0.7 + 0.2, 0.9)).toBe(0); // 0.8999999999999999 - 0.9
    expect(differenceOf(0, 0)).toBe(0);
  });
  it("a difference Excel would show (15 significant digits) is kept", () => {
    expect(nearlyEqual(1, 1 + 1e-13)).toBe(false);
    // 1,000,000.000001 is stored as 1,000,000.0000010000076: the difference is about 1e-6.
    expect(differenceOf(1_000_000.000001, 1_000_000)).toBeCloseTo(0.000001, 9);
  });
  it("the tolerance is relative: tiny amounts are not zero", () => {
    expect(nearlyEqual(1e-300, 0)).toBe(false);
    expect(differenceOf(3e-300, 1e-300) / 1e-300).toBeCloseTo(2, 12);
  });
});
