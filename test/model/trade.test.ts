import {
  importReliance,
  importShare,
  importSources,
  importTotal,
  importVolume,
  selfSufficiency,
} from "../../src/model/trade";
import { expectKind } from "./helpers";

describe("import shares (table import_sources)", () => {
  it("China supplies 93% of India's rare earth magnet imports (FY25, by quantity)", () => {
    const row = importShare("China", "India");
    expect(row.share).toBe(0.93);
    expect(row.product).toBe("rare earth magnets");
  });
  it("USGS: US imports of compounds and metals 2020-23, China 70%, Malaysia 13%", () => {
    expect(importShare("china", "US").share).toBe(0.7);
    expect(importShare(" Malaysia ", "United States of America").share).toBe(0.13);
    expect(importShare("Other", "usa", "rare-earth compounds and metals").share).toBe(0.06);
  });
  it("lists every exporter for an importer and product", () => {
    expect(importSources("US").map((row) => row.exporter)).toEqual([
      "China",
      "Malaysia",
      "Japan",
      "Estonia",
      "Other",
    ]);
  });
  it("unknown names are #N/A, with a suggestion or the list of what exists", () => {
    expectKind(() => importShare("Chna", "India"), "na", /Did you mean "China"\?/);
    expectKind(() => importShare("Japan", "India"), "na", /lists only China/);
    expectKind(() => importShare("China", "Indonesia"), "na", /Unknown importer "Indonesia"/);
    expectKind(() => importShare("China", "India", "lithium"), "na", /Unknown product/);
  });
  it("India's FY25 total is 53,700 t, so China's part is 0.93 x 53,700 = 49,941 t", () => {
    const row = importShare("China", "India");
    expect(importTotal(row)).toBe(53700);
    // 53,700 x 0.9 = 48,330; 53,700 x 0.03 = 1,611; 48,330 + 1,611 = 49,941.
    expect(importVolume(row.share, importTotal(row))).toBeCloseTo(49941, 9);
  });
  it("the US has no total in the data set: #N/A asking for total_t", () => {
    expectKind(() => importTotal(importShare("China", "US")), "na", /give total_t/);
  });
});

describe("self-sufficiency and import reliance", () => {
  it("400 t of NdPr oxide against the 2,000 t the target needs is 0.2", () => {
    expect(selfSufficiency(400, 2000)).toBe(0.2);
  });
  it("reliance = (imports - exports) / (production + imports - exports)", () => {
    expect(importReliance(53000, 0, 1200)).toBeCloseTo(53000 / 54200, 12); // 0.97786
    expect(importReliance(10, 30, 100)).toBeCloseTo(-0.25, 12); // -20 / 80: a net exporter
  });
  it("zero demand or consumption is #DIV/0!; exports above supply #NUM!", () => {
    expectKind(() => selfSufficiency(1, 0), "div0", /demand is zero/);
    expectKind(() => importReliance(0, 0, 0), "div0");
    expectKind(() => importReliance(0, 10, 5), "num", /Exports \(10\) exceed/);
    expectKind(() => importVolume(1.2, 100), "num", /share must be a share from 0 to 1/);
  });
  it("apparent consumption that is zero up to rounding is #DIV/0!, not a huge ratio", () => {
    // 2.2 + 1.1 - 3.3, 0.2 + 0.1 - 0.3 and 0.7 + 0.2 - 0.9 are all exactly 0 on paper.
    expectKind(() => importReliance(1.1, 3.3, 2.2), "div0", /apparent consumption/);
    expectKind(() => importReliance(0.1, 0.3, 0.2), "div0", /apparent consumption/);
    expectKind(() => importReliance(0.2, 0.9, 0.7), "div0", /apparent consumption/);
  });
  it("net imports that are zero up to rounding give exactly 0", () => {
    // imports 0.3, exports 0.1 + 0.2 (0.30000000000000004 in floating point), production 5
    expect(importReliance(0.3, 0.1 + 0.2, 5)).toBe(0);
  });
  it("amounts near the largest number do not overflow: (1e308 - 0) / (1e308 + 1e308 - 0) = 0.5", () => {
    expect(importReliance(1e308, 0, 1e308)).toBe(0.5);
    expect(importReliance(1.5e308, 1e308, 1e308)).toBeCloseTo(1 / 3, 12); // 0.5 / 1.5
  });
});

describe("product names people type", () => {
  it.each([
    "magnets",
    "magnet",
    "REPM",
    " Rare Earth Magnets ",
    "rare-earth magnet",
    "NdFeB magnets",
    "NDFEB",
    "rare earth permanent magnets",
  ])('"%s" is India\'s rare earth magnets: China 0.93 (FY25, by quantity)', (product) => {
    expect(importShare("China", "India", product).share).toBe(0.93);
  });
  it("compounds and metals by their short forms; prototype keys are unknown products", () => {
    expect(importShare("Malaysia", "US", "compounds and metals").share).toBe(0.13);
    expect(importShare("Malaysia", "US", "Rare earth compounds").share).toBe(0.13);
    expectKind(() => importShare("China", "India", "constructor"), "na", /Unknown product/);
    expectKind(() => importShare("constructor", "India"), "na", /lists only China/);
    expectKind(() => importShare("China", "__proto__"), "na", /Unknown importer/);
  });
});
