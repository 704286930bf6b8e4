/**
 * The supplementary reports (shared/reference/*.txt), figure by figure, as written out by hand in
 * test/data/figures/reports.md from each excerpt so a reviewer can read them side by side;
 * `npm run data:verify` checks its quotes against the excerpts. Also: which claim each shared
 * metric prefers, and why.
 */
import {
  FACTS,
  SOURCES,
  factById,
  isDisputed,
  preferredClaim,
  relatedFacts,
  sourceById,
} from "../../src/data";
import { readFigureDocument } from "../support/figureTables";
import { derivedIds, expectFiguresOf } from "../support/sourceFigures";

const { sections } = readFigureDocument("reports");

describe.each(sections)("figures of the report $source", (section) => {
  it("is a supplementary report with publisher, dated and with its URL", () => {
    const record = sourceById(section.source);
    expect(record?.kind).toBe("report");
    expect(record?.publisher).not.toBe("unknown");
    expect(record?.date).toMatch(/^2025/);
    expect(record?.url).toMatch(/^https:\/\//);
  });

  it("has exactly the figures listed there, with these values", () => {
    expectFiguresOf(section);
  });
});

describe("the reports beside the articles", () => {
  it("has a section for every report", () => {
    const reports = SOURCES.filter((source) => source.kind === "report").map(({ id }) => id);
    expect(sections.map(({ source }) => source).sort()).toEqual(reports.sort());
  });

  it("marks derived exactly the figures written as derived there", () => {
    const reports = new Set(sections.map(({ source }) => source));
    expect(
      FACTS.filter((fact) => reports.has(fact.source) && fact.derived === true)
        .map((fact) => fact.id)
        .sort(),
    ).toEqual(derivedIds(sections));
  });

  it("prefers the FY25 93% by quantity for China's share, and keeps metal magnets out of the dispute", () => {
    // 84% (undated), 93% (FY25, quantity), over 90%, over 80% (now), 80% (metal magnets, 2025):
    // metal magnets are a part of all magnets; of the rest only 93% names its year.
    expect(preferredClaim("india.magnet_imports.china_share")?.value).toBe(0.93);
    expect(isDisputed("india.magnet_imports.china_share")).toBe(true);
  });

  it("prefers the stated 53,700 t over 'over 53,000 t' for FY25 imports (exact beats a bound)", () => {
    expect(preferredClaim("india.magnet_imports.fy25_t")?.value).toBe(53_700);
  });

  it("prefers the Cabinet's exact 6,000 MTPA to the article's 'around 6,000'", () => {
    const target = preferredClaim("india.repm.target_t");
    expect(target?.value).toBe(6000);
    expect(target?.qualifier).toBe("exact");
    expect(sourceById(target!.source)?.date).toBe("2025-11-26");
    expect(isDisputed("india.repm.target_t")).toBe(false);
  });

  it("says in each shared metric's preferred claim that it is preferred, and why", () => {
    // Written out by hand: the metrics several sources state, and the claim each prefers.
    const preferred: Record<string, string> = {
      "india.magnet_imports.china_share": "india.magnet_imports.china_share.indian_express_imports",
      "india.magnet_imports.fy25_t": "india.magnet_imports.fy25_t.indian_express_imports",
      "india.repm.target_t": "india.repm.target_t.business_standard_cabinet",
      "india.reserves_t": "india.reserves_t.repm_scheme",
      "china.export_controls_year": "china.export_controls_year.discovery_alert",
      "china.processing_share": "china.processing_share.discovery_alert",
      "india.repm_scheme.outlay_inr_crore":
        "india.repm_scheme.outlay_inr_crore.business_standard_cabinet",
      "india.repm_scheme.incentive_years": "india.repm_scheme.incentive_years.ndtv_cabinet",
    };
    const shared = [...new Set(FACTS.map((fact) => fact.metric))].filter(
      (metric) => FACTS.filter((fact) => fact.metric === metric).length > 1,
    );
    expect(shared.sort()).toEqual(Object.keys(preferred).sort());
    for (const [metric, id] of Object.entries(preferred)) {
      expect(preferredClaim(metric)?.id).toBe(id);
      expect(factById(id)?.note).toMatch(/Preferred claim for the metric: \S.{20,}/);
    }
    // A note elsewhere that names the preferred claim names the one the rule picks.
    for (const fact of FACTS) {
      const named = /[Pp]referred[^.]*\((india\.[a-z0-9_.]+|china\.[a-z0-9_.]+)\)/.exec(
        fact.note ?? "",
      );
      if (named) expect(preferred[fact.metric]).toBe(named[1]);
    }
  });

  it("retired ids name their metric's preferred claim today", () => {
    expect(factById("india.magnet_imports.china_share")?.value).toBe(0.93);
    expect(factById("india.magnet_imports.fy25_t")?.value).toBe(53_700);
  });

  it("links IREL's 400 t of NdPr oxide and its 400-500 t of neodymium capacity both ways", () => {
    const ids = (id: string) => relatedFacts(id).map((fact) => fact.id);
    expect(ids("india.ndpr_oxide.production_t")).toEqual(["irel.nd_capacity_t"]);
    expect(ids("irel.nd_capacity_t")).toEqual(["india.ndpr_oxide.production_t"]);
  });
});
