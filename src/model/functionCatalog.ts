/**
 * The function catalog: every REE function with its syntax, units, an example with the result worked
 * out by hand from the articles, and where its defaults come from. Documentation and signatures
 * only, no code: the help pages, docs/functions.md, the function reference sheet, the pane's
 * search and the portability conversion read it without loading the functions. functions/catalog.ts
 * pairs each entry with its adapter. `npm run docs:functions` writes each function's JSDoc (from
 * which the build generates functions.json) from it: the one source of every function's
 * documentation. A test checks the JSDoc and the metadata follow it.
 */
import {
  BALANCE_HEADER,
  CLAIMS_HEADER,
  FACTS_HEADER,
  PROJECTION_HEADER,
  SERIES_HEADER,
} from "./spillHeaders";

export const NAMESPACE = "REE";

export type Category = "data" | "supply" | "trade" | "growth" | "demand" | "conversion";

export interface ParameterSpec {
  name: string;
  /** Written into the JSDoc @param by docs:functions. */
  description: string;
  unit: string;
  optional: boolean;
  /** A range (one row or one column) rather than a single value. */
  range?: boolean;
  /** Fact id or metric key the default is read from. */
  defaultFrom?: string;
}

/** A spilled example result: its header row and, where fixed, its number of data rows. */
export interface SpillExample {
  header: readonly string[];
  rows?: number;
}

export type DefaultSource = { fact: string } | { table: string };

export interface FunctionSpec {
  /** Name without the namespace, e.g. "NDPR_GAP". */
  name: string;
  /** Written into the JSDoc description by docs:functions. */
  summary: string;
  category: Category;
  parameters: readonly ParameterSpec[];
  returns: { description: string; unit: string; spill: boolean };
  /** A formula and its result worked out by hand from the articles (checked in HyperFormula). */
  example: { formula: string; result: number | string | SpillExample; working: string };
  /** Tables and facts it reads besides its parameters' default facts, e.g. the table it looks up. */
  reads?: readonly DefaultSource[];
}

/** Where a function's figures come from: what it reads, then each parameter's default fact. */
export function defaultSources(spec: FunctionSpec): DefaultSource[] {
  const defaults = spec.parameters.flatMap((p) => (p.defaultFrom ? [{ fact: p.defaultFrom }] : []));
  return [...(spec.reads ?? []), ...defaults];
}

/** "REE.NDPR_GAP([target_magnet_t], [domestic_oxide_t], [oxide_per_magnet], [basis])". */
export function syntaxOf(spec: Pick<FunctionSpec, "name" | "parameters">): string {
  const params = spec.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `${NAMESPACE}.${spec.name}(${params.join(", ")})`;
}

/** An optional parameter whose default is a fact's value; the description names the fact. */
function factDefault(
  name: string,
  what: string,
  unit: string,
  fact: string,
  note?: string,
): ParameterSpec {
  const why = note === undefined ? "" : ` (${note})`;
  return {
    name,
    description: `Optional, ${what}; default: fact ${fact}${why}.`,
    unit,
    optional: true,
    defaultFrom: fact,
  };
}

/** A spill's header as the summaries list it: "ID, Label, Value". */
const listed = (header: readonly string[]): string => header.join(", ");

/** Parameters that read the same in several functions. */
const IMPORTER_PARAMETER: ParameterSpec = {
  name: "importer",
  description: 'Optional, importing country; default "India".',
  unit: "text",
  optional: true,
};
const OXIDE_PER_MAGNET_PARAMETER = factDefault(
  "oxide_per_magnet",
  "t of NdPr oxide per t of magnet",
  "t/t",
  "ndpr.oxide_per_magnet_t",
);
const ELEMENT_PARAMETER: ParameterSpec = {
  name: "element",
  description:
    '"Nd" (oxide Nd2O3), "Pr" (oxide Pr6O11) or "NdPr" (didymium: NdPr oxide, a mix of the two).',
  unit: "text",
  optional: false,
};
const ND2O3_SHARE_PARAMETER: ParameterSpec = {
  name: "nd2o3_share",
  description:
    "Optional, NdPr only: Nd2O3 share of the oxide by mass, 0 to 1; default 0.75, an assumption (75:25 Nd2O3:Pr6O11, a common PrNd oxide grade; no source in the data set gives the split).",
  unit: "0-1",
  optional: true,
};

