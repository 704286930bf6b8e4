/**
 * A reference for people without the add-in: what each REE function computes and the native Excel
 * formula that does the same. Names such as Oxide_Per_Magnet are the Model sheet's defined names;
 * Facts[...] and WorldProduction[...] are the Excel tables on the reference sheets.
 */
import { DATA_VERSION, resolveFact, tableByName } from "../data";
import { CATALOG, syntaxOf } from "../functions/catalog";
import type { SheetPlan } from "./plan";

/** The native side of each function; syntax, description and defaults come from the catalog. */
interface FunctionRef {
  name: string;
  native: string;
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
    native: '=INDEX(Facts[Value],MATCH("india.repm.target_t",Facts[Id],0))',
    where: "Facts sheet",
  },
  {
    name: "SOURCE",
    native:
      '=INDEX(Sources[Title],MATCH(INDEX(Facts[Source],MATCH("india.repm.target_t",Facts[Id],0)),Sources[Id],0))',
    where: "Facts and Sources sheets",
  },
  {
    name: "FACTS",
    native:
      '=FILTER(Facts[[Id]:[Value]],Facts[Topic]="demand") (Excel 365), or filter the Facts table',
    where: "Facts sheet",
  },
  {
    name: "TABLE",
    native: "=WorldProduction (the Excel table on its own sheet)",
    where: "One sheet per reference table",
  },
  {
    name: "MAGNET_CAPACITY",
    native: "=NdPr_Oxide_Domestic_t/Oxide_Per_Magnet",
    where: "Model: Magnet_Capacity_t",
  },
  {
    name: "OXIDE_REQUIRED",
    native: "=REPM_Target_t*Oxide_Per_Magnet",
    where: "Model: Oxide_Required_t",
  },
  {
    name: "NDPR_GAP",
    native:
      "=REPM_Target_t*Oxide_Per_Magnet-NdPr_Oxide_Domestic_t; magnet basis: =REPM_Target_t-NdPr_Oxide_Domestic_t/Oxide_Per_Magnet",
    where: "Model: NdPr_Oxide_Gap_t, Magnet_Gap_t",
  },
  {
    name: "IMPORT_SHARE",
    native: `=SUMIFS(ImportSources[${label("import_sources", "share")}],ImportSources[${label("import_sources", "importer")}],"India",ImportSources[${label("import_sources", "exporter")}],"China")`,
    where: "Model: China_Magnet_Import_Share",
  },
  {
    name: "IMPORT_VOLUME",
    native: "=China_Magnet_Import_Share*Magnet_Imports_FY25_t",
    where: "Model: China_Import_Volume_t",
  },
  {
    name: "HHI",
    native: "=SUMPRODUCT((values/SUM(values))^2)*10000",
    where: "Model: Production_HHI",
  },
  {
    name: "CONCENTRATION",
    native:
      '=IF(hhi<1500,"unconcentrated",IF(hhi<=2500,"moderately concentrated","highly concentrated"))',
    where: "Model: Production_Concentration",
  },
  {
    name: "WORLD_SHARE",
    native: worldShareNative(),
    where: "World production sheet",
  },
  {
    name: "SELF_SUFFICIENCY",
    native: "=domestic/demand",
    where: "Model: Self_Sufficiency",
  },
  {
    name: "IMPORT_RELIANCE",
    native: "=(imports-exports)/(production+imports-exports)",
  },
  {
    name: "RESERVE_LIFE",
    native: "=reserves_t/production_t",
  },
  {
    name: "CAGR",
    native: "=(end/start)^(1/years)-1, or =RRI(years,start,end)",
  },
  {
    name: "PROJECT",
    native: "=base*(1+rate)^SEQUENCE(years+1,1,0) (Excel 365), or one row per year",
  },
  {
    name: "EV_DEMAND",
    native: "=vehicles*kg_per_vehicle/1000",
  },
  {
    name: "RECYCLED_SUPPLY",
    native: "=demand_t*Recycling_Share",
    where: "Model: balance, Recycled column",
  },
  {
    name: "SUPPLY_BALANCE",
    native:
      "One row per year: demand x (1+growth)^n, domestic x (1+domestic_growth)^n, demand x share, MAX(0,demand-domestic-recycled), (domestic+recycled)/demand",
    where: "Model: year-by-year balance",
  },
  {
    name: "STOCKPILE_DAYS",
    native: "=stock_t/annual_use_t*365",
  },
  {
    name: "CRORE_TO_USD",
    native: "=inr_crore*10/inr_per_usd",
  },
  {
    name: "CLAIMS",
    native: '=FILTER(Facts[[Id]:[Source]],Facts[Metric]="china.processing_share") (Excel 365)',
    where: "Facts sheet (Metric column)",
  },
  {
    name: "USD_TO_CRORE",
    native: "=usd_million*inr_per_usd/10",
  },
  {
    name: "OXIDE_TO_METAL",
    native:
      "Nd: =oxide_t*2*144.242/(2*144.242+3*15.999); Pr: =oxide_t*6*140.90766/(6*140.90766+11*15.999)",
  },
  {
    name: "METAL_TO_OXIDE",
    native:
      "Nd: =metal_t*(2*144.242+3*15.999)/(2*144.242); Pr: =metal_t*(6*140.90766+11*15.999)/(6*140.90766)",
  },
  {
    name: "DATA_VERSION",
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
  const natives = new Map(functionRefs().map((fn) => [fn.name, fn]));
  const rows = CATALOG.map((spec) => {
    const fn = natives.get(spec.name);
    const defaults = spec.defaults.flatMap((d) => ("fact" in d ? [describeDefault(d.fact)] : []));
    return [
      `REE.${spec.name}`,
      `=${syntaxOf(spec)}`,
      spec.summary,
      fn?.native ?? null,
      defaults.length > 0 ? defaults.join("; ") : null,
      fn?.where ?? null,
    ];
  });
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
