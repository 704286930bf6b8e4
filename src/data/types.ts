/**
 * Shapes of the reference data set. The JSON files under src/data/ are the source of truth; these
 * types and the schema in schema.ts describe them. Nothing here may import Office, React or the DOM.
 */

export const QUALIFIERS = ["exact", "approx", "over", "under", "range"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const TOPICS = [
  "domestic supply",
  "targets & policy",
  "trade & imports",
  "global market",
  "demand",
  "recycling & substitution",
  "partnerships",
  "companies",
  "timeline",
] as const;
export type Topic = (typeof TOPICS)[number];

/** The units of percentages, whose figures are stored as fractions (84% -> 0.84). */
export const PERCENT_UNITS: readonly Unit[] = ["%", "%/yr"];

/** Units. "t/t" is a ratio of tonnes to tonnes (e.g. NdPr oxide per tonne of magnet). */
export const UNITS = [
  "t",
  "t/yr",
  "%",
  "%/yr",
  "INR crore",
  "USD million",
  "INR/USD",
  "kg/vehicle",
  "t/t",
  "count",
  "weeks",
  "rank",
  "year",
  "years",
] as const;
export type Unit = (typeof UNITS)[number];

export interface Fact {
  /** Stable dotted key, lowercase: /^[a-z0-9_]+(\.[a-z0-9_]+)+$/. Never reused for another meaning. */
  id: string;
  label: string;
  /** The number. A range has value = midpoint. A year or date has value = the year. */
  value: number;
  /** Lower bound: set for "range" and "over", and for "approx" where the rounding bounds it; null otherwise. */
  low: number | null;
  /** Upper bound: set for "range" and "under", and for "approx" where the rounding bounds it; null otherwise. */
  high: number | null;
  qualifier: Qualifier;
  unit: Unit;
  /** What the quantity is of: "REO", "NdPr oxide", "Nd", "magnets", "REE content", ... or null. */
  basis: string | null;
  /** What the figure is about: "2024", "FY25", "annual", "2030 target", "April 2025" ... or null. */
  period: string | null;
  topic: Topic;
  /**
   * What is being measured, shared by every claim of the same thing from different sources
   * (e.g. "china.processing_share"). A fact with a unique claim has metric === id.
   */
  metric: string;
  /** Key of a Source record. */
  source: string;
  /** Section heading or paragraph of the source where the figure is. */
  locator: string;
  /** Verbatim fragment of the source text (<= ~20 words) that contains the figure. */
  evidence: string;
  /** Our own words: caveats; for derived facts, the formula. */
  note: string | null;
  /** True when the figure is computed from other facts rather than stated (formula in note). */
  derived?: boolean;
  /**
   * Fact ids or metric keys of figures a reader should see beside this one (same subject, another
   * basis or measure, so not a claim of the same metric); the note says how they relate.
   */
  related?: string[];
}

export const SOURCE_KINDS = ["article", "dataset", "report"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface Source {
  /** Short key, lowercase: /^[a-z0-9_]+$/. */
  id: string;
  /**
   * "article": one of the five primary articles (seeds). Supplementary sources: "dataset" (a
   * published table, e.g. USGS) and "report" (a newer news report, kept as a text excerpt whose
   * `#` header lines name publisher, title, date and URL).
   */
  kind: SourceKind;
  title: string;
  /** "unknown" where the text names no publisher. */
  publisher: string;
  /** ISO date (YYYY-MM-DD or YYYY-MM or YYYY) or "unknown". */
  date: string;
  author: string | null;
  url: string | null;
  /** Attribution chain where the article cites another outlet, e.g. ["Reuters", "Mining.com"]. */
  via: string[];
  /** File name of the source text under the seeds or reference folder, used by data:verify. */
  file: string;
  note: string | null;
}

export type CellValue = string | number | boolean | null;

export interface TableColumn {
  key: string;
  label: string;
  type: "text" | "number" | "fraction" | "date";
  /** Unit of a number column ("t", "%", ...). */
  unit?: string;
}

/** Every row carries its citation: source key, locator and verbatim evidence. */
export interface TableRow {
  [key: string]: CellValue;
  source: string;
  locator: string;
  evidence: string;
}

export interface ReferenceTable {
  /** Lowercase key used by =REE.TABLE(name), e.g. "partners". */
  name: string;
  title: string;
  description: string;
  columns: TableColumn[];
  rows: TableRow[];
}

/**
 * A numeral in an article that is deliberately not a fact of its own: a repeat of a recorded figure
 * (`fact` names it), page furniture (a date line, a document number) or an idiom ("one of the").
 * data:verify requires every numeral in an article to sit in a fact's evidence or in one of these.
 */
export interface Unrecorded {
  source: string;
  locator: string;
  /** Verbatim fragment holding the numeral. */
  evidence: string;
  reason: string;
  /** Id of the fact this repeats, whose figure must then appear in the fragment; null otherwise. */
  fact: string | null;
}

/**
 * One point of a time series (series.json): the series key and the fact that is its figure for a
 * period. The fact's period (a fiscal year "FY25", a half "H1 FY26" or a calendar year "2024"),
 * value, unit and source are the point's, so the series never restates a figure.
 */
export interface SeriesEntry {
  series: string;
  fact: string;
}

export interface DataSetVersion {
  version: string;
  date: string;
}

/** A fact's figures: what a data-set version can change without changing the fact's meaning. */
export type Figures = Pick<Fact, "value" | "low" | "high">;

/** One fact a release changed: its figures in the release before, or null when the release added it. */
export interface FactRevision {
  id: string;
  previous: Figures | null;
}

/**
 * An id a release retired because its metric gained claims from other sources: `from` is now the
 * metric's key (resolving to its preferred claim), `to` is the retired claim's new id.
 */
export interface FactRename {
  from: string;
  to: string;
}

export interface DataSetRelease extends DataSetVersion {
  /** The facts whose figures this release changed, relative to the release before it. */
  changes: FactRevision[];
  /** Ids this release retired, and the ids of the same claims now (absent when none). */
  renamed?: FactRename[];
}

/** The reverse change log (history.json): every release, oldest first, the last being version.json's. */
export interface DataHistory {
  note: string;
  releases: DataSetRelease[];
}
