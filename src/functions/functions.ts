/**
 * The REE custom functions. Each export is a thin adapter: its JSDoc is the metadata Excel reads
 * (functions.json is generated from it), its body coerces Excel's raw arguments (model/coerce.ts) and calls
 * a pure model function (src/model). Parameters are typed `unknown` because Excel passes raw cell
 * values (metadata type "any"), so every check and message is ours. Defaults are fact ids, read from
 * the reference data at call time. Nothing here is volatile. The adapters look alike on purpose: the
 * metadata generator reads one top-level function per REE function, each with its own signature,
 * and each keeps its try/catch inline (model/coerce.ts, checked(), says why a shared wrapper is not).
 */
import { DATA_VERSION } from "../data";
import * as model from "../model";
import type { EntityCard } from "../model/card";
import { DEFAULT_IMPORTER, DEFAULT_VALUES } from "../model/defaults";
import { naError } from "../model/errors";
import {
  addNumbersFromRange,
  checked,
  numberOrDefault,
  optionalNumber,
  optionalText,
  requireNumber,
  requireText,
} from "../model/coerce";
import { excelError } from "./args";

/**
 * A figure from the articles' reference data, by fact id or metric key (a metric gives its preferred claim).
 * @customfunction FACT
 * @param id Fact id or metric key, e.g. "india.repm.target_t" (text, case-insensitive).
 * @param field Optional, default "value": value, low, high, unit, period, source, evidence, url, qualifier, label, basis, locator, note, metric, citation, id, topic, or card (a citation card where Excel takes one from a function, else the value).
 * @param vintage Optional, default the current data: a data-set version, e.g. "1.0.0", whose value, low and high to give, so a model keeps the figures it was built on.
 * @returns The field's value: a number for value, low and high (shares as fractions), text otherwise; for card, a citation card (an entity value) or, where Excel cannot take one, the value.
 * @helpurl https://localhost:3000/help/FACT.html
 */
