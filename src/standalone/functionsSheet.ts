/**
 * A reference for people without the add-in: what each REE function computes and the native Excel
 * formula that does the same. Names such as Oxide_Per_Magnet are the Model sheet's defined names;
 * Facts[...] and WorldProduction[...] are the Excel tables on the reference sheets.
 */
import { DATA_VERSION, resolveFact, tableByName } from "../data";
import type { SheetPlan } from "./plan";

interface FunctionRef {
  name: string;
  syntax: string;
  returns: string;
  native: string;
  /** Fact ids (or metric keys) of the defaults. */
  defaults?: string[];
  where?: string;
}

/** A reference table's column header as written on its sheet (the labels live in the data set). */
function label(table: string, key: string): string {
  const column = tableByName(table)?.columns.find((c) => c.key === key);
  if (!column) throw new Error(`Standalone workbook: table ${table} has no column ${key}`);
  return column.label;
}

const functionRefs = (): FunctionRef[] => [
  {
    name: "FACT",
    syntax: "REE.FACT(id, [field])",
    returns: "A fact's value, or another field (low, high, unit, period, source, evidence, ...)",
    native: '=INDEX(Facts[Value],MATCH("india.repm.target_t",Facts[Id],0))',
    where: "Facts sheet",
  },
  {
    name: "SOURCE",
    syntax: "REE.SOURCE(id)",
    returns: "A one-line citation for a fact",
    native:
      '=INDEX(Sources[Title],MATCH(INDEX(Facts[Source],MATCH("india.repm.target_t",Facts[Id],0)),Sources[Id],0))',
    where: "Facts and Sources sheets",
  },
  {
    name: "FACTS",
    syntax: "REE.FACTS([topic])",
    returns: "Spill: facts (id, label, value, unit, period, source), optionally of one topic",
    native:
      '=FILTER(Facts[[Id]:[Value]],Facts[Topic]="demand") (Excel 365), or filter the Facts table',
    where: "Facts sheet",
  },
  {
    name: "TABLE",
    syntax: "REE.TABLE(name)",
    returns: "Spill: a reference table with its Source column",
    native: "=WorldProduction (the Excel table on its own sheet)",
    where: "One sheet per reference table",
  },
  {
    name: "MAGNET_CAPACITY",
    syntax: "REE.MAGNET_CAPACITY(oxide_t, [oxide_per_magnet])",
    returns: "Tonnes of magnets a quantity of NdPr oxide supports",
    native: "=NdPr_Oxide_Domestic_t/Oxide_Per_Magnet",
    defaults: ["ndpr.oxide_per_magnet_t"],
    where: "Model: Magnet_Capacity_t",
  },
  {
    name: "OXIDE_REQUIRED",
    syntax: "REE.OXIDE_REQUIRED(magnet_t, [oxide_per_magnet])",
    returns: "NdPr oxide needed for a magnet output",
    native: "=REPM_Target_t*Oxide_Per_Magnet",
    defaults: ["ndpr.oxide_per_magnet_t"],
    where: "Model: Oxide_Required_t",
  },
  {
    name: "NDPR_GAP",
    syntax: "REE.NDPR_GAP([target_magnet_t], [domestic_oxide_t], [oxide_per_magnet], [basis])",
    returns: 'Oxide shortfall (+) or surplus (-); with basis "magnet", the gap in magnet tonnes',
    native:
      "=REPM_Target_t*Oxide_Per_Magnet-NdPr_Oxide_Domestic_t; magnet basis: =REPM_Target_t-NdPr_Oxide_Domestic_t/Oxide_Per_Magnet",
    defaults: ["india.repm.target_t", "india.ndpr_oxide.production_t", "ndpr.oxide_per_magnet_t"],
    where: "Model: NdPr_Oxide_Gap_t, Magnet_Gap_t",
  },
  {
    name: "IMPORT_SHARE",
    syntax: "REE.IMPORT_SHARE(exporter, [importer], [product])",
    returns: "Share (0-1) of an importer's imports that come from an exporter",
    native: `=SUMIFS(ImportSources[${label("import_sources", "share")}],ImportSources[${label("import_sources", "importer")}],"India",ImportSources[${label("import_sources", "exporter")}],"China")`,
    defaults: ["india.magnet_imports.china_share"],
    where: "Model: China_Magnet_Import_Share",
  },
  {
    name: "IMPORT_VOLUME",
    syntax: "REE.IMPORT_VOLUME(exporter, [importer], [product], [total_t])",
    returns: "Share x total imports, in tonnes",
    native: "=China_Magnet_Import_Share*Magnet_Imports_FY25_t",
    defaults: ["india.magnet_imports.china_share", "india.magnet_imports.fy25_t"],
    where: "Model: China_Import_Volume_t",
  },
  {
    name: "HHI",
    syntax: "REE.HHI(values)",
    returns: "Herfindahl-Hirschman index 0-10,000 of volumes or shares, normalised to their sum",
    native: "=SUMPRODUCT((values/SUM(values))^2)*10000",
    where: "Model: Production_HHI",
  },
  {
    name: "CONCENTRATION",
    syntax: "REE.CONCENTRATION(hhi)",
    returns:
      "US DOJ/FTC 2010 band: unconcentrated (<1,500), moderately (1,500-2,500), highly (>2,500)",
    native:
      '=IF(hhi<1500,"unconcentrated",IF(hhi<=2500,"moderately concentrated","highly concentrated"))',
    where: "Model: Production_Concentration",
  },
  {
    name: "WORLD_SHARE",
    syntax: "REE.WORLD_SHARE(country, [measure], [year])",
    returns: "A country's share of world mine production (2024 or 2023) or reserves (USGS)",
    native: worldShareNative(),
    where: "World production sheet",
  },
  {
    name: "SELF_SUFFICIENCY",
    syntax: "REE.SELF_SUFFICIENCY(domestic, demand)",
    returns: "Domestic supply / demand",
    native: "=domestic/demand",
    where: "Model: Self_Sufficiency",
  },
  {
    name: "IMPORT_RELIANCE",
    syntax: "REE.IMPORT_RELIANCE(imports, exports, production)",
    returns: "Net imports / apparent consumption",
    native: "=(imports-exports)/(production+imports-exports)",
  },
  {
    name: "RESERVE_LIFE",
    syntax: "REE.RESERVE_LIFE([reserves_t], [production_t])",
    returns: "Years of production the reserves cover",
    native: "=reserves_t/production_t",
    defaults: ["india.reserves_t", "india.mined_2024_t"],
  },
  {
    name: "CAGR",
    syntax: "REE.CAGR(start, end, years)",
    returns: "Compound annual growth rate",
    native: "=(end/start)^(1/years)-1, or =RRI(years,start,end)",
  },
  {
    name: "PROJECT",
    syntax: "REE.PROJECT(base, rate, years)",
    returns: "Spill: Year 0..years and base x (1+rate)^year",
    native: "=base*(1+rate)^SEQUENCE(years+1,1,0) (Excel 365), or one row per year",
  },
  {
    name: "EV_DEMAND",
    syntax: "REE.EV_DEMAND(vehicles, [kg_per_vehicle])",
    returns: "Tonnes of rare earths for a fleet of electric vehicles",
    native: "=vehicles*kg_per_vehicle/1000",
    defaults: ["ev.re_content_kg_per_vehicle"],
  },
  {
    name: "RECYCLED_SUPPLY",
    syntax: "REE.RECYCLED_SUPPLY(demand_t, [share])",
    returns: "Tonnes of demand met by recycling",
    native: "=demand_t*Recycling_Share",
    defaults: ["eu.recycling_target_share"],
    where: "Model: balance, Recycled column",
  },
  {
    name: "SUPPLY_BALANCE",
    syntax:
      "REE.SUPPLY_BALANCE(years, demand, growth, domestic, [domestic_growth], [recycling_share], [start_year])",
    returns: "Spill by year: demand, domestic, recycled, imports (never below 0), self-sufficiency",
    native:
      "One row per year: demand x (1+growth)^n, domestic x (1+domestic_growth)^n, demand x share, MAX(0,demand-domestic-recycled), (domestic+recycled)/demand",
    where: "Model: year-by-year balance",
  },
  {
    name: "STOCKPILE_DAYS",
    syntax: "REE.STOCKPILE_DAYS(stock_t, annual_use_t)",
    returns: "Days of cover",
    native: "=stock_t/annual_use_t*365",
  },
  {
    name: "CRORE_TO_USD",
    syntax: "REE.CRORE_TO_USD(inr_crore, [inr_per_usd])",
    returns: "US$ million (1 crore = 10 million rupees)",
    native: "=inr_crore*10/inr_per_usd",
    defaults: ["fx.inr_per_usd_implied"],
  },
  {
    name: "DATA_VERSION",
    syntax: "REE.DATA_VERSION()",
    returns: "The reference data set's version and date",
    native: `${DATA_VERSION.version} (${DATA_VERSION.date}), the data this file was written from`,
  },
];

