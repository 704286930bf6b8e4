/** Property-based checks of the model's math with fast-check. */
import fc from "fast-check";
import { supplyBalance } from "../../src/model/balance";
import { hhi } from "../../src/model/concentration";
import {
  croreToUsd,
  magnetCapacity,
  metalToOxide,
  oxideRequired,
  oxideToMetal,
  usdToCrore,
} from "../../src/model/conversions";
import { ndprGap } from "../../src/model/gap";
import { cagr, projection } from "../../src/model/growth";
import { importShare, importSources } from "../../src/model/trade";

const tonnes = fc.double({ min: 0, max: 1e7, noNaN: true });
const ratio = fc.double({ min: 0.01, max: 1, noNaN: true });
const close = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe("conversions round-trip", () => {
  it("MAGNET_CAPACITY(OXIDE_REQUIRED(x)) = x", () => {
    fc.assert(
      fc.property(tonnes, ratio, (x, r) => close(magnetCapacity(oxideRequired(x, r), r), x)),
    );
  });
  it("METAL_TO_OXIDE(OXIDE_TO_METAL(x)) = x, and metal is lighter than its oxide", () => {
    fc.assert(
      fc.property(tonnes, fc.constantFrom("Nd" as const, "Pr" as const), (x, element) => {
        const metal = oxideToMetal(x, element);
        return close(metalToOxide(metal, element), x) && metal <= x;
      }),
    );
  });
  it("USD_TO_CRORE(CRORE_TO_USD(x)) = x", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1, max: 200, noNaN: true }),
        (x, fx) => close(usdToCrore(croreToUsd(x, fx), fx), x),
      ),
    );
  });
});

describe("NdPr gap", () => {
  const gap = (target: number, domestic: number, r: number) =>
    ndprGap({ targetMagnetT: target, domesticOxideT: domestic, oxidePerMagnet: r, basis: "oxide" });
  it("grows with the target and shrinks with domestic oxide", () => {
    fc.assert(
      fc.property(tonnes, tonnes, tonnes, ratio, (target, domestic, more, r) => {
        return (
          gap(target + more, domestic, r) >= gap(target, domestic, r) &&
          gap(target, domestic + more, r) <= gap(target, domestic, r)
        );
      }),
    );
  });
  it("in magnets it is the oxide gap divided by the ratio", () => {
    fc.assert(
      fc.property(tonnes, tonnes, ratio, (target, domestic, r) => {
        const magnets = ndprGap({
          targetMagnetT: target,
          domesticOxideT: domestic,
          oxidePerMagnet: r,
          basis: "magnet",
        });
        return (
          Math.abs(magnets - gap(target, domestic, r) / r) <= 1e-6 * Math.max(1, Math.abs(magnets))
        );
      }),
    );
  });
});

describe("HHI", () => {
  // Zero or a realistic tonnage (denormal floats would underflow when halved).
  const volume = fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e6, noNaN: true }));
  const volumes = fc
    .array(volume, { minLength: 1, maxLength: 30 })
    .filter((values) => values.some((x) => x > 0));
  it("is 10,000 for one supplier, whatever its volume", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), (v) => close(hhi([v]), 10000)),
    );
  });
  it("lies between 10,000 / n and 10,000 and ignores the scale", () => {
    fc.assert(
      fc.property(volumes, fc.double({ min: 0.001, max: 1000, noNaN: true }), (values, k) => {
        const index = hhi(values);
        const suppliers = values.filter((v) => v > 0).length;
        return (
          index <= 10000 + 1e-6 &&
          index >= 10000 / suppliers - 1e-6 &&
          close(hhi(values.map((v) => v * k)), index)
        );
      }),
    );
  });
  it("does not depend on the order the volumes come in", () => {
    fc.assert(fc.property(volumes, (values) => close(hhi([...values].reverse()), hhi(values))));
  });
  it("falls as supply spreads: splitting the largest supplier in two lowers it", () => {
    fc.assert(
      fc.property(volumes, (values) => {
        const i = values.indexOf(Math.max(...values));
        const spread = [
          ...values.slice(0, i),
          values[i] / 2,
          values[i] / 2,
          ...values.slice(i + 1),
        ];
        return hhi(spread) < hhi(values);
      }),
    );
  });
});

describe("import shares", () => {
  it("for one importer and product, any set of exporters' shares sums to at most 1", () => {
    for (const importer of ["India", "United States"]) {
      const exporters = importSources(importer).map((row) => row.exporter);
      fc.assert(
        fc.property(fc.subarray(exporters), (chosen) => {
          const total = chosen.reduce(
            (sum, exporter) => sum + importShare(exporter, importer).share,
            0,
          );
          return total <= 1 + 1e-9;
        }),
      );
    }
  });
});

describe("growth and balance", () => {
  const rate = fc.double({ min: -0.5, max: 0.5, noNaN: true });
  const years = fc.integer({ min: 1, max: 40 });
  it("CAGR recovers the rate of a projection", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e6, noNaN: true }), rate, years, (base, r, n) => {
        const values = projection(base, r, n);
        return Math.abs(cagr(values[0], values[n], n) - r) <= 1e-9;
      }),
    );
  });
  it("demand = domestic + recycled + imports whenever imports are positive; imports never negative", () => {
    fc.assert(
      fc.property(
        years,
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        rate,
        tonnes,
        rate,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, demand, growth, domestic, domesticGrowth, recyclingShare) =>
          supplyBalance({
            years: n,
            demand,
            growth,
            domestic,
            domesticGrowth,
            recyclingShare,
          }).every(
            (row) =>
              row.imports >= 0 &&
              (row.imports === 0 ||
                Math.abs(row.domestic + row.recycled + row.imports - row.demand) <=
                  1e-6 * row.demand) &&
              close(row.selfSufficiency, (row.domestic + row.recycled) / row.demand),
          ),
      ),
    );
  });
});