// One record per function with the same fields, so entries repeat a layout (not text): a table.
export const CATALOG: readonly FunctionSpec[] = [
  {
    name: "FACT",
    summary:
      "A figure from the articles' reference data, by fact id or metric key (a metric gives its preferred claim).",
    category: "data",
    parameters: [
      {
        name: "id",
        description: 'Fact id or metric key, e.g. "india.repm.target_t" (text, case-insensitive).',
        unit: "text",
        optional: false,
      },
      {
        name: "field",
        description:
          'Optional, default "value": value, low, high, unit, period, source, evidence, url, qualifier, label, basis, locator, note, metric, citation, id, topic, or card (a citation card where Excel takes one from a function, else the value).',
        unit: "text",
        optional: true,
      },
      {
        name: "vintage",
        description:
          'Optional, default the current data: a data-set version, e.g. "1.0.0", whose value, low and high to give, so a model keeps the figures it was built on.',
        unit: "text (version)",
        optional: true,
      },
    ],
    returns: {
      description:
        "The field's value: a number for value, low and high (shares as fractions), text otherwise; for card, a citation card (an entity value) or, where Excel cannot take one, the value.",
      unit: "the fact's unit (value, low, high), text, or a card",
      spill: false,
    },
    example: {
      formula: '=REE.FACT("india.repm.target_t")',
      result: 6000,
      working: "The REPM scheme's target of around 6,000 t of magnets a year.",
    },
  },
  {
    name: "SOURCE",
    summary:
      "One-line citation of a fact (publisher, title, date, author; where in the article), or of a source id.",
    category: "data",
    parameters: [
      {
        name: "id",
        description: "Fact id, metric key or source id (text).",
        unit: "text",
        optional: false,
      },
    ],
    returns: { description: "Citation text.", unit: "text", spill: false },
    example: {
      formula: '=REE.SOURCE("india.reserves_t.niice")',
      result:
        "NIICE, 'Mining Autonomy: How India is Redrawing the Global Map of Rare Earth Power', 2025-11-11, Kishore Yadav; The Resource Nationalism of India and Its Strategic Logic, para 1",
      working:
        "Publisher, title, date and author of the source, then where in the article the figure is.",
    },
  },
  {
    name: "FACTS",
    summary: `Spills a table of the reference facts (${listed(FACTS_HEADER)}), all or one topic's.`,
    category: "data",
    parameters: [
      {
        name: "topic",
        description:
          "Optional, default all: domestic supply, targets & policy, trade & imports, global market, demand, recycling & substitution, partnerships, companies or timeline.",
        unit: "text",
        optional: true,
      },
    ],
    returns: { description: "Header row and one row per fact.", unit: "table", spill: true },
    example: {
      formula: '=REE.FACTS("demand")',
      result: { header: FACTS_HEADER },
      working: "One row per fact on the topic, under a header row.",
    },
  },
  {
    name: "CLAIMS",
    summary: `Spills every source's claim about one metric (${listed(CLAIMS_HEADER)}), so disagreements show.`,
    category: "data",
    parameters: [
      {
        name: "id",
        description:
          'Metric key or the id of any of its claims, e.g. "china.processing_share" (text).',
        unit: "text",
        optional: false,
      },
    ],
    returns: {
      description: "Header row and one row per claim; Preferred is TRUE for the claim FACT uses.",
      unit: "table",
      spill: true,
    },
    example: {
      formula: '=REE.CLAIMS("china.processing_share")',
      result: { header: CLAIMS_HEADER, rows: 2 },
      working: "NIICE says over 90%, Discovery Alert approximately 85%: two rows.",
    },
  },
  {
    name: "TABLE",
    summary:
      "Spills a reference table with a Source column: partners, agreements, companies, timeline, value_chain, deposits, world_production, import_sources or policies.",
    category: "data",
    parameters: [
      {
        name: "name",
        description: "Table name (text, case-insensitive).",
        unit: "text",
        optional: false,
      },
    ],
    returns: {
      description: "Header row of column labels plus Source, then one row per record.",
      unit: "table",
      spill: true,
    },
    example: {
      formula: '=REE.TABLE("value_chain")',
      result: { header: ["Order", "Stage", "Description", "Source"], rows: 14 },
      working:
        "Discovery Alert's mining and six processing stages, Policy Circle's mines-to-magnets chain (4 stages) and the Cabinet-approved scheme's integrated plant (3 conversions).",
    },
  },
  {
    name: "MAGNET_CAPACITY",
    summary: "Tonnes of magnets that a quantity of NdPr oxide supports.",
    category: "supply",
    parameters: [
      { name: "oxide_t", description: "NdPr oxide, t (or t/yr).", unit: "t", optional: false },
      factDefault(
        "oxide_per_magnet",
        "t of NdPr oxide per t of magnet",
        "t/t",
        "ndpr.oxide_per_magnet_t",
        "400 t oxide supports 1,200 t magnets",
      ),
    ],
    returns: { description: "Magnets, t (same period as oxide_t).", unit: "t", spill: false },
    example: {
      formula: "=REE.MAGNET_CAPACITY(400)",
      result: 1200,
      working: "400 t / (1/3 t oxide per t magnet) = 1,200 t: the article's own figure.",
    },
  },
  {
    name: "OXIDE_REQUIRED",
    summary: "Tonnes of NdPr oxide needed for a magnet output.",
    category: "supply",
    parameters: [
      { name: "magnet_t", description: "Magnets, t (or t/yr).", unit: "t", optional: false },
      OXIDE_PER_MAGNET_PARAMETER,
    ],
    returns: { description: "NdPr oxide, t (same period as magnet_t).", unit: "t", spill: false },
    example: {
      formula: "=REE.OXIDE_REQUIRED(6000)",
      result: 2000,
      working: "6,000 t x 1/3 = 2,000 t of NdPr oxide for the 6,000 t target.",
    },
  },
  {
    name: "NDPR_GAP",
    summary:
      "NdPr shortfall (positive) or surplus (negative) between a magnet target and domestic oxide; with no arguments, India's.",
    category: "supply",
    parameters: [
      factDefault("target_magnet_t", "magnet target, t/yr", "t/yr", "india.repm.target_t"),
      factDefault(
        "domestic_oxide_t",
        "domestic NdPr oxide, t/yr",
        "t/yr",
        "india.ndpr_oxide.production_t",
      ),
      OXIDE_PER_MAGNET_PARAMETER,
      {
        name: "basis",
        description:
          'Optional, "oxide" (default: gap in t of NdPr oxide) or "magnet" (gap in t of magnets).',
        unit: "text",
        optional: true,
      },
    ],
    returns: { description: "Gap, t/yr of oxide or of magnets.", unit: "t/yr", spill: false },
    example: {
      formula: "=REE.NDPR_GAP()",
      result: 1600,
      working: "6,000 t x 400/1,200 - 400 t = 2,000 - 400 = 1,600 t of NdPr oxide a year.",
    },
  },
  {
    name: "IMPORT_SHARE",
    summary:
      "Share (0-1) of an importer's imports of a product that comes from one exporter, from the import_sources table.",
    category: "trade",
    parameters: [
      {
        name: "exporter",
        description:
          'Exporting country, e.g. "China" (text; aliases such as "US" or "Burma" work).',
        unit: "text",
        optional: false,
      },
      IMPORTER_PARAMETER,
      {
        name: "product",
        description:
          "Optional, product; default: the importer's first product in the table (for India, rare earth magnets).",
        unit: "text",
        optional: true,
      },
    ],
    returns: { description: "Share, a fraction from 0 to 1.", unit: "fraction 0-1", spill: false },
    example: {
      formula: '=REE.IMPORT_SHARE("China")',
      result: 0.93,
      working:
        "China's 93% of India's permanent magnet imports by quantity in FY25 (The Indian Express, official trade data).",
    },
    reads: [{ table: "import_sources" }],
  },
  {
    name: "IMPORT_VOLUME",
    summary:
      "Tonnes an importer takes from one exporter: the exporter's share times total imports.",
    category: "trade",
    parameters: [
      {
        name: "exporter",
        description: 'Exporting country, e.g. "China" (text).',
        unit: "text",
        optional: false,
      },
      IMPORTER_PARAMETER,
      {
        name: "product",
        description: "Optional, product; default: the importer's first product in the table.",
        unit: "text",
        optional: true,
      },
      {
        name: "total_t",
        description:
          "Optional, total imports, t; default for India's magnets: fact india.magnet_imports.fy25_t (FY25).",
        unit: "t",
        optional: true,
        defaultFrom: "india.magnet_imports.fy25_t",
      },
    ],
    returns: { description: "Imports from the exporter, t.", unit: "t", spill: false },
    example: {
      formula: '=REE.IMPORT_VOLUME("China")',
      result: 49941,
      working:
        "0.93 x 53,700 t (FY25, The Indian Express) = 49,941 t of magnets from China; the report itself gives 50,000 t.",
    },
    reads: [{ table: "import_sources" }],
  },
  {
    name: "HHI",
    summary:
      "Herfindahl-Hirschman index (0-10,000) of a row or column of volumes or shares, each taken as a share of their sum.",
    category: "trade",
    parameters: [
      {
        name: "values",
        description:
          'One row or one column of volumes (t) or shares; empty cells are skipped, and a cell holding text (even "20") or TRUE/FALSE is #VALUE!: type it as a number or clear it.',
        unit: "t or shares",
        optional: false,
        range: true,
      },
    ],
    returns: {
      description: "HHI from 0 to 10,000 (10,000 = a single supplier).",
      unit: "0-10,000",
      spill: false,
    },
    example: {
      formula: "=REE.HHI({70;13;6;5;6})",
      result: 5166,
      working:
        "US import shares 2020-23 (USGS): 70^2 + 13^2 + 6^2 + 5^2 + 6^2 = 4,900 + 169 + 36 + 25 + 36 = 5,166.",
    },
  },
  {
    name: "CONCENTRATION",
    summary:
      "Reading of an HHI under the US DOJ/FTC 2010 guidelines: unconcentrated, moderately or highly concentrated.",
    category: "trade",
    parameters: [
      { name: "hhi", description: "HHI from 0 to 10,000.", unit: "0-10,000", optional: false },
    ],
    returns: {
      description:
        '"unconcentrated" (below 1,500), "moderately concentrated" (1,500 to 2,500) or "highly concentrated" (above 2,500).',
      unit: "text",
      spill: false,
    },
    example: {
      formula: "=REE.CONCENTRATION(5166)",
      result: "highly concentrated",
      working: "5,166 is above 2,500.",
    },
  },
  {
    name: "WORLD_SHARE",
    summary:
      "A country's share (0-1) of world rare-earth mine production or reserves (USGS Mineral Commodity Summaries 2025).",
    category: "trade",
    parameters: [
      {
        name: "country",
        description: 'Country, e.g. "India" (text; aliases such as "US" or "Myanmar" work).',
        unit: "text",
        optional: false,
      },
      {
        name: "measure",
        description: 'Optional, "production" (default) or "reserves".',
        unit: "text",
        optional: true,
      },
      {
        name: "year",
        description:
          "Optional, production year; default: the latest in the table (2023 and 2024 available). Leave empty for reserves.",
        unit: "year",
        optional: true,
      },
    ],
    returns: {
      description: "Share of the world total, a fraction from 0 to 1.",
      unit: "fraction 0-1",
      spill: false,
    },
    example: {
      formula: '=REE.WORLD_SHARE("India")',
      result: 0.0074359, // 2,900 / 390,000
      working:
        "2,900 t / 390,000 t world mine production in 2024 = 0.0074, under the 1% one article gives.",
    },
    reads: [{ table: "world_production" }],
  },
  {
    name: "SELF_SUFFICIENCY",
    summary: "Domestic supply as a share of demand (above 1 when supply exceeds demand).",
    category: "supply",
    parameters: [
      {
        name: "domestic",
        description: "Domestic supply, t (same period as demand).",
        unit: "t",
        optional: false,
      },
      { name: "demand", description: "Demand, t.", unit: "t", optional: false },
    ],
    returns: { description: "Self-sufficiency ratio (0.2 = 20%).", unit: "ratio", spill: false },
    example: {
      formula: "=REE.SELF_SUFFICIENCY(400, 2000)",
      result: 0.2,
      working: "400 t of NdPr oxide made / 2,000 t needed for the 6,000 t target = 0.2.",
    },
  },
  {
    name: "IMPORT_RELIANCE",
    summary:
      "Net import reliance: (imports - exports) / (production + imports - exports), the USGS definition.",
    category: "trade",
    parameters: [
      { name: "imports", description: "Imports, t.", unit: "t", optional: false },
      { name: "exports", description: "Exports, t.", unit: "t", optional: false },
      { name: "production", description: "Domestic production, t.", unit: "t", optional: false },
    ],
    returns: {
      description:
        "Share of apparent consumption met by net imports (negative for a net exporter).",
      unit: "fraction",
      spill: false,
    },
    example: {
      formula: "=REE.IMPORT_RELIANCE(53000, 0, 1200)",
      result: 0.97786, // 53,000 / 54,200
      working:
        "Illustration: 53,000 t of magnet imports (FY25), no exports, and the 1,200 t of magnets India's oxide supports: 53,000 / 54,200 = 0.978.",
    },
  },
  {
    name: "RESERVE_LIFE",
    summary:
      "Years of production the reserves cover at a constant rate; with no arguments, India's.",
    category: "supply",
    parameters: [
      {
        name: "reserves_t",
        description: "Optional, reserves, t; default: metric india.reserves_t (preferred claim).",
        unit: "t",
        optional: true,
        defaultFrom: "india.reserves_t",
      },
      factDefault("production_t", "production, t/yr", "t/yr", "india.mined_2024_t"),
    ],
    returns: { description: "Years.", unit: "years", spill: false },
    example: {
      formula: "=REE.RESERVE_LIFE()",
      result: 2379.31, // 6,900,000 / 2,900
      working: "6,900,000 t / 2,900 t a year = 2,379.3 years.",
    },
  },
  {
    name: "CAGR",
    summary: "Compound annual growth rate between two values.",
    category: "growth",
    parameters: [
      {
        name: "start",
        description: "Starting value (more than zero).",
        unit: "any unit",
        optional: false,
      },
      {
        name: "end",
        description: "Ending value (zero or more), same unit.",
        unit: "same unit",
        optional: false,
      },
      {
        name: "years",
        description: "Years between them (more than zero; fractions allowed).",
        unit: "years",
        optional: false,
      },
    ],
    returns: {
      description: "Growth rate a year as a fraction (0.1 = 10%).",
      unit: "fraction a year",
      spill: false,
    },
    example: {
      formula: "=REE.CAGR(376000, 390000, 1)",
      result: 0.037234, // 14,000 / 376,000
      working: "World mine production 2023 to 2024 (USGS): 390,000 / 376,000 - 1 = 0.0372.",
    },
  },
  {
    name: "PROJECT",
    summary:
      "Spills a compound-growth projection: Year 0..years and Value = base x (1 + rate)^Year.",
    category: "growth",
    parameters: [
      {
        name: "base",
        description: "Value in year 0 (any unit, e.g. t).",
        unit: "any unit",
        optional: false,
      },
      {
        name: "rate",
        description: "Growth a year as a fraction (0.1 = 10%), more than -1.",
        unit: "fraction a year",
        optional: false,
      },
      {
        name: "years",
        description: "Last year, a whole number from 1 to 1,000.",
        unit: "years",
        optional: false,
      },
    ],
    returns: {
      description: "Header row (Year, Value), then years + 1 rows.",
      unit: "table",
      spill: true,
    },
    example: {
      formula: "=REE.PROJECT(6000, 0.1, 3)",
      result: { header: PROJECTION_HEADER, rows: 4 },
      working:
        '6,000 t growing 10% a year (demand growth "exceeding 10%"): 6,000; 6,600; 7,260; 7,986.',
    },
  },
  {
    name: "EV_DEMAND",
    summary: "Tonnes of rare earths in a fleet of electric vehicles.",
    category: "demand",
    parameters: [
      { name: "vehicles", description: "Number of vehicles.", unit: "vehicles", optional: false },
      factDefault(
        "kg_per_vehicle",
        "kg of rare earths a vehicle",
        "kg/vehicle",
        "ev.re_content_kg_per_vehicle",
        "midpoint of the articles' 1-2 kg",
      ),
    ],
    returns: { description: "Rare earth content, t.", unit: "t", spill: false },
    example: {
      formula: "=REE.EV_DEMAND(1000000)",
      result: 1500,
      working: "1,000,000 vehicles x 1.5 kg / 1,000 kg per t = 1,500 t.",
    },
  },
  {
    name: "RECYCLED_SUPPLY",
    summary: "Tonnes of demand met by recycled material.",
    category: "demand",
    parameters: [
      { name: "demand_t", description: "Demand, t.", unit: "t", optional: false },
      factDefault(
        "share",
        "recycling share from 0 to 1",
        "fraction 0-1",
        "eu.recycling_target_share",
        "the EU's 25% target",
      ),
    ],
    returns: { description: "Recycled supply, t.", unit: "t", spill: false },
    example: {
      formula: "=REE.RECYCLED_SUPPLY(2000)",
      result: 500,
      working: "2,000 t x 25% = 500 t.",
    },
  },
  {
    name: "SUPPLY_BALANCE",
    summary: `Spills a year-by-year supply balance: ${listed(BALANCE_HEADER)}.`,
    category: "growth",
    parameters: [
      {
        name: "years",
        description: "Number of years (rows), a whole number from 1 to 1,000.",
        unit: "years",
        optional: false,
      },
      {
        name: "demand",
        description: "Demand in the first year, t (more than zero).",
        unit: "t",
        optional: false,
      },
      {
        name: "growth",
        description: "Demand growth a year as a fraction (0.1 = 10%), more than -1.",
        unit: "fraction a year",
        optional: false,
      },
      {
        name: "domestic",
        description: "Domestic supply in the first year, t.",
        unit: "t",
        optional: false,
      },
      {
        name: "domestic_growth",
        description: "Optional, domestic supply growth a year as a fraction; default 0 (flat).",
        unit: "fraction a year",
        optional: true,
      },
      {
        name: "recycling_share",
        description: "Optional, share of demand met by recycling, 0 to 1; default 0 (none).",
        unit: "fraction 0-1",
        optional: true,
      },
      {
        name: "start_year",
        description:
          "Optional, calendar year of the first row, e.g. 2025; default: rows numbered from 0.",
        unit: "year",
        optional: true,
      },
    ],
    returns: {
      description: "Header row, then one row per year; imports never go below zero.",
      unit: "table",
      spill: true,
    },
    example: {
      formula: "=REE.SUPPLY_BALANCE(3, 2000, 0.1, 400)",
      result: { header: BALANCE_HEADER, rows: 3 },
      working:
        "2,000 t of oxide demand growing 10% a year against 400 t made: imports 1,600; 1,800; 2,020 t.",
    },
  },
  {
    name: "STOCKPILE_DAYS",
    summary: "Days of use a stockpile covers.",
    category: "supply",
    parameters: [
      { name: "stock_t", description: "Stockpile, t.", unit: "t", optional: false },
      { name: "annual_use_t", description: "Use, t/yr.", unit: "t/yr", optional: false },
    ],
    returns: { description: "Days of cover (365-day year).", unit: "days", spill: false },
    example: {
      formula: "=REE.STOCKPILE_DAYS(400, 2000)",
      result: 73,
      working:
        "Illustration: a year of IREL output (400 t) against the 2,000 t a year the target needs: 400 / 2,000 x 365 = 73 days.",
    },
  },
  {
    name: "CRORE_TO_USD",
    summary: "Converts INR crore to USD million (1 crore = 10 million rupees).",
    category: "conversion",
    parameters: [
      { name: "inr_crore", description: "Amount, INR crore.", unit: "INR crore", optional: false },
      factDefault(
        "inr_per_usd",
        "rupees per US dollar",
        "INR/USD",
        "fx.inr_per_usd_implied",
        "the rate implied by INR 1,345 crore = USD 155 million",
      ),
    ],
    returns: { description: "Amount, USD million.", unit: "USD million", spill: false },
    example: {
      formula: "=REE.CRORE_TO_USD(1345)",
      result: 155,
      working: "INR 1,345 crore = USD 155 million, as the article converts it.",
    },
  },
  {
    name: "USD_TO_CRORE",
    summary: "Converts USD million to INR crore (1 crore = 10 million rupees).",
    category: "conversion",
    parameters: [
      {
        name: "usd_million",
        description: "Amount, USD million.",
        unit: "USD million",
        optional: false,
      },
      factDefault("inr_per_usd", "rupees per US dollar", "INR/USD", "fx.inr_per_usd_implied"),
    ],
    returns: { description: "Amount, INR crore.", unit: "INR crore", spill: false },
    example: {
      formula: "=REE.USD_TO_CRORE(155)",
      result: 1345,
      working: "USD 155 million = INR 1,345 crore.",
    },
  },
  {
    name: "OXIDE_TO_METAL",
    summary:
      "Tonnes of metal in a tonnage of oxide: Nd in Nd2O3, Pr in Pr6O11, or Nd and Pr in NdPr oxide (IUPAC atomic weights).",
    category: "conversion",
    parameters: [
      { name: "oxide_t", description: "Oxide, t.", unit: "t", optional: false },
      ELEMENT_PARAMETER,
      ND2O3_SHARE_PARAMETER,
    ],
    returns: { description: "Metal, t.", unit: "t", spill: false },
    example: {
      formula: '=REE.OXIDE_TO_METAL(400, "Nd")',
      result: 342.9424, // 400 x 288.484 / 336.481
      working:
        "400 t x 2 x 144.242 / (2 x 144.242 + 3 x 15.999) = 400 x 0.8574 = 342.9 t of Nd in 400 t of Nd2O3.",
    },
  },
  {
    name: "METAL_TO_OXIDE",
    summary:
      "Tonnes of oxide that hold a tonnage of metal: Nd2O3 for Nd, Pr6O11 for Pr, NdPr oxide for NdPr metal (IUPAC atomic weights).",
    category: "conversion",
    parameters: [
      { name: "metal_t", description: "Metal, t.", unit: "t", optional: false },
      ELEMENT_PARAMETER,
      ND2O3_SHARE_PARAMETER,
    ],
    returns: { description: "Oxide, t.", unit: "t", spill: false },
    example: {
      formula: '=REE.METAL_TO_OXIDE(100, "Pr")',
      result: 120.8161, // 100 x 1,021.43496 / 845.44596
      working:
        "100 t / (6 x 140.90766 / (6 x 140.90766 + 11 x 15.999)) = 100 / 0.8277 = 120.8 t of Pr6O11.",
    },
  },
  {
    name: "DATA_VERSION",
    summary: "The reference data set's version and date.",
    category: "data",
    parameters: [],
    returns: {
      description: 'Version and date, e.g. "1.0.0 (2026-11-22)".',
      unit: "text",
      spill: false,
    },
    example: {
      formula: "=REE.DATA_VERSION()",
      // The release this documentation describes, as src/data/CHANGELOG.md records it.
      result: "1.1.0 (2026-11-27)",
      working:
        "Semantic version and date of the reference data set: release 1.1.0 of 27 November 2026.",
    },
  },
  {
    name: "SERIES",
    summary: `Spills a time series from the reference data (${listed(SERIES_HEADER)}) in period order; gaps stay gaps.`,
    category: "data",
    parameters: [
      {
        name: "series",
        description: 'Series key, e.g. "india.magnet_imports_t" (text, case-insensitive).',
        unit: "text",
        optional: false,
      },
      {
        name: "from",
        description:
          'Optional, first period: "FY24" or "H1 FY26" for a fiscal-year series, a year such as 2024 for a calendar one.',
        unit: "text (period)",
        optional: true,
      },
      {
        name: "to",
        description: "Optional, last period, on the same axis as the series.",
        unit: "text (period)",
        optional: true,
      },
    ],
    returns: { description: "Header row and one row per period.", unit: "table", spill: true },
    example: {
      formula: '=REE.SERIES("india.magnet_imports_t")',
      result: { header: SERIES_HEADER, rows: 4 },
      working:
        "India's magnet imports: FY21 12,400 t, FY24 28,700 t, FY25 53,700 t, H1 FY26 16,281 t (no FY22 or FY23 in the sources).",
    },
  },
  {
    name: "SCENARIO",
    summary:
      "One model input's value under a named scenario: the data set's preferred figure, the low or high end of what the sources state, or one source's own figure.",
    category: "supply",
    parameters: [
      {
        name: "input",
        description:
          "Input name: magnet_target, domestic_oxide, oxide_per_magnet, magnet_imports, china_share, reserves or production (text, case-insensitive).",
        unit: "text",
        optional: false,
      },
      {
        name: "scenario",
        description:
          'Optional, default "preferred": "preferred", "low", "high" or a source id such as "repm_scheme" (text).',
        unit: "text",
        optional: true,
      },
    ],
    returns: {
      description:
        "The input's value in its unit (shares as fractions), from the fact the scenario names.",
      unit: "the input's unit",
      spill: false,
    },
    example: {
      formula: '=REE.SCENARIO("domestic_oxide", "high")',
      result: 500,
      working:
        "IREL's NdPr oxide output is 400 t/yr; the figure it names as related, IREL's \"approximately 400-500\" t/yr of Nd capacity, tops the range at 500.",
    },
    reads: [{ fact: "india.ndpr_oxide.production_t" }, { fact: "irel.nd_capacity_t" }],
  },
];

/** A catalog entry by name, with or without the namespace, case-insensitive. */
export function functionSpec(name: string): FunctionSpec | undefined {
  const wanted = name
    .trim()
    .toUpperCase()
    .replace(/^REE\./, "");
  return CATALOG.find((spec) => spec.name === wanted);
}