export function fact(
  id: unknown,
  field?: unknown,
  vintage?: unknown,
): number | string | Promise<EntityCard> {
  try {
    const fieldText = optionalText(field, "field");
    if (fieldText?.trim().toLowerCase() === "card" && returnsCards()) {
      const vintageText = optionalText(vintage, "vintage");
      const card = model.factAt(requireText(id, "id"), vintageText);
      // The card's code (about 2 KB gzip) loads on the first card asked for: only Excel with
      // CustomFunctionsRuntime 1.4 gets here, and functions.js itself stays within its budget.
      return import(/* webpackChunkName: "card" */ "../model/card").then(
        (cards) => cards.factCard(card, vintageText ?? DATA_VERSION.version),
        (loadError: unknown) => {
          const reason = loadError instanceof Error ? loadError.message : String(loadError);
          throw excelError(
            naError(
              `The citation card could not be loaded (${reason}). =REE.FACT(id) gives the figure; reload the add-in to try again.`,
            ),
          );
        },
      );
    }
    return checked(model.factCall(id, field, vintage));
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * Custom functions return entity values from CustomFunctionsRuntime 1.4 (Microsoft 365 from
 * Version 2208, Excel on the web, Excel for Mac 16.64; not Excel 2024 or 2021 bought outright);
 * elsewhere, and in the preview's engine, FACT(id, "card") gives the plain figure.
 */
function returnsCards(): boolean {
  return (
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported("CustomFunctionsRuntime", "1.4") === true
  );
}

/**
 * One-line citation of a fact (publisher, title, date, author; where in the article), or of a source id.
 * @customfunction SOURCE
 * @param id Fact id, metric key or source id (text).
 * @returns Citation text.
 * @helpurl https://localhost:3000/help/SOURCE.html
 */
export function source(id: unknown): string {
  try {
    return checked(model.sourceCall(id));
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * Spills a table of the reference facts (ID, Label, Value, Unit, Period, Source), all or one topic's.
 * @customfunction FACTS
 * @param topic Optional, default all: domestic supply, targets & policy, trade & imports, global market, demand, recycling & substitution, partnerships, companies or timeline.
 * @returns Header row and one row per fact.
 * @helpurl https://localhost:3000/help/FACTS.html
 */
export function facts(topic?: unknown): Array<Array<number | string | boolean>> {
  try {
    return checked(model.factsTable(optionalText(topic, "topic")));
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * Spills every source's claim about one metric (ID, Value, Qualifier, Unit, Period, Source, Preferred), so disagreements show.
 * @customfunction CLAIMS
 * @param id Metric key or the id of any of its claims, e.g. "china.processing_share" (text).
 * @returns Header row and one row per claim; Preferred is TRUE for the claim FACT uses.
 * @helpurl https://localhost:3000/help/CLAIMS.html
 */
export function claims(id: unknown): Array<Array<number | string | boolean>> {
  try {
    return checked(model.claimsTable(requireText(id, "id")));
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * Spills a reference table with a Source column: partners, agreements, companies, timeline, value_chain, deposits, world_production, import_sources or policies.
 * @customfunction TABLE
 * @param name Table name (text, case-insensitive).
 * @returns Header row of column labels plus Source, then one row per record.
 * @helpurl https://localhost:3000/help/TABLE.html
 */
export function table(name: unknown): Array<Array<number | string | boolean>> {
  try {
    return checked(model.referenceTable(requireText(name, "name")));
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * Tonnes of magnets that a quantity of NdPr oxide supports.
 * @customfunction MAGNET_CAPACITY
 * @param oxide_t NdPr oxide, t (or t/yr).
 * @param oxide_per_magnet Optional, t of NdPr oxide per t of magnet; default: fact ndpr.oxide_per_magnet_t (400 t oxide supports 1,200 t magnets).
 * @returns Magnets, t (same period as oxide_t).
 * @helpurl https://localhost:3000/help/MAGNET_CAPACITY.html
 */
export function magnetCapacity(oxide_t: unknown, oxide_per_magnet?: unknown): number {
  try {
    return checked(
      model.magnetCapacity(
        requireNumber(oxide_t, "oxide_t"),
        numberOrDefault(oxide_per_magnet, "oxide_per_magnet", DEFAULT_VALUES.oxidePerMagnet),
      ),
    );
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * Tonnes of NdPr oxide needed for a magnet output.
 * @customfunction OXIDE_REQUIRED
 * @param magnet_t Magnets, t (or t/yr).
 * @param oxide_per_magnet Optional, t of NdPr oxide per t of magnet; default: fact ndpr.oxide_per_magnet_t.
 * @returns NdPr oxide, t (same period as magnet_t).
 * @helpurl https://localhost:3000/help/OXIDE_REQUIRED.html
 */
export function oxideRequired(magnet_t: unknown, oxide_per_magnet?: unknown): number {
  try {
    return checked(
      model.oxideRequired(
        requireNumber(magnet_t, "magnet_t"),
        numberOrDefault(oxide_per_magnet, "oxide_per_magnet", DEFAULT_VALUES.oxidePerMagnet),
      ),
    );
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * NdPr shortfall (positive) or surplus (negative) between a magnet target and domestic oxide; with no arguments, India's.
 * @customfunction NDPR_GAP
 * @param target_magnet_t Optional, magnet target, t/yr; default: fact india.repm.target_t.
 * @param domestic_oxide_t Optional, domestic NdPr oxide, t/yr; default: fact india.ndpr_oxide.production_t.
 * @param oxide_per_magnet Optional, t of NdPr oxide per t of magnet; default: fact ndpr.oxide_per_magnet_t.
 * @param basis Optional, "oxide" (default: gap in t of NdPr oxide) or "magnet" (gap in t of magnets).
 * @returns Gap, t/yr of oxide or of magnets.
 * @helpurl https://localhost:3000/help/NDPR_GAP.html
 */
export function ndprGap(
  target_magnet_t?: unknown,
  domestic_oxide_t?: unknown,
  oxide_per_magnet?: unknown,
  basis?: unknown,
): number {
  try {
    const basisText = optionalText(basis, "basis");
    return checked(
      model.ndprGap({
        targetMagnetT: numberOrDefault(
          target_magnet_t,
          "target_magnet_t",
          DEFAULT_VALUES.magnetTarget,
        ),
        domesticOxideT: numberOrDefault(
          domestic_oxide_t,
          "domestic_oxide_t",
          DEFAULT_VALUES.domesticOxide,
        ),
        oxidePerMagnet: numberOrDefault(
          oxide_per_magnet,
          "oxide_per_magnet",
          DEFAULT_VALUES.oxidePerMagnet,
        ),
        basis: basisText === undefined ? "oxide" : model.parseGapBasis(basisText),
      }),
    );
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * Share (0-1) of an importer's imports of a product that comes from one exporter, from the import_sources table.
 * @customfunction IMPORT_SHARE
 * @param exporter Exporting country, e.g. "China" (text; aliases such as "US" or "Burma" work).
 * @param importer Optional, importing country; default "India".
 * @param product Optional, product; default: the importer's first product in the table (for India, rare earth magnets).
 * @returns Share, a fraction from 0 to 1.
 * @helpurl https://localhost:3000/help/IMPORT_SHARE.html
 */
export function importShare(exporter: unknown, importer?: unknown, product?: unknown): number {
  try {
    return checked(model.importShareCall(exporter, importer, product));
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * Tonnes an importer takes from one exporter: the exporter's share times total imports.
 * @customfunction IMPORT_VOLUME
 * @param exporter Exporting country, e.g. "China" (text).
 * @param importer Optional, importing country; default "India".
 * @param product Optional, product; default: the importer's first product in the table.
 * @param total_t Optional, total imports, t; default for India's magnets: fact india.magnet_imports.fy25_t (FY25).
 * @returns Imports from the exporter, t.
 * @helpurl https://localhost:3000/help/IMPORT_VOLUME.html
 */
export function importVolume(
  exporter: unknown,
  importer?: unknown,
  product?: unknown,
  total_t?: unknown,
): number {
  try {
    const row = model.importShare(
      requireText(exporter, "exporter"),
      optionalText(importer, "importer") ?? DEFAULT_IMPORTER,
      optionalText(product, "product"),
    );
    return checked(
      model.importVolume(row.share, optionalNumber(total_t, "total_t") ?? model.importTotal(row)),
    );
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * Herfindahl-Hirschman index (0-10,000) of a row or column of volumes or shares, each taken as a share of their sum.
 * @customfunction HHI
 * @param values One row or one column of volumes (t) or shares; empty cells are skipped, and a cell holding text (even "20") or TRUE/FALSE is #VALUE!: type it as a number or clear it.
 * @returns HHI from 0 to 10,000 (10,000 = a single supplier).
 * @helpurl https://localhost:3000/help/HHI.html
 */
export function hhi(values: unknown[][]): number {
  try {
    const totals = model.hhiTotals();
    addNumbersFromRange(values, "values", totals);
    return checked(totals.hhi());
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * Reading of an HHI under the US DOJ/FTC 2010 guidelines: unconcentrated, moderately or highly concentrated.
 * @customfunction CONCENTRATION
 * @param hhi HHI from 0 to 10,000.
 * @returns "unconcentrated" (below 1,500), "moderately concentrated" (1,500 to 2,500) or "highly concentrated" (above 2,500).
 * @helpurl https://localhost:3000/help/CONCENTRATION.html
 */
export function concentration(hhi: unknown): string {
  try {
    return checked(model.concentration(requireNumber(hhi, "hhi")));
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * A country's share (0-1) of world rare-earth mine production or reserves (USGS Mineral Commodity Summaries 2025).
 * @customfunction WORLD_SHARE
 * @param country Country, e.g. "India" (text; aliases such as "US" or "Myanmar" work).
 * @param measure Optional, "production" (default) or "reserves".
 * @param year Optional, production year; default: the latest in the table (2023 and 2024 available). Leave empty for reserves.
 * @returns Share of the world total, a fraction from 0 to 1.
 * @helpurl https://localhost:3000/help/WORLD_SHARE.html
 */
export function worldShare(country: unknown, measure?: unknown, year?: unknown): number {
  try {
    return checked(model.worldShareCall(country, measure, year));
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * Domestic supply as a share of demand (above 1 when supply exceeds demand).
 * @customfunction SELF_SUFFICIENCY
 * @param domestic Domestic supply, t (same period as demand).
 * @param demand Demand, t.
 * @returns Self-sufficiency ratio (0.2 = 20%).
 * @helpurl https://localhost:3000/help/SELF_SUFFICIENCY.html
 */
export function selfSufficiency(domestic: unknown, demand: unknown): number {
  try {
    return checked(
      model.selfSufficiency(requireNumber(domestic, "domestic"), requireNumber(demand, "demand")),
    );
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * Net import reliance: (imports - exports) / (production + imports - exports), the USGS definition.
 * @customfunction IMPORT_RELIANCE
 * @param imports Imports, t.
 * @param exports Exports, t.
 * @param production Domestic production, t.
 * @returns Share of apparent consumption met by net imports (negative for a net exporter).
 * @helpurl https://localhost:3000/help/IMPORT_RELIANCE.html
 */
export function importReliance(imports: unknown, exports: unknown, production: unknown): number {
  try {
    return checked(
      model.importReliance(
        requireNumber(imports, "imports"),
        requireNumber(exports, "exports"),
        requireNumber(production, "production"),
      ),
    );
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * Years of production the reserves cover at a constant rate; with no arguments, India's.
 * @customfunction RESERVE_LIFE
 * @param reserves_t Optional, reserves, t; default: metric india.reserves_t (preferred claim).
 * @param production_t Optional, production, t/yr; default: fact india.mined_2024_t.
 * @returns Years.
 * @helpurl https://localhost:3000/help/RESERVE_LIFE.html
 */
export function reserveLife(reserves_t?: unknown, production_t?: unknown): number {
  try {
    return checked(
      model.reserveLife(
        numberOrDefault(reserves_t, "reserves_t", DEFAULT_VALUES.reserves),
        numberOrDefault(production_t, "production_t", DEFAULT_VALUES.production),
      ),
    );
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * Compound annual growth rate between two values.
 * @customfunction CAGR
 * @param start Starting value (more than zero).
 * @param end Ending value (zero or more), same unit.
 * @param years Years between them (more than zero; fractions allowed).
 * @returns Growth rate a year as a fraction (0.1 = 10%).
 * @helpurl https://localhost:3000/help/CAGR.html
 */
export function cagr(start: unknown, end: unknown, years: unknown): number {
  try {
    return checked(
      model.cagr(
        requireNumber(start, "start"),
        requireNumber(end, "end"),
        requireNumber(years, "years"),
      ),
    );
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * Spills a compound-growth projection: Year 0..years and Value = base x (1 + rate)^Year.
 * @customfunction PROJECT
 * @param base Value in year 0 (any unit, e.g. t).
 * @param rate Growth a year as a fraction (0.1 = 10%), more than -1.
 * @param years Last year, a whole number from 1 to 1,000.
 * @returns Header row (Year, Value), then years + 1 rows.
 * @helpurl https://localhost:3000/help/PROJECT.html
 */
export function project(
  base: unknown,
  rate: unknown,
  years: unknown,
): Array<Array<number | string | boolean>> {
  try {
    return checked(
      model.projectionTable(
        requireNumber(base, "base"),
        requireNumber(rate, "rate"),
        requireNumber(years, "years"),
      ),
    );
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * Tonnes of rare earths in a fleet of electric vehicles.
 * @customfunction EV_DEMAND
 * @param vehicles Number of vehicles.
 * @param kg_per_vehicle Optional, kg of rare earths a vehicle; default: fact ev.re_content_kg_per_vehicle (midpoint of the articles' 1-2 kg).
 * @returns Rare earth content, t.
 * @helpurl https://localhost:3000/help/EV_DEMAND.html
 */
export function evDemand(vehicles: unknown, kg_per_vehicle?: unknown): number {
  try {
    return checked(
      model.evDemand(
        requireNumber(vehicles, "vehicles"),
        numberOrDefault(kg_per_vehicle, "kg_per_vehicle", DEFAULT_VALUES.evContent),
      ),
    );
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * Tonnes of demand met by recycled material.
 * @customfunction RECYCLED_SUPPLY
 * @param demand_t Demand, t.
 * @param share Optional, recycling share from 0 to 1; default: fact eu.recycling_target_share (the EU's 25% target).
 * @returns Recycled supply, t.
 * @helpurl https://localhost:3000/help/RECYCLED_SUPPLY.html
 */
export function recycledSupply(demand_t: unknown, share?: unknown): number {
  try {
    return checked(
      model.recycledSupply(
        requireNumber(demand_t, "demand_t"),
        numberOrDefault(share, "share", DEFAULT_VALUES.recyclingShare),
      ),
    );
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * Spills a year-by-year supply balance: Year, Demand (t), Domestic (t), Recycled (t), Imports (t), Self-sufficiency against demand.
 * @customfunction SUPPLY_BALANCE
 * @param years Number of years (rows), a whole number from 1 to 1,000.
 * @param demand Demand in the first year, t (more than zero).
 * @param growth Demand growth a year as a fraction (0.1 = 10%), more than -1.
 * @param domestic Domestic supply in the first year, t.
 * @param domestic_growth Optional, domestic supply growth a year as a fraction; default 0 (flat).
 * @param recycling_share Optional, share of demand met by recycling, 0 to 1; default 0 (none).
 * @param start_year Optional, calendar year of the first row, e.g. 2025; default: rows numbered from 0.
 * @returns Header row, then one row per year; imports never go below zero.
 * @helpurl https://localhost:3000/help/SUPPLY_BALANCE.html
 */
export function supplyBalance(
  years: unknown,
  demand: unknown,
  growth: unknown,
  domestic: unknown,
  domestic_growth?: unknown,
  recycling_share?: unknown,
  start_year?: unknown,
): Array<Array<number | string | boolean>> {
  try {
    return checked(
      model.supplyBalanceTable({
        years: requireNumber(years, "years"),
        demand: requireNumber(demand, "demand"),
        growth: requireNumber(growth, "growth"),
        domestic: requireNumber(domestic, "domestic"),
        domesticGrowth: optionalNumber(domestic_growth, "domestic_growth") ?? 0,
        recyclingShare: optionalNumber(recycling_share, "recycling_share") ?? 0,
        startYear: optionalNumber(start_year, "start_year"),
      }),
    );
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * Days of use a stockpile covers.
 * @customfunction STOCKPILE_DAYS
 * @param stock_t Stockpile, t.
 * @param annual_use_t Use, t/yr.
 * @returns Days of cover (365-day year).
 * @helpurl https://localhost:3000/help/STOCKPILE_DAYS.html
 */
export function stockpileDays(stock_t: unknown, annual_use_t: unknown): number {
  try {
    return checked(
      model.stockpileDays(
        requireNumber(stock_t, "stock_t"),
        requireNumber(annual_use_t, "annual_use_t"),
      ),
    );
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * Converts INR crore to USD million (1 crore = 10 million rupees).
 * @customfunction CRORE_TO_USD
 * @param inr_crore Amount, INR crore.
 * @param inr_per_usd Optional, rupees per US dollar; default: fact fx.inr_per_usd_implied (the rate implied by INR 1,345 crore = USD 155 million).
 * @returns Amount, USD million.
 * @helpurl https://localhost:3000/help/CRORE_TO_USD.html
 */
export function croreToUsd(inr_crore: unknown, inr_per_usd?: unknown): number {
  try {
    return checked(
      model.croreToUsd(
        requireNumber(inr_crore, "inr_crore"),
        numberOrDefault(inr_per_usd, "inr_per_usd", DEFAULT_VALUES.inrPerUsd),
      ),
    );
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * Converts USD million to INR crore (1 crore = 10 million rupees).
 * @customfunction USD_TO_CRORE
 * @param usd_million Amount, USD million.
 * @param inr_per_usd Optional, rupees per US dollar; default: fact fx.inr_per_usd_implied.
 * @returns Amount, INR crore.
 * @helpurl https://localhost:3000/help/USD_TO_CRORE.html
 */
export function usdToCrore(usd_million: unknown, inr_per_usd?: unknown): number {
  try {
    return checked(
      model.usdToCrore(
        requireNumber(usd_million, "usd_million"),
        numberOrDefault(inr_per_usd, "inr_per_usd", DEFAULT_VALUES.inrPerUsd),
      ),
    );
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * Tonnes of metal in a tonnage of oxide: Nd in Nd2O3, Pr in Pr6O11, or Nd and Pr in NdPr oxide (IUPAC atomic weights).
 * @customfunction OXIDE_TO_METAL
 * @param oxide_t Oxide, t.
 * @param element "Nd" (oxide Nd2O3), "Pr" (oxide Pr6O11) or "NdPr" (didymium: NdPr oxide, a mix of the two).
 * @param nd2o3_share Optional, NdPr only: Nd2O3 share of the oxide by mass, 0 to 1; default 0.75, an assumption (75:25 Nd2O3:Pr6O11, a common PrNd oxide grade; no source in the data set gives the split).
 * @returns Metal, t.
 * @helpurl https://localhost:3000/help/OXIDE_TO_METAL.html
 */
export function oxideToMetal(oxide_t: unknown, element: unknown, nd2o3_share?: unknown): number {
  try {
    return checked(
      model.oxideToMetal(
        requireNumber(oxide_t, "oxide_t"),
        model.parseElement(requireText(element, "element")),
        optionalNumber(nd2o3_share, "nd2o3_share"),
      ),
    );
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * Tonnes of oxide that hold a tonnage of metal: Nd2O3 for Nd, Pr6O11 for Pr, NdPr oxide for NdPr metal (IUPAC atomic weights).
 * @customfunction METAL_TO_OXIDE
 * @param metal_t Metal, t.
 * @param element "Nd" (oxide Nd2O3), "Pr" (oxide Pr6O11) or "NdPr" (didymium: NdPr oxide, a mix of the two).
 * @param nd2o3_share Optional, NdPr only: Nd2O3 share of the oxide by mass, 0 to 1; default 0.75, an assumption (75:25 Nd2O3:Pr6O11, a common PrNd oxide grade; no source in the data set gives the split).
 * @returns Oxide, t.
 * @helpurl https://localhost:3000/help/METAL_TO_OXIDE.html
 */
export function metalToOxide(metal_t: unknown, element: unknown, nd2o3_share?: unknown): number {
  try {
    return checked(
      model.metalToOxide(
        requireNumber(metal_t, "metal_t"),
        model.parseElement(requireText(element, "element")),
        optionalNumber(nd2o3_share, "nd2o3_share"),
      ),
    );
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * The reference data set's version and date.
 * @customfunction DATA_VERSION
 * @returns Version and date, e.g. "1.0.0 (2026-11-22)".
 * @helpurl https://localhost:3000/help/DATA_VERSION.html
 */
export function dataVersion(): string {
  try {
    return checked(model.dataVersion());
  } catch (error) {
    throw excelError(error);
  }
}

/** A series bound as Excel passes it: a year as a number, or a period as text ("FY24", "H1 FY26"). */
function periodBound(value: unknown, name: string): string | number | undefined {
  const one =
    Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1
      ? (value[0] as unknown[])[0]
      : value;
  return typeof one === "number" ? optionalNumber(one, name) : optionalText(one, name);
}

/**
 * Spills a time series from the reference data (Period, Value, Unit, Source) in period order; gaps stay gaps.
 * @customfunction SERIES
 * @param series Series key, e.g. "india.magnet_imports_t" (text, case-insensitive).
 * @param from Optional, first period: "FY24" or "H1 FY26" for a fiscal-year series, a year such as 2024 for a calendar one.
 * @param to Optional, last period, on the same axis as the series.
 * @returns Header row and one row per period.
 * @helpurl https://localhost:3000/help/SERIES.html
 */
export function series(
  series: unknown,
  from?: unknown,
  to?: unknown,
): Array<Array<number | string | boolean>> {
  try {
    return checked(
      model.seriesTable(
        requireText(series, "series"),
        periodBound(from, "from"),
        periodBound(to, "to"),
      ),
    );
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * One model input's value under a named scenario: the data set's preferred figure, the low or high end of what the sources state, or one source's own figure.
 * @customfunction SCENARIO
 * @param input Input name: magnet_target, domestic_oxide, oxide_per_magnet, magnet_imports, china_share, reserves or production (text, case-insensitive).
 * @param scenario Optional, default "preferred": "preferred", "low", "high" or a source id such as "repm_scheme" (text).
 * @returns The input's value in its unit (shares as fractions), from the fact the scenario names.
 * @helpurl https://localhost:3000/help/SCENARIO.html
 */
export function scenario(input: unknown, scenario?: unknown): number {
  try {
    return checked(model.scenarioCall(input, scenario));
  } catch (error) {
    throw excelError(error);
  }
}
