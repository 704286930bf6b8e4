/**
 * The inputs of the workbook's models, apart from defaults.ts so the functions, which read only
 * the defaults, do not carry these labels and notes into functions.js.
 */
import { DEFAULT_FACTS } from "./defaults";

/**
 * One table of the inputs a workbook model reads: the supply-gap model sheet (`sheet`), the named
 * inputs block (`name`) and the standalone workbook (which renders the same model sheet). Each is
 * a fact (its value, unit and citation come from the data set) or an assumption that says why.
 */
export interface ModelInput {
  key: string;
  /** The row's label; the fact's own label when omitted. */
  label?: string;
  /** Workbook name when the input is also offered as a named input. */
  name?: string;
  /** On the supply-gap model sheet. */
  sheet: boolean;
  /** Fact id or metric key the value comes from. */
  fact?: string;
  /** How the model reads the fact, after its citation. */
  note?: string;
  /** A value no source gives: the model's choice, in words. */
  assumption?: { value: number; unit: string; why: string };
}

export const MODEL_INPUTS: readonly ModelInput[] = [
  {
    key: "beneficiaries",
    label: "Scheme beneficiaries",
    sheet: true,
    fact: "india.repm_scheme.beneficiaries_count",
  },
  {
    key: "capacityEach",
    label: "Magnet capacity per beneficiary (up to)",
    sheet: true,
    fact: "india.repm_scheme.capacity_per_beneficiary_t",
  },
  {
    key: "awardYear",
    label: "Year the scheme's capacity is awarded",
    sheet: true,
    assumption: {
      value: 2026,
      unit: "year",
      why: "no source gives an award date; the Cabinet approved the scheme on 2025-11-26 and capacity is awarded by global competitive bidding, assumed to end the following year (2025 gives the earliest case)",
    },
  },
  {
    key: "gestation",
    label: "Gestation before production",
    sheet: true,
    fact: "india.repm_scheme.gestation_years",
  },
  {
    key: "target",
    label: "REPM magnet target",
    name: "REPM_Target_t",
    sheet: false,
    fact: DEFAULT_FACTS.magnetTarget,
  },
  {
    key: "domesticOxide",
    label: "Domestic NdPr oxide output",
    name: "NdPr_Oxide_Domestic_t",
    sheet: true,
    fact: DEFAULT_FACTS.domesticOxide,
    note: "held flat: no source gives a schedule",
  },
  {
    key: "importedOxide",
    label: "Imported NdPr oxide for magnet making",
    sheet: true,
    assumption: {
      value: 0,
      unit: "t/yr NdPr oxide",
      why: "no source gives oxide imports for magnet making; edit to test imported oxide",
    },
  },
  {
    key: "oxidePerMagnet",
    label: "NdPr oxide per tonne of magnet",
    name: "Oxide_Per_Magnet",
    sheet: true,
    fact: DEFAULT_FACTS.oxidePerMagnet,
    note: "derived: 400 t oxide supports 1,200 t magnets",
  },
  {
    key: "chinaShare",
    label: "China's share of India's magnet imports",
    name: "China_Magnet_Import_Share",
    sheet: true,
    fact: "india.magnet_imports.china_share",
  },
  {
    key: "demand",
    label: "Magnet demand in the first year (FY25 imports)",
    name: "Magnet_Imports_FY25_t",
    sheet: true,
    fact: DEFAULT_FACTS.magnetImports,
    note: "FY25 imports stand in for demand: India's demand is met primarily through imports, and no source gives demand itself",
  },
  {
    key: "demandGrowth",
    label: "Magnet demand growth per year",
    sheet: true,
    fact: DEFAULT_FACTS.demandGrowth,
    note: `derived: consumption to double by 2030 from 2025, 2^(1/5) - 1; alternative: "exceeding 10% annually", ${DEFAULT_FACTS.demandGrowthAlternative}`,
  },
  {
    key: "recyclingStart",
    label: "Share of demand met by recycling in the first year",
    sheet: true,
    assumption: {
      value: 0,
      unit: "%",
      why: "no source gives India's current magnet recycling",
    },
  },
  {
    key: "recyclingShare",
    label: "Share of demand recycling can meet",
    sheet: true,
    fact: "recycling.potential_share",
    note: "an upper estimate that recycling could reach over a decade",
  },
  {
    key: "recyclingYears",
    label: "Years for recycling to reach that share",
    sheet: true,
    assumption: {
      value: 10,
      unit: "years",
      why: `"over a decade's time" (recycling.potential_share), counted from the first year because the article is undated; the share rises in equal steps`,
    },
  },
  {
    key: "firstYear",
    label: "First year of the balance",
    sheet: true,
    assumption: { value: 2025, unit: "year", why: "the year of the FY25 demand figure" },
  },
  { key: "reserves", name: "India_Reserves_t", sheet: false, fact: DEFAULT_FACTS.reserves },
  { key: "mined", name: "India_Mined_2024_t", sheet: false, fact: DEFAULT_FACTS.production },
  { key: "evContent", name: "EV_RE_Content_kg", sheet: false, fact: DEFAULT_FACTS.evContent },
  {
    key: "euRecycling",
    name: "EU_Recycling_Target",
    sheet: false,
    fact: DEFAULT_FACTS.recyclingShare,
  },
  {
    key: "growthAlternative",
    name: "Magnet_Demand_Growth",
    sheet: false,
    fact: DEFAULT_FACTS.demandGrowthAlternative,
  },
  { key: "inrPerUsd", name: "INR_per_USD", sheet: false, fact: DEFAULT_FACTS.inrPerUsd },
];
