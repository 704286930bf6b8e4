/**
 * The Sources sheet: one row per source cited by anything the add-in wrote into the workbook. The
 * list is an Excel table; the keys it holds are kept in workbook metadata so a later insert appends
 * only new sources (as table rows, which the host inserts without overwriting) and never reads
 * the user's cells.
 */
import { SOURCES, citeSource, sourceById } from "../data";
import { value } from "./cells";
import { count, type PlanBuilder } from "./plan";
import type { CellInput } from "./port";

/** Metadata key of the Sources record. */
export const SOURCES_KEY = "ree.sources";

const SOURCE_COLUMNS = [
  "Source key",
  "Citation",
  "Publisher",
  "Title",
  "Date",
  "Author",
  "Via",
  "URL",
  "Note",
] as const;

const SOURCE_WIDTHS = [90, 320, 110, 260, 70, 160, 110, 160, 320];

interface SourcesRecord {
  table: string;
  sheet: string;
  keys: string[];
}

const fold = (text: string): string => text.trim().toLowerCase();

function readRecord(text: string | undefined): SourcesRecord | null {
  if (!text) return null;
  try {
    const record = JSON.parse(text) as Partial<SourcesRecord>;
    if (typeof record.table !== "string" || !Array.isArray(record.keys)) return null;
    return {
      table: record.table,
      sheet: String(record.sheet ?? ""),
      keys: record.keys.map(String),
    };
  } catch {
    return null;
  }
}

/** Source keys in the data set's order, then any unknown ones, without repeats. */
function ordered(keys: Iterable<string>): string[] {
  const wanted = new Set([...keys].map(fold));
  const known = SOURCES.map((source) => source.id).filter((id) => wanted.delete(fold(id)));
  return [...known, ...wanted];
}

function sourceRow(key: string): CellInput[] {
  const source = sourceById(key);
  return [
    value(source?.id ?? key),
    value(citeSource(key)),
    value(source?.publisher),
    value(source?.title),
    value(source?.date),
    value(source?.author),
    value(source?.via.join(", ")),
    value(source?.url),
    value(source?.note),
  ];
}

/**
 * Lists every source in `cited` that the Sources table does not hold yet. Returns a phrase for the
 * insert's summary ("" when nothing was cited).
 */
export function listSources(builder: PlanBuilder, cited: Iterable<string>): string {
  if (builder.citedLater) {
    for (const key of cited) builder.citedLater.add(key);
    return "";
  }
  const keys = ordered(cited);
  if (keys.length === 0) return "";
  const record = readRecord(builder.snapshot.metadata[SOURCES_KEY]);
  const existing =
    record && builder.snapshot.tables.find((table) => fold(table.name) === fold(record.table));

  if (record && existing) {
    const listed = new Set(record.keys.map(fold));
    const added = keys.filter((key) => !listed.has(fold(key)));
    if (added.length === 0) return `sources already listed on ${existing.sheet}`;
    builder.appendTableRows(existing.name, existing.sheet, added.map(sourceRow));
    const next: SourcesRecord = {
      table: existing.name,
      sheet: existing.sheet,
      keys: [...record.keys, ...added],
    };
    builder.metadata(SOURCES_KEY, JSON.stringify(next));
    return `${count(added.length, "new source")} listed on ${existing.sheet}`;
  }

  // No Sources table yet (or the user deleted it): a fresh one on its own sheet, re-listing what
  // earlier inserts cited so the sheet stays complete.
  const all = ordered([...(record?.keys ?? []), ...keys]);
  const { sheet, table } = builder.tableSheet(
    "Sources",
    "REE_Sources",
    SOURCE_COLUMNS,
    all.map(sourceRow),
    SOURCE_WIDTHS,
  );
  builder.print(sheet);
  builder.metadata(
    SOURCES_KEY,
    JSON.stringify({ table, sheet, keys: all } satisfies SourcesRecord),
  );
  return `${count(all.length, "source")} listed on ${sheet}`;
}
