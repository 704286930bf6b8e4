import { FACTS, TABLES, resolveFact } from "../../src/data";
import {
  HEADLINE_FACT_IDS,
  NO_FILTERS,
  TABLE_TOPICS,
  filterCatalog,
  getCatalog,
  isFiltered,
  rowSummary,
  rowTitle,
} from "../../src/taskpane/browse/entries";

const catalog = getCatalog();

describe("catalog", () => {
  it("lists every fact and every table row", () => {
    expect(catalog.facts).toHaveLength(FACTS.length);
    expect(catalog.rows).toHaveLength(TABLES.reduce((sum, table) => sum + table.rows.length, 0));
    const all = filterCatalog(catalog, NO_FILTERS);
    expect(all.facts).toHaveLength(FACTS.length);
    expect(all.rows).toHaveLength(catalog.rows.length);
  });

  it("opens on the figures a planner came for, then the rest in data order", () => {
    const first = filterCatalog(catalog, NO_FILTERS).facts.map((entry) => entry.fact.id);
    // The target's preferred claim since 1.1.0 is the Cabinet's decision (Business Standard).
    expect(first.slice(0, 4)).toEqual([
      "india.repm.target_t.business_standard_cabinet",
      "india.ndpr_oxide.required_for_target_t",
      "india.ndpr_oxide.production_t",
      "india.ndpr_oxide.gap_t",
    ]);
    // China's 93% and the 53,700 t of FY25 (The Indian Express), the preferred claims.
    expect(first.slice(4, 6)).toEqual([
      "india.magnet_imports.china_share.indian_express_imports",
      "india.magnet_imports.fy25_t.indian_express_imports",
    ]);
    // Every headline id is a fact or metric of the data set, and no fact is lost or repeated.
    for (const id of HEADLINE_FACT_IDS) expect(resolveFact(id)).toBeDefined();
    expect(new Set(first).size).toBe(FACTS.length);
  });

  it("places every reference table under a topic, so topic filters reach all of them", () => {
    for (const table of TABLES) expect(TABLE_TOPICS[table.name]).toBeDefined();
  });

  it("marks facts whose sources give different values, and only those", () => {
    const processing = catalog.facts.filter((e) => e.fact.metric === "china.processing_share");
    expect(processing.length).toBeGreaterThan(1);
    expect(processing.every((e) => e.disputed)).toBe(true);
    // Two sources giving the same reserves figure agree: no marker.
    const reserves = catalog.facts.filter((e) => e.fact.metric === "india.reserves_t");
    expect(reserves.every((e) => !e.disputed)).toBe(true);
    // Read from the fact files by hand: the metrics whose sources give different values for the
    // same thing. China's share of magnet imports: 84% (REPM article) against 93% and over 90% (The
    // Indian Express) and over 80% (Moneycontrol); FY25 imports: over 53,000 t against 53,700 t;
    // export controls: 2025 (Policy Circle, Discovery Alert) against 2024 (NIICE); processing share:
    // over 90% (NIICE) against about 85% (Discovery Alert). The target (6,000 t), reserves (6.9
    // million t), outlay (Rs 7,280 crore) and incentive years (5) are the same number everywhere.
    const disputedMetrics = new Set(
      catalog.facts.filter((e) => e.disputed).map((e) => e.fact.metric),
    );
    expect([...disputedMetrics].sort()).toEqual([
      "china.export_controls_year",
      "china.processing_share",
      "india.magnet_imports.china_share",
      "india.magnet_imports.fy25_t",
    ]);
  });

  it("finds a figure however it is typed, label matches first", () => {
    const { facts } = filterCatalog(catalog, { ...NO_FILTERS, query: "6,000" });
    expect(facts[0].fact.id).toBe("india.repm.target_t.repm_scheme");
    const share = filterCatalog(catalog, { ...NO_FILTERS, query: "84%" });
    expect(share.facts.map((e) => e.fact.id)).toContain(
      "india.magnet_imports.china_share.repm_scheme",
    );
  });

  it("applies topic and source filters to facts and table rows alike", () => {
    const partnerships = filterCatalog(catalog, { ...NO_FILTERS, topic: "partnerships" });
    expect(partnerships.facts.every((e) => e.fact.topic === "partnerships")).toBe(true);
    expect(partnerships.rows.length).toBeGreaterThan(0);
    expect(partnerships.rows.every((e) => TABLE_TOPICS[e.table.name] === "partnerships")).toBe(
      true,
    );
    const usgs = filterCatalog(catalog, { ...NO_FILTERS, source: "usgs_mcs2025" });
    expect(usgs.rows.length).toBeGreaterThan(0);
    expect(usgs.rows.every((e) => e.row.source === "usgs_mcs2025")).toBe(true);
    expect(usgs.facts.every((e) => e.fact.source === "usgs_mcs2025")).toBe(true);
  });

  it("returns nothing for a query nothing contains", () => {
    const none = filterCatalog(catalog, { ...NO_FILTERS, query: "zzqx" });
    expect(none.facts).toHaveLength(0);
    expect(none.rows).toHaveLength(0);
    expect(isFiltered({ ...NO_FILTERS, query: "zzqx" })).toBe(true);
    expect(isFiltered(NO_FILTERS)).toBe(false);
  });

  it("titles a table row by its first text column and summarises the rest", () => {
    const world = TABLES.find((t) => t.name === "world_production");
    expect(world).toBeDefined();
    if (!world) return;
    const row = world.rows[0];
    expect(rowTitle(world, row)).toBe(String(row.country));
    expect(rowSummary(world, row)).toMatch(/^Production 2023: [\d,]+ t · /);
  });
});
