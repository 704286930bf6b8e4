/**
 * What of each reference data file the REE functions read: functions.js carries only this. It is
 * the shipped add-in's largest part and Excel loads it before any function runs, so the fields only
 * the task pane shows stay out: a table's title, description and column types, each table row's
 * locator and evidence, a fact's related figures, a source's kind, file and note, the change log's
 * note and the numerals the articles give without a fact. webpack.config.js applies this to every data file at build time
 * (scripts/data-loader.cjs), so there is no second copy of the data to keep; the pane adds the rest
 * back (src/data/split.ts). test/addin/functions-data.test.ts checks that the built functions give
 * the same answers as the full data set.
 */
import type { DataHistory, Fact, ReferenceTable, Source, TableRow } from "../data/types";

const DATA_DIR = "src/data/";

/** A table's name, its columns' keys and labels (the header TABLE spills), and each row's cells and source. */
function projectTable(table: ReferenceTable): unknown {
  const keys = [...table.columns.map((column) => column.key), "source"];
  return {
    name: table.name,
    columns: table.columns.map(({ key, label }) => ({ key, label })),
    rows: table.rows.map((row: TableRow) => {
      const cells: Record<string, unknown> = {};
      for (const key of keys) if (key in row) cells[key] = row[key];
      return cells;
    }),
  };
}

/** What a citation and REE.FACT(…, "url") read. */
const projectSource = ({ id, title, publisher, date, author, url, via }: Source) => ({
  id,
  title,
  publisher,
  date,
  author,
  url,
  via,
});

/** Every field REE.FACT gives, and `derived` (which claim of a metric is preferred); not `related`. */
function projectFact(fact: Fact): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(fact) as (keyof Fact)[])
    if (key !== "related") kept[key] = fact[key];
  return kept;
}

/**
 * The part of the data file at `path` (from the repository root, as DATA_FILES names it) that the
 * functions read.
 */
export function projectDataFile(path: string, data: unknown): unknown {
  const file = path.startsWith(DATA_DIR) ? path.slice(DATA_DIR.length) : path;
  if (file.startsWith("facts/")) return (data as Fact[]).map(projectFact);
  if (file.startsWith("tables/")) return projectTable(data as ReferenceTable);
  switch (file) {
    case "sources.json":
      return (data as Source[]).map(projectSource);
    case "history.json":
      return { releases: (data as DataHistory).releases };
    case "unrecorded.json":
      return [];
    default:
      return data;
  }
}
