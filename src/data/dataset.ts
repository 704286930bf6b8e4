/**
 * The bundled data files, each with its path (for validation messages), and the typed arrays built
 * from them. Adding a data file means adding it here; check-data and the tests validate the list.
 */
import type {
  DataHistory,
  DataSetVersion,
  Fact,
  ReferenceTable,
  SeriesEntry,
  Source,
  Unrecorded,
} from "./types";
import discoveryAlert from "./facts/discovery_alert.json";
import ndtvCabinet from "./facts/ndtv_cabinet.json";
import businessStandardCabinet from "./facts/business_standard_cabinet.json";
import ndtvProfitOutlay from "./facts/ndtv_profit_outlay.json";
import indianExpressImports from "./facts/indian_express_imports.json";
import mintH1Fy26 from "./facts/mint_h1_fy26.json";
import moneycontrolDependence from "./facts/moneycontrol_dependence.json";
import nalco from "./facts/nalco.json";
import historyJson from "./history.json";
import niice from "./facts/niice.json";
import policyCircle from "./facts/policy_circle.json";
import repmScheme from "./facts/repm_scheme.json";
import seriesJson from "./series.json";
import sourcesJson from "./sources.json";
import agreements from "./tables/agreements.json";
import companies from "./tables/companies.json";
import deposits from "./tables/deposits.json";
import importSources from "./tables/import_sources.json";
import partners from "./tables/partners.json";
import policies from "./tables/policies.json";
import timeline from "./tables/timeline.json";
import valueChain from "./tables/value_chain.json";
import worldProduction from "./tables/world_production.json";
import unrecordedJson from "./unrecorded.json";
import versionJson from "./version.json";

export interface DataFile<T = unknown> {
  /** Path from the repository root, as problems report it. */
  path: string;
  data: T;
}

export interface DataFiles {
  sources: DataFile;
  /** One file per source, named after it, each a JSON array of facts. */
  facts: DataFile[];
  /** One file per table, named after it. */
  tables: DataFile[];
  unrecorded: DataFile;
  version: DataFile;
  /** Time series: which fact is each series' figure for a period (the fact gives period, value, unit). */
  series: DataFile;
}

const dir = "src/data";

export const DATA_FILES: DataFiles = {
  sources: { path: `${dir}/sources.json`, data: sourcesJson },
  facts: [
    { path: `${dir}/facts/repm_scheme.json`, data: repmScheme },
    { path: `${dir}/facts/policy_circle.json`, data: policyCircle },
    { path: `${dir}/facts/niice.json`, data: niice },
    { path: `${dir}/facts/discovery_alert.json`, data: discoveryAlert },
    { path: `${dir}/facts/nalco.json`, data: nalco },
    { path: `${dir}/facts/ndtv_cabinet.json`, data: ndtvCabinet },
    { path: `${dir}/facts/business_standard_cabinet.json`, data: businessStandardCabinet },
    { path: `${dir}/facts/ndtv_profit_outlay.json`, data: ndtvProfitOutlay },
    { path: `${dir}/facts/indian_express_imports.json`, data: indianExpressImports },
    { path: `${dir}/facts/mint_h1_fy26.json`, data: mintH1Fy26 },
    { path: `${dir}/facts/moneycontrol_dependence.json`, data: moneycontrolDependence },
  ],
  tables: [
    { path: `${dir}/tables/partners.json`, data: partners },
    { path: `${dir}/tables/agreements.json`, data: agreements },
    { path: `${dir}/tables/companies.json`, data: companies },
    { path: `${dir}/tables/timeline.json`, data: timeline },
    { path: `${dir}/tables/value_chain.json`, data: valueChain },
    { path: `${dir}/tables/deposits.json`, data: deposits },
    { path: `${dir}/tables/world_production.json`, data: worldProduction },
    { path: `${dir}/tables/import_sources.json`, data: importSources },
    { path: `${dir}/tables/policies.json`, data: policies },
  ],
  unrecorded: { path: `${dir}/unrecorded.json`, data: unrecordedJson },
  version: { path: `${dir}/version.json`, data: versionJson },
  series: { path: `${dir}/series.json`, data: seriesJson },
};

/** The reverse change log, validated with the data set when passed as DataSetInput.history. */
export const HISTORY_FILE: DataFile = { path: `${dir}/history.json`, data: historyJson };

/** Every fact, in the order of the source files. The JSON is checked against the schema at build and test time. */
export const FACTS: readonly Fact[] = DATA_FILES.facts.flatMap((file) => file.data as Fact[]);

export const SOURCES: readonly Source[] = sourcesJson as Source[];

export const TABLES: readonly ReferenceTable[] = DATA_FILES.tables.map(
  (file) => file.data as ReferenceTable,
);

/** Numerals in the articles that are not facts of their own, with the reason. */
export const UNRECORDED: readonly Unrecorded[] = unrecordedJson as Unrecorded[];

export const DATA_VERSION: DataSetVersion = versionJson;

/** Time series entries, in file order: REE.SERIES reads them through src/model/series.ts. */
export const SERIES_ENTRIES: readonly SeriesEntry[] = seriesJson;

export const HISTORY: DataHistory = historyJson;
