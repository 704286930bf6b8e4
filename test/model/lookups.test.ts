import {
  citation,
  claimsTable,
  dataVersion,
  factField,
  factsTable,
  parseMeasure,
  referenceTable,
  worldShare,
} from "../../src/model/lookups";
import { CLAIMS_HEADER, FACTS_HEADER } from "../../src/model/spillHeaders";
import { expectKind } from "./helpers";

describe("facts", () => {
  it("reads the articles' figures by id, case-insensitively and ignoring spaces", () => {
    expect(factField("india.repm.target_t")).toBe(6000);
    expect(factField("  INDIA.NDPR_OXIDE.PRODUCTION_T ")).toBe(400);
    // A metric gives its preferred claim: 93% by quantity in FY25 (The Indian Express).
    expect(factField("india.magnet_imports.china_share")).toBe(0.93);
    expect(factField("india.magnet_imports.china_share.repm_scheme")).toBe(0.84);
    expect(factField("india.repm.target_t", "unit")).toBe("t/yr");
    expect(factField("india.magnet_imports.fy25_t", "PERIOD")).toBe("FY25");
  });
  it("a metric gives its preferred claim: 'approximately 85%' is more precise than 'more than 90%'", () => {
    expect(factField("china.processing_share")).toBe(0.85);
    expect(factField("china.processing_share", "id")).toBe(
      "china.processing_share.discovery_alert",
    );
    expect(factField("india.reserves_t")).toBe(6_900_000); // both sources say 6.9 million t
  });
  it("bounds: 'over 53,000' has a low of 53,000 and no high; '400-500' has both; an exact figure is its own", () => {
    expect(factField("india.magnet_imports.fy25_t.repm_scheme", "low")).toBe(53000);
    expectKind(
      () => factField("india.magnet_imports.fy25_t.repm_scheme", "high"),
      "na",
      /no upper bound/,
    );
    expect(factField("irel.nd_capacity_t", "low")).toBe(400);
    expect(factField("irel.nd_capacity_t", "high")).toBe(500);
    expect(factField("india.ndpr_oxide.production_t", "high")).toBe(400);
  });
  it("evidence, citation and empty text fields", () => {
    expect(factField("eu.recycling_target_share", "evidence")).toContain("25 percent");
    expect(factField("india.reserves_t.niice", "citation")).toBe(
      "NIICE, 'Mining Autonomy: How India is Redrawing the Global Map of Rare Earth Power', 2025-11-11, Kishore Yadav; The Resource Nationalism of India and Its Strategic Logic, para 1",
    );
    expect(factField("india.repm.target_t.repm_scheme", "url")).toBe(""); // the article gives no URL
    expect(factField("india.repm.target_t", "url")).toMatch(
      /^https:\/\/www\.business-standard\.com\//,
    );
  });
  it("unknown ids and fields are #N/A with a suggestion", () => {
    expectKind(() => factField("india.repm.targt_t"), "na", /Did you mean "india.repm.target_t"\?/);
    expectKind(() => factField("india.repm.target_t", "sorce"), "na", /Did you mean "source"\?/);
    expectKind(() => factField("zzz"), "na", /Unknown fact id "zzz"\./);
  });
});

describe("figures in an older release of the data set", () => {
  it("an id 1.1.0 retired still gives, in 1.0.0, the claim it named then", () => {
    // 1.0.0: india.magnet_imports.china_share was the article's 84%; 1.1.0 makes it a metric (93%).
    expect(factField("india.magnet_imports.china_share", "value", "1.0.0")).toBe(0.84);
    expect(factField("india.magnet_imports.fy25_t", "low", "1.0.0")).toBe(53000);
    expect(factField("india.magnet_imports.china_share", "value", "1.1.0")).toBe(0.93);
  });
  it("a figure 1.1.0 added was not in 1.0.0; one it bounded had no bounds", () => {
    expectKind(
      () => factField("india.magnet_imports.h1_fy26_t", "value", "1.0.0"),
      "na",
      /not yet in version 1\.0\.0/,
    );
    expect(factField("fx.inr_per_usd_implied", "low")).toBe(86.46);
    // The value is unchanged (1,345 crore / 155 million); 1.0.0 had no bounds to give.
    expect(factField("fx.inr_per_usd_implied", "value", "1.0.0")).toBeCloseTo(13450 / 155, 12);
    expectKind(() => factField("fx.inr_per_usd_implied", "low", "1.0.0"), "na", /no lower bound/);
  });
});

