import { ndprGap, parseGapBasis } from "../../src/model/gap";
import { expectKind } from "./helpers";

const ratio = 400 / 1200; // t oxide per t magnet, from 400 t oxide -> 1,200 t magnets

describe("NDPR gap", () => {
  it("India's gap: 6,000 t x 400/1,200 - 400 t = 1,600 t of NdPr oxide", () => {
    const gap = ndprGap({
      targetMagnetT: 6000,
      domesticOxideT: 400,
      oxidePerMagnet: ratio,
      basis: "oxide",
    });
    expect(gap).toBeCloseTo(1600, 9);
  });
  it("in magnets: 6,000 t - 1,200 t supported = 4,800 t", () => {
    const gap = ndprGap({
      targetMagnetT: 6000,
      domesticOxideT: 400,
      oxidePerMagnet: ratio,
      basis: "magnet",
    });
    expect(gap).toBeCloseTo(4800, 9);
  });
  it("is negative for a surplus: 2,400 t oxide against 2,000 t needed = -400 t", () => {
    const gap = ndprGap({
      targetMagnetT: 6000,
      domesticOxideT: 2400,
      oxidePerMagnet: ratio,
      basis: "oxide",
    });
    expect(gap).toBeCloseTo(-400, 9);
  });
  it("rejects negative tonnes and reads basis names", () => {
    expectKind(
      () =>
        ndprGap({ targetMagnetT: -1, domesticOxideT: 0, oxidePerMagnet: ratio, basis: "oxide" }),
      "num",
      /target_magnet_t/,
    );
    expect(parseGapBasis("Magnets")).toBe("magnet");
    expect(parseGapBasis(" NdPr oxide ")).toBe("oxide");
    expectKind(() => parseGapBasis("oxid"), "na", /Did you mean "oxide"\?/);
  });
});
