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

/** A bundled file by its name under src/data, without ".json". */
const file = (name: string, data: unknown): DataFile => ({ path: `${dir}/${name}.json`, data });

/** The files of one folder of src/data, by file name (without ".json"), in the order given. */
const folder = (name: string, files: Record<string, unknown>): DataFile[] =>
  Object.keys(files).map((base) => file(`${name}/${base}`, files[base]));

export const DATA_FILES: DataFiles = {
  sources: file("sources", sourcesJson),
  facts: folder("facts", {
    repm_scheme: repmScheme,
    policy_circle: policyCircle,
    niice,
    discovery_alert: discoveryAlert,
    nalco,
    ndtv_cabinet: ndtvCabinet,
    business_standard_cabinet: businessStandardCabinet,
    ndtv_profit_outlay: ndtvProfitOutlay,
    indian_express_imports: indianExpressImports,
    mint_h1_fy26: mintH1Fy26,
    moneycontrol_dependence: moneycontrolDependence,
  }),
  tables: folder("tables", {
    partners,
    agreements,
    companies,
    timeline,
    value_chain: valueChain,
    deposits,
    world_production: worldProduction,
    import_sources: importSources,
    policies,
  }),
  unrecorded: file("unrecorded", unrecordedJson),
  version: file("version", versionJson),
  series: file("series", seriesJson),
};

/** The reverse change log, validated with the data set when passed as DataSetInput.history. */
export const HISTORY_FILE: DataFile = file("history", historyJson);

/** Every bundled data file, the change log too: each is one module of the built add-in. */
export const ALL_DATA_FILES: readonly DataFile[] = [
  DATA_FILES.sources,
  ...DATA_FILES.facts,
  ...DATA_FILES.tables,
  DATA_FILES.unrecorded,
  DATA_FILES.version,
  DATA_FILES.series,
  HISTORY_FILE,
];

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