describe("citations", () => {
  it("says when the publisher and date are unknown", () => {
    expect(citation("india.repm.target_t.repm_scheme")).toMatch(
      /^Publisher unknown, 'REPM incentive scheme .*', undated; Overcoming Domestic Supply Constraints, para 1$/,
    );
  });
  it("names the outlets an article cites, and cites a source id without a locator", () => {
    expect(citation("china.processing_share.discovery_alert")).toContain(
      "(via Reuters, Mining.com)",
    );
    expect(citation("usgs_mcs2025")).toMatch(
      /^U\.S\. Geological Survey, 'Mineral Commodity Summaries 2025.*', 2025$/,
    );
  });
  it("unknown ids are #N/A", () =>
    expectKind(() => citation("niice.x"), "na", /Unknown fact or source id/));
});

describe("tables of facts, claims and reference data", () => {
  it("FACTS has a header row and one row per fact of the topic", () => {
    const table = factsTable("Demand");
    expect(table[0]).toEqual(FACTS_HEADER);
    expect(table.slice(1).map((row) => row[0])).toContain("ev.re_content_kg_per_vehicle");
    expect(table.every((row) => row.length === FACTS_HEADER.length)).toBe(true);
    expect(factsTable("trade and imports").length).toBeGreaterThan(1); // "&" may be typed as "and"
    expectKind(() => factsTable("demnd"), "na", /Did you mean "demand"\?/);
  });
  it("CLAIMS shows both sources for China's processing share, marking the preferred one", () => {
    const table = claimsTable("china.processing_share");
    expect(table[0]).toEqual(CLAIMS_HEADER);
    const byId = Object.fromEntries(table.slice(1).map((row) => [row[0], row]));
    expect(byId["china.processing_share.niice"].slice(1, 3)).toEqual([0.9, "over"]);
    expect(byId["china.processing_share.discovery_alert"].slice(1, 3)).toEqual([0.85, "approx"]);
    expect(byId["china.processing_share.discovery_alert"][6]).toBe(true);
  });
  it("TABLE spills column labels plus Source; empty cells are empty text", () => {
    const table = referenceTable("Value Chain");
    expect(table[0]).toEqual(["Order", "Stage", "Description", "Source"]);
    expect(table[1].slice(0, 2)).toEqual([0, "Mining"]);
    const agreements = referenceTable("agreements");
    expect(agreements.flat()).not.toContain(null);
    expectKind(() => referenceTable("partner"), "na", /Did you mean "partners"\?/);
  });
});

describe("world shares (USGS MCS 2025)", () => {
  it("India mined 2,900 of 390,000 t in 2024: 0.74%, under the 1% NIICE gives", () => {
    expect(worldShare("India", "production")).toBeCloseTo(2900 / 390000, 12);
    expect(worldShare("India", "production")).toBeLessThan(0.01);
  });
  it("China: 270,000 / 390,000 = 69.2% (2024), 255,000 / 376,000 = 67.8% (2023)", () => {
    expect(worldShare("china", "production", 2024)).toBeCloseTo(0.6923077, 7);
    expect(worldShare("China", "production", 2023)).toBeCloseTo(0.6781915, 7);
  });
  it("India's reserves: 6,900,000 / 90,000,000 = 7.67%; aliases find Burma", () => {
    expect(worldShare("India", "reserves")).toBeCloseTo(0.0766667, 7);
    expect(worldShare("Myanmar", "production")).toBeCloseTo(31000 / 390000, 12);
    expect(parseMeasure("Mine production")).toBe("production");
  });
  it("missing figures, years and names are #N/A", () => {
    expectKind(
      () => worldShare("Burma", "reserves"),
      "na",
      /no reserves figure for Burma \(Myanmar\)/,
    );
    expectKind(() => worldShare("India", "production", 2020), "na", /2023, 2024/);
    expectKind(() => worldShare("India", "reserves", 2024), "na", /leave year empty/);
    expectKind(() => worldShare("Indai", "production"), "na", /Did you mean "India"\?/);
    expectKind(() => parseMeasure("reservs"), "na", /Did you mean "reserves"\?/);
  });
});

it("DATA_VERSION is the version and date of the data set", () => {
  expect(dataVersion()).toMatch(/^\d+\.\d+\.\d+ \(\d{4}-\d{2}-\d{2}\)$/);
});
