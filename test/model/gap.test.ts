import { ndprGap, parseGapBasis } from "../../src/model/gap";
import { expectKind } from "./helpers";

const ratio = 400 / 1200; // t oxide per t magnet, from 400 t oxide -> 1,200 t magnets

describe("NDPR gap", () => {
  it("a gap that is only rounding is exactly 0: 1,200 t x 400/1,200 - 400 t = 0", () => {
    const inputs = { targetMagnetT: 1200, domesticOxideT: 400, oxidePerMagnet: ratio };
    expect(ndprGap({ ...inputs, basis: "oxide" })).toBe(0);
    expect(ndprGap({ ...inputs, basis: "magnet" })).toBe(0); // 1,200 - 400 / (1/3)
    // 0.7 t of magnets at 0.1 t/t needs 0.07 t of oxide, exactly what is made (not -1.4e-17).
    expect(
      ndprGap({ targetMagnetT: 0.7, domesticOxideT: 0.07, oxidePerMagnet: 0.1, basis: "oxide" }),
    ).toBe(0);
  });
  it('"constructor" or "toString" is no basis', () => {
    expectKind(() => parseGapBasis("constructor"), "na", /use "oxide" .* or "magnet"/);
    expectKind(() => parseGapBasis("toString"), "na");
  });
  it.each([
    {
      why: "India's gap: 6,000 t x 400/1,200 - 400 t = 1,600 t of NdPr oxide",
      domesticOxideT: 400,
      basis: "oxide",
      gapT: 1600,
    },
    {
      why: "in magnets: 6,000 t - 1,200 t supported = 4,800 t",
      domesticOxideT: 400,
      basis: "magnet",
      gapT: 4800,
    },
    {
      why: "is negative for a surplus: 2,400 t oxide against 2,000 t needed = -400 t",
      domesticOxideT: 2400,
      basis: "oxide",
      gapT: -400,
    },
  ] as const)("$why", ({ domesticOxideT, basis, gapT }) => {
    const gap = ndprGap({ targetMagnetT: 6000, domesticOxideT, oxidePerMagnet: ratio, basis });
    expect(gap).toBeCloseTo(gapT, 9);
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
