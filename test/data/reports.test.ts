/**
 * The supplementary reports (shared/reference/*.txt), figure by figure, written out by hand from
 * each excerpt so a reviewer can read them side by side. Values are as the text states them;
 * "derived" marks our arithmetic. Also: which claim each shared metric prefers, and why.
 */
import {
  FACTS,
  factById,
  isDisputed,
  preferredClaim,
  relatedFacts,
  sourceById,
} from "../../src/data";
import { expectFiguresOf, type Figure } from "../support/sourceFigures";

// Rows alike on purpose: one literal row per figure with its quote, read against the source.
const REPORTS: Record<string, Figure[]> = {
  // NDTV (PTI), "Cabinet Clears Rs 7,280 Crore Scheme ...", 2025-11-26.
  ndtv_cabinet: [
    ["india.repm_scheme.outlay_inr_crore.ndtv_cabinet", 7280], // "with an outlay of Rs 7,280 crore"
    ["india.repm.target_t.ndtv_cabinet", 6000], // "capacity of 6,000 MTPA"
    ["india.repm_scheme.beneficiaries_count", 5], // "to five beneficiaries"
    ["india.repm_scheme.capacity_per_beneficiary_t", 1200], // "up to 1,200 MTPA" (under)
    ["india.repm_scheme.duration_years", 7], // "7 years from the date of award"
    ["india.repm_scheme.gestation_years", 2], // "a 2-year gestation period"
    ["india.repm_scheme.incentive_years.ndtv_cabinet", 5], // "5 years for incentive disbursement"
    ["india.repm_scheme.approval_year", 2025], // derived: "on Wednesday", dated 2025-11-26
    ["india.repm_scheme.earliest_production_year", 2027], // derived: 2025 + 2
    ["india.repm_scheme.full_capacity_t", 6000], // derived: 5 x 1,200
  ],
  // Business Standard, "Cabinet approves Rs 7280 crore scheme ...", 2025-11-26.
  business_standard_cabinet: [
    ["india.repm_scheme.outlay_inr_crore.business_standard_cabinet", 7280], // "outlay of Rs.7280 crore"
    ["india.repm.target_t.business_standard_cabinet", 6000], // "6,000 Metric Tons per Annum"
    ["india.repm_consumption.doubling_year", 2030], // "expected to double by 2030 from 2025"
    // derived: 2^(1/5) - 1; 2^0.2 = 1.148698..., so 0.148698... a year
    ["india.magnet_demand.growth_rate", 2 ** (1 / 5) - 1],
    ["india.net_zero_year", 2070], // "Net Zero by 2070"
  ],
  // NDTV Profit, 2025-11-26.
  ndtv_profit_outlay: [
    ["india.repm_scheme.outlay_inr_crore.ndtv_profit_outlay", 7280], // "a Rs 7,280 crore scheme"
    ["india.repm_scheme.sales_incentive_inr_crore", 6450], // "incentives of Rs 6,450 crore"
    ["india.repm_scheme.incentive_years.ndtv_profit_outlay", 5], // "for five years"
    ["india.repm_scheme.capital_subsidy_inr_crore", 750], // "capital subsidy of Rs 750 crore"
    ["india.repm.target_t.ndtv_profit_outlay", 6000], // "6,000 MTPA"
  ],
  // The Indian Express, imports FY21-FY25 from official trade data.
  indian_express_imports: [
    ["india.magnet_imports.fy25_t.indian_express_imports", 53_700], // "to 53,700 tonnes in 2024-25 (FY25)"
    ["india.magnet_imports.fy24_t", 28_700], // "28,700 tonnes in FY24"
    ["india.magnet_imports.fy21_t", 12_400], // "12,400 tonnes in FY21" (stated as consumption)
    ["india.magnet_imports.fy25_growth", 0.88], // "surged 88 per cent"
    ["india.magnet_imports.fy25_value_inr_crore", 1744], // "Rs 1,744 crore"
    ["india.magnet_imports.fy25_value_growth", 0.05], // "grew by only 5 per cent"
    ["india.magnet_imports.china_share.indian_express_imports", 0.93], // "93 per cent coming from China"
    ["india.magnet_imports.china_share.indian_express_imports_overall", 0.9], // "upwards of 90 per cent" (over)
    ["india.magnet_imports_from_china.fy25_t", 50_000], // "to 50,000 tonnes in FY25"
    ["india.magnet_imports_from_china.fy25_growth", 0.95], // "increased by 95 per cent"
    ["india.magnet_stock_weeks", 2.5], // "2-3 weeks": range, midpoint (2 + 3) / 2
  ],
  // Mint, 2025-11-24.
  mint_h1_fy26: [
    ["india.magnet_imports.h1_fy26_t", 16_281], // "to 16,281 tonnes during the April to September period"
    ["india.magnet_imports.h1_fy26_fall", 0.56], // "fell 56%"
  ],
  // Moneycontrol, 2025-11.
  moneycontrol_dependence: [
    ["india.repm_scheme.outlay_inr_crore.moneycontrol_dependence", 7280], // "Rs 7,280-crore plan"
    ["india.magnet_imports_usd_million.2013", 65], // "about $65 million in 2013" (approx)
    ["india.magnet_imports_usd_million.2024", 198], // "more than $198 million in 2024" (over)
    ["india.magnet_imports.china_share.moneycontrol_dependence", 0.8], // "over 80 percent" (over)
    ["india.magnet_imports.china_share_decade_ago", 0.74], // "73–75 percent": (0.73 + 0.75) / 2
    ["india.magnet_imports.china_share.moneycontrol_dependence_metals", 0.8], // "80 percent ... made of metals"
    ["india.magnet_equipment_imports_usd_million.fy18", 1070], // "$1.07 billion in FY18" = 1,070 million
    ["india.magnet_equipment_imports_usd_million.fy25", 2470], // "$2.47 billion in FY25"
    ["india.magnet_equipment_imports_from_china_usd_million.fy18", 263], // "$263 million in FY18"
    ["india.magnet_equipment_imports_from_china_usd_million.fy25", 1100], // "$1.1 billion in FY25"
    ["india.magnet_equipment_imports.china_share_fy18", 0.246], // "from 24.6 percent"
    ["india.magnet_equipment_imports.china_share_fy25", 0.446], // "to 44.6 percent"
  ],
};

describe.each(Object.keys(REPORTS))("figures of the report %s", (source) => {
  it("is a supplementary report with publisher, dated and with its URL", () => {
    const record = sourceById(source);
    expect(record?.kind).toBe("report");
    expect(record?.publisher).not.toBe("unknown");
    expect(record?.date).toMatch(/^2025/);
    expect(record?.url).toMatch(/^https:\/\//);
  });

  it("has exactly the figures listed here, with these values", () => {
    expectFiguresOf(source, REPORTS[source]);
  });
});

describe("the reports beside the articles", () => {
  it("marks derived exactly the figures commented as derived here", () => {
    const reports = new Set(Object.keys(REPORTS));
    expect(
      FACTS.filter((fact) => reports.has(fact.source) && fact.derived === true)
        .map((fact) => fact.id)
        .sort(),
    ).toEqual([
      "india.magnet_demand.growth_rate",
      "india.repm_scheme.approval_year",
      "india.repm_scheme.earliest_production_year",
      "india.repm_scheme.full_capacity_t",
    ]);
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