function worldShareNative(): string {
  const production = `WorldProduction[${label("world_production", "production_2024_t")}]`;
  const country = `WorldProduction[${label("world_production", "country")}]`;
  const world = tableByName("world_production")
    ?.rows.map((row) => String(row.country))
    .find((name) => name.toLowerCase().startsWith("world"));
  return (
    `=INDEX(${production},MATCH("India",${country},0))/` +
    `INDEX(${production},MATCH("${world ?? "World total"}",${country},0))`
  );
}

const describeDefault = (id: string): string => {
  const fact = resolveFact(id);
  if (!fact) return id;
  const value =
    fact.unit === "%" || fact.unit === "%/yr"
      ? `${Number((fact.value * 100).toFixed(1))}%`
      : `${fact.value.toLocaleString("en-US", { maximumFractionDigits: 3 })} ${fact.unit}`;
  return `${fact.id} = ${value}`;
};

const FUNCTIONS_SHEET = "Functions";

export function functionsSheet(): SheetPlan {
  const headers = [
    "Function",
    "Syntax",
    "Returns",
    "Native Excel equivalent",
    "Defaults from the data set",
    "In this workbook",
  ];
  const rows = functionRefs().map((fn) => [
    `REE.${fn.name}`,
    `=${fn.syntax}`,
    fn.returns,
    fn.native,
    fn.defaults ? fn.defaults.map(describeDefault).join("; ") : null,
    fn.where ?? null,
  ]);
  return {
    name: FUNCTIONS_SHEET,
    purpose: "What each REE function computes and its native Excel equivalent",
    cells: [
      { ref: "A1", content: "REE functions and their native Excel equivalents", style: "title" },
      {
        ref: "A2",
        content:
          "For colleagues without the add-in: each =REE.* function and a formula that computes the same " +
          "with Excel alone. Names such as Oxide_Per_Magnet are defined on the Model sheet; Facts[...] " +
          "and WorldProduction[...] refer to the Excel tables on the reference sheets.",
        style: "subtitle",
      },
    ],
    tables: [{ name: "Functions", ref: "A4", headers, rows }],
    names: [],
    frozenRows: 4,
  };
}
