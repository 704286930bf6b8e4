/**
 * What the pane browses: every fact and every row of every reference table, as list entries, with
 * the conflict marker computed once. Search itself is the data layer's (searchFacts/searchTables), so
 * the pane finds exactly what the REE functions and scripts find.
 */
import { FACTS, SOURCES, TABLES, resolveFact } from "../../data";
import { searchFacts, searchTables } from "../../data/search";
import type { Fact, ReferenceTable, Source, TableRow, Topic } from "../../data";
import { formatCell } from "../format";

export interface FactEntry {
  kind: "fact";
  key: string;
  fact: Fact;
  /** Another source gives a different value for the same metric. */
  disputed: boolean;
}

export interface RowEntry {
  kind: "row";
  key: string;
  table: ReferenceTable;
  row: TableRow;
}

export type Entry = FactEntry | RowEntry;

export interface Catalog {
  facts: FactEntry[];
  rows: RowEntry[];
  tables: readonly ReferenceTable[];
  sources: readonly Source[];
  sourceById: ReadonlyMap<string, Source>;
  entryByKey: ReadonlyMap<string, Entry>;
}

export interface Filters {
  query: string;
  /** "" = every topic. */
  topic: Topic | "";
  /** Source key; "" = every source. */
  source: string;
}

export const NO_FILTERS: Filters = { query: "", topic: "", source: "" };

/** Reference tables have no topic field; this places each under the topic filter a user would try. */
export const TABLE_TOPICS: Readonly<Record<string, Topic>> = {
  partners: "partnerships",
  agreements: "partnerships",
  companies: "companies",
  timeline: "timeline",
  value_chain: "domestic supply",
  deposits: "domestic supply",
  world_production: "global market",
  import_sources: "trade & imports",
  policies: "targets & policy",
};

/**
 * What a planner opens the pane for, first in the unfiltered list: the magnet target, the oxide it
 * needs, what India makes, the gap, China's share of the magnets India imports, the imports, and
 * China's hold on processing. A metric key stands for its preferred claim (the one REE.FACT gives),
 * so the list follows the data when a newer source becomes the preferred one. Everything else
 * follows in the data set's order.
 */
export const HEADLINE_FACT_IDS: readonly string[] = [
  "india.repm.target_t",
  "india.ndpr_oxide.required_for_target_t",
  "india.ndpr_oxide.production_t",
  "india.ndpr_oxide.gap_t",
  "india.magnet_imports.china_share",
  "india.magnet_imports.fy25_t",
  "china.processing_share.discovery_alert",
  "china.processing_share.niice",
];

/** Headline facts first, in their order; the rest keep theirs. */
function headlinesFirst(facts: FactEntry[]): FactEntry[] {
  const headlines = HEADLINE_FACT_IDS.map((id) => resolveFact(id)?.id ?? id);
  const rank = (entry: FactEntry) => {
    const index = headlines.indexOf(entry.fact.id);
    return index < 0 ? HEADLINE_FACT_IDS.length : index;
  };
  return facts
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => rank(a.entry) - rank(b.entry) || a.index - b.index)
    .map(({ entry }) => entry);
}

const factKey = (id: string) => `fact:${id}`;
const rowKey = (table: string, index: number) => `row:${table}:${index}`;

/** The row's headline: its first non-empty text column ("Australia", "IREL (India) Limited"). */
function titleColumn(table: ReferenceTable, row: TableRow) {
  return table.columns.find((c) => c.type === "text" && row[c.key]) ?? table.columns[0];
}

export function rowTitle(table: ReferenceTable, row: TableRow): string {
  const column = titleColumn(table, row);
  return formatCell(column, row[column.key]);
}

/** The other columns, labelled: "Region: Oceania · Offers: …". */
export function rowSummary(table: ReferenceTable, row: TableRow): string {
  const title = titleColumn(table, row);
  return table.columns
    .filter((c) => c !== title && row[c.key] !== null && row[c.key] !== "")
    .map((c) => `${c.label}: ${formatCell(c, row[c.key])}`)
    .join(" · ");
}

let catalog: Catalog | undefined;

/** Built on first use (cheap: a few hundred records) and kept. */
export function getCatalog(): Catalog {
  if (catalog) return catalog;
  const valuesByMetric = new Map<string, Set<number>>();
  for (const fact of FACTS) {
    const values = valuesByMetric.get(fact.metric) ?? new Set<number>();
    values.add(fact.value);
    valuesByMetric.set(fact.metric, values);
  }
  const facts = headlinesFirst(
    FACTS.map<FactEntry>((fact) => ({
      kind: "fact",
      key: factKey(fact.id),
      fact,
      disputed: (valuesByMetric.get(fact.metric)?.size ?? 0) > 1,
    })),
  );
  const rows = TABLES.flatMap((table) =>
    table.rows.map<RowEntry>((row, index) => ({
      kind: "row",
      key: rowKey(table.name, index),
      table,
      row,
    })),
  );
  catalog = {
    facts,
    rows,
    tables: TABLES,
    sources: SOURCES,
    sourceById: new Map(SOURCES.map((source) => [source.id, source])),
    entryByKey: new Map<string, Entry>([...facts, ...rows].map((entry) => [entry.key, entry])),
  };
  return catalog;
}

/** Facts and table rows matching every word of the query and both filters, best first. */
export function filterCatalog(
  catalog: Catalog,
  filters: Filters,
): { facts: FactEntry[]; rows: RowEntry[] } {
  // Nothing to match: everything in data order (what the search gives), without building its index.
  if (!isFiltered(filters)) return { facts: catalog.facts, rows: catalog.rows };
  const facts = searchFacts(filters.query, {
    topic: filters.topic || undefined,
    source: filters.source || undefined,
  }).map((fact) => catalog.entryByKey.get(factKey(fact.id)) as FactEntry);
  const rows = searchTables(filters.query)
    .filter(
      (hit) =>
        (!filters.topic || TABLE_TOPICS[hit.table] === filters.topic) &&
        (!filters.source || hit.row.source === filters.source),
    )
    .map((hit) => catalog.entryByKey.get(rowKey(hit.table, hit.rowIndex)) as RowEntry);
  return { facts, rows };
}

/** Every claim about a fact's metric, this one included, in data order. */
export function claimsFor(catalog: Catalog, entry: FactEntry): FactEntry[] {
  return catalog.facts.filter((other) => other.fact.metric === entry.fact.metric);
}

export function isFiltered(filters: Filters): boolean {
  return Boolean(filters.query.trim() || filters.topic || filters.source);
}
