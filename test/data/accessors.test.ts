import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import {
  DATA_VERSION,
  FACTS,
  SOURCES,
  TABLES,
  TOPICS,
  UNRECORDED,
  claimsForMetric,
  factById,
  factsBySource,
  factsByTopic,
  isDisputed,
  metricKeys,
  preferredClaim,
  resolveFact,
  sourceById,
  tableByName,
} from "../../src/data";
import { DATA_FILES } from "../../src/data/dataset";
import { searchFacts, searchTables } from "../../src/data/search";

const ids = (facts: readonly { id: string }[]): string[] => facts.map((fact) => fact.id);

describe("the bundled files", () => {
  const root = join(__dirname, "..", "..");

  it("are all loaded by dataset.ts, and every loaded file exists", () => {
    const onDisk = (dir: string) =>
      readdirSync(join(root, "src", "data", dir))
        .filter((name) => name.endsWith(".json"))
        .map((name) => `src/data/${dir}/${name}`)
        .sort();
    expect(DATA_FILES.facts.map((file) => file.path).sort()).toEqual(onDisk("facts"));
    expect(DATA_FILES.tables.map((file) => file.path).sort()).toEqual(onDisk("tables"));
    for (const file of [DATA_FILES.sources, DATA_FILES.unrecorded, DATA_FILES.version]) {
      expect(existsSync(join(root, file.path))).toBe(true);
    }
  });

  it("give a versioned data set with facts, sources, tables and unrecorded numerals", () => {
    expect(DATA_VERSION.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(DATA_VERSION.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(FACTS.length).toBeGreaterThan(40);
    expect(TABLES.map((table) => table.name)).toEqual([
      "partners",
      "agreements",
      "companies",
      "timeline",
      "value_chain",
      "deposits",
      "world_production",
      "import_sources",
      "policies",
    ]);
    expect(UNRECORDED.length).toBeGreaterThan(0);
  });
});

describe("sources", () => {
  it("has one record per article and the two USGS MCS 2025 tables, with the URL", () => {
    expect(SOURCES.map((source) => source.id)).toEqual([
      "nalco",
      "repm_scheme",
      "policy_circle",
      "niice",
      "discovery_alert",
      "usgs_mcs2025",
      "usgs_mcs2025_imports",
      "ndtv_cabinet",
      "business_standard_cabinet",
      "ndtv_profit_outlay",
      "indian_express_imports",
      "mint_h1_fy26",
      "moneycontrol_dependence",
    ]);
    const url = "https://pubs.usgs.gov/periodicals/mcs2025/mcs2025-rare-earths.pdf";
    expect(sourceById("usgs_mcs2025")?.url).toBe(url);
    expect(sourceById("USGS_MCS2025_IMPORTS")?.url).toBe(url);
    expect(sourceById("repm_scheme")?.publisher).toBe("unknown");
    expect(sourceById("nope")).toBeUndefined();
  });
});

describe("factById and resolveFact", () => {
  it("find a fact by id, ignoring case and surrounding spaces", () => {
    expect(factById("india.ndpr_oxide.production_t")?.value).toBe(400);
    expect(factById("  INDIA.NDPR_OXIDE.Production_T ")?.id).toBe("india.ndpr_oxide.production_t");
    expect(factById("india.repm.nothing")).toBeUndefined();
  });

  it("resolve a metric shared by several sources to its preferred claim", () => {
    expect(resolveFact("china.processing_share")?.id).toBe(
      "china.processing_share.discovery_alert",
    );
    expect(resolveFact("china.processing_share.niice")?.id).toBe("china.processing_share.niice");
    expect(resolveFact("unknown.metric")).toBeUndefined();
  });
});

describe("claims, preferred claim and disputes", () => {
  it("keep disagreeing sources side by side under one metric", () => {
    expect(ids(claimsForMetric("china.processing_share")).sort()).toEqual([
      "china.processing_share.discovery_alert",
      "china.processing_share.niice",
    ]);
    expect(ids(claimsForMetric("China.Export_Controls_Year")).sort()).toEqual([
      "china.export_controls_year.discovery_alert",
      "china.export_controls_year.niice",
      "china.export_controls_year.policy_circle",
    ]);
    expect(claimsForMetric("nothing.here")).toEqual([]);
  });

  // Rule: stated over derived; most sources agreeing; exact > approx > range > bound; newest source; id.
  it("prefers approximately 85% (approx) over more than 90% (a bound) for China's processing share", () => {
    expect(preferredClaim("china.processing_share")?.id).toBe(
      "china.processing_share.discovery_alert",
    );
  });

  it("prefers April 2025 (two sources) over 2024 (one) for China's export controls, then the id", () => {
    // policy_circle and discovery_alert agree on 2025, are both exact and both undated: the id decides.
    expect(preferredClaim("china.export_controls_year")?.id).toBe(
      "china.export_controls_year.discovery_alert",
    );
  });

  it("prefers the exact reserves figure over the estimate when the sources agree on the value", () => {
    expect(preferredClaim("india.reserves_t")?.id).toBe("india.reserves_t.repm_scheme");
  });

  it("flags a metric as disputed only when its claims differ in value", () => {
    expect(isDisputed("china.processing_share")).toBe(true);
    expect(isDisputed("china.export_controls_year")).toBe(true);
    expect(isDisputed("india.reserves_t")).toBe(false);
    expect(isDisputed("india.repm.target_t")).toBe(false);
    expect(isDisputed("nothing.here")).toBe(false);
  });

  it("lists the metric keys once each", () => {
    const keys = metricKeys();
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain("china.processing_share");
    expect(keys).not.toContain("china.processing_share.niice");
  });
});

describe("by topic, by source, tables by name", () => {
  it("factsByTopic returns only that topic, case-insensitively, and every topic is used", () => {
    const policy = factsByTopic("Targets & Policy");
    expect(policy.length).toBeGreaterThan(0);
    expect(policy.every((fact) => fact.topic === "targets & policy")).toBe(true);
    expect(ids(policy)).toContain("india.repm.target_t.repm_scheme");
    expect(factsByTopic("astrology")).toEqual([]);
    const used = new Set(FACTS.map((fact) => fact.topic));
    expect(TOPICS.filter((topic) => !used.has(topic) && factsByTopic(topic).length > 0)).toEqual(
      [],
    );
  });

  it("factsBySource returns one article's facts", () => {
    expect(factsBySource("NIICE").every((fact) => fact.source === "niice")).toBe(true);
    expect(factsBySource("nalco")).toEqual([]);
  });

  it("tableByName is case-insensitive", () => {
    expect(
      tableByName("World_Production")?.rows.find((row) => row.country === "India")?.reserves_t,
    ).toBe(6_900_000);
    expect(tableByName("nope")).toBeUndefined();
  });
});

describe("searchFacts", () => {
  it("finds a percentage by its number as written in the article", () => {
    expect(ids(searchFacts("84"))[0]).toBe("india.magnet_imports.china_share.repm_scheme");
  });

  it("finds thousands with or without the separator", () => {
    expect(ids(searchFacts("6,000"))[0]).toBe("india.repm.target_t.repm_scheme");
    expect(ids(searchFacts("6000"))[0]).toBe("india.repm.target_t.repm_scheme");
    expect(ids(searchFacts("6.9 million")).slice(0, 2).sort()).toEqual([
      "india.reserves_t.niice",
      "india.reserves_t.repm_scheme",
    ]);
  });

  it("is case-insensitive, ranks the label first and needs every word", () => {
    expect(ids(searchFacts("REPM PRODUCTION TARGET"))[0]).toMatch(/^india\.repm\.target_t\./);
    expect(ids(searchFacts("india.repm.target_t"))[0]).toMatch(/^india\.repm\.target_t\./);
    expect(searchFacts("china zebra")).toEqual([]);
  });

  it("is accent-insensitive", () => {
    expect(ids(searchFacts("cote d'ivoire"))).toEqual(ids(searchFacts("Côte d'Ivoire")));
    expect(searchTables("cote d'ivoire").length).toBe(searchTables("Côte d'Ivoire").length);
    expect(searchTables("cote d'ivoire").length).toBeGreaterThan(0);
  });

  it("finds disputed claims together and filters by topic and source", () => {
    expect(ids(searchFacts("china processing share")).slice(0, 2).sort()).toEqual([
      "china.processing_share.discovery_alert",
      "china.processing_share.niice",
    ]);
    const market = searchFacts("china", { topic: "global market" });
    expect(market.every((fact) => fact.topic === "global market")).toBe(true);
    expect(market.length).toBeGreaterThan(0);
    const policyCircle2025 = searchFacts("2025", { source: "policy_circle" });
    expect(policyCircle2025.every((fact) => fact.source === "policy_circle")).toBe(true);
    expect(ids(policyCircle2025)).toContain("china.export_controls_year.policy_circle");
  });

  it("searches the source publisher, and an empty query returns everything (limited on request)", () => {
    // NIICE's own facts first; then facts whose note mentions NIICE.
    const niice = factsBySource("niice").length;
    const hits = searchFacts("NIICE");
    expect(hits.slice(0, niice).every((fact) => fact.source === "niice")).toBe(true);
    expect(hits.slice(niice).every((fact) => fact.note?.includes("NIICE"))).toBe(true);
    expect(searchFacts("")).toHaveLength(FACTS.length);
    expect(searchFacts("", { limit: 3 })).toHaveLength(3);
  });
});

describe("searchTables", () => {
  it("finds rows by any cell, a USGS share by its percentage, and names the table", () => {
    const lynas = searchTables("lynas");
    expect(new Set(lynas.map((hit) => hit.table))).toEqual(
      new Set(["partners", "agreements", "companies"]),
    );
    const india = searchTables("india 2900")[0];
    expect(india.table).toBe("world_production");
    expect(india.row.country).toBe("India");
    const china = searchTables("united states china 70")[0];
    expect([china.table, china.row.share]).toEqual(["import_sources", 0.7]);
    expect(searchTables("zebra")).toEqual([]);
  });
});
