/**
 * Where every default comes from: fact ids (or metric keys) in the reference data set. Code never
 * repeats the figures; it reads them through factValue() so correcting a record corrects the defaults.
 */
import { resolveFact } from "../data";
import type { Fact } from "../data";
import { naError } from "./errors";

export const DEFAULT_FACTS = {
  /** NdPr oxide per tonne of magnet (400 t oxide supports 1,200 t magnets). */
  oxidePerMagnet: "ndpr.oxide_per_magnet_t",
  /** India's REPM (magnet) production target. */
  magnetTarget: "india.repm.target_t",
  /** India's NdPr oxide output (IREL). */
  domesticOxide: "india.ndpr_oxide.production_t",
  /** India's rare earth magnet imports in FY25. */
  magnetImports: "india.magnet_imports.fy25_t",
  /** China's share of India's magnet imports (a metric several sources state). */
  chinaMagnetShare: "india.magnet_imports.china_share",
  /** India's rare earth reserves (a metric several sources state; the preferred claim is used). */
  reserves: "india.reserves_t",
  /** India's rare earth mine production in 2024. */
  production: "india.mined_2024_t",
  /** Rare earth content of a typical electric vehicle. */
  evContent: "ev.re_content_kg_per_vehicle",
  /** The EU's rare earth recycling target share. */
  recyclingShare: "eu.recycling_target_share",
  /** INR per USD implied by the PLI outlay (INR 1,345 crore = USD 155 million). */
  inrPerUsd: "fx.inr_per_usd_implied",
  /** India's magnet demand growth implied by consumption doubling 2025-2030 (derived, 14.87%/yr). */
  demandGrowth: "india.magnet_demand.growth_rate",
  /** The articles' "exceeding 10% annually": shown beside the default as the alternative. */
  demandGrowthAlternative: "magnet_demand.growth_rate",
} as const;

/** The importer IMPORT_SHARE and IMPORT_VOLUME assume when none is given: the articles are about India. */
export const DEFAULT_IMPORTER = "India";

/**
 * Import totals the data set gives, by importer and product (matched like names), so IMPORT_VOLUME can
 * default its total. Importers and products not listed need an explicit total.
 */
export const IMPORT_TOTALS: readonly { importer: string; product: string; fact: string }[] = [
  { importer: "India", product: "rare earth magnets", fact: DEFAULT_FACTS.magnetImports },
];

/** A fact (or the preferred claim of a metric), or #N/A when the data set lacks it. */
export function requireFact(idOrMetric: string): Fact {
  const fact = resolveFact(idOrMetric);
  if (!fact) throw naError(`The reference data has no fact "${idOrMetric}".`);
  return fact;
}

/** The value of a fact (or the preferred claim of a metric). */
export function factValue(idOrMetric: string): number {
  return requireFact(idOrMetric).value;
}

export type DefaultName = keyof typeof DEFAULT_FACTS;

/**
 * The defaults' values, resolved once when the functions load: the bundled data set never changes
 * while the add-in runs, and every recalculation of a cell that omits an argument reads one of
 * these as a plain property. The build and the tests check every id above exists.
 */
export const DEFAULT_VALUES: Readonly<Record<DefaultName, number>> = {
  oxidePerMagnet: factValue(DEFAULT_FACTS.oxidePerMagnet),
  magnetTarget: factValue(DEFAULT_FACTS.magnetTarget),
  domesticOxide: factValue(DEFAULT_FACTS.domesticOxide),
  magnetImports: factValue(DEFAULT_FACTS.magnetImports),
  chinaMagnetShare: factValue(DEFAULT_FACTS.chinaMagnetShare),
  reserves: factValue(DEFAULT_FACTS.reserves),
  production: factValue(DEFAULT_FACTS.production),
  evContent: factValue(DEFAULT_FACTS.evContent),
  recyclingShare: factValue(DEFAULT_FACTS.recyclingShare),
  inrPerUsd: factValue(DEFAULT_FACTS.inrPerUsd),
  demandGrowth: factValue(DEFAULT_FACTS.demandGrowth),
  demandGrowthAlternative: factValue(DEFAULT_FACTS.demandGrowthAlternative),
};
