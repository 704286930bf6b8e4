/**
 * The reference data as sheets: every fact with its citation columns, one sheet per reference table,
 * and every source. Values are static (the file needs no add-in); each sheet holds one Excel table.
 */
import { FACTS, SOURCES, TABLES, type ReferenceTable, type TableColumn } from "../data";
import { FORMAT, factFormat, type Scalar, type SheetPlan, type TableSpec } from "./plan";

const FACTS_SHEET = "Facts";
const SOURCES_SHEET = "Sources";

const FACT_HEADERS = [
  "Id",
  "Label",
  "Value",
  "Low",
  "High",
  "Qualifier",
  "Unit",
  "Basis",
  "Period",
  "Topic",
  "Source",
  "Locator",
  "Evidence",
  "Note",
  "Metric",
  "Derived",
];

/** Title, one line of description, a blank row, then the table with its header frozen. */
function titledTableSheet(
  name: string,
  purpose: string,
  title: string,
  description: string,
  table: TableSpec,
) {
  return {
    name,
    purpose,
    cells: [
      { ref: "A1", content: title, style: "title" as const },
      { ref: "A2", content: description, style: "subtitle" as const },
    ],
    tables: [{ ...table, ref: "A4" }],
    names: [],
    frozenRows: 4,
  } satisfies SheetPlan;
}

export function factsSheet(): SheetPlan {
  const rows = FACTS.map((fact) => [
    fact.id,
    fact.label,
    fact.value,
    fact.low,
    fact.high,
    fact.qualifier,
    fact.unit,
    fact.basis,
    fact.period,
    fact.topic,
    fact.source,
    fact.locator,
    fact.evidence,
    fact.note,
    fact.metric,
    fact.derived ? "yes" : null,
  ]);
  const numFmts = FACTS.map((fact) => {
    const format = factFormat(fact);
    return FACT_HEADERS.map((_, column) => (column >= 2 && column <= 4 ? format : undefined));
  });
  return titledTableSheet(
    FACTS_SHEET,
    "Every reference fact with its citation columns",
    "Reference facts",
    "Every figure in the source articles with its citation (Source is an id on the Sources sheet). " +
      "Shares are stored as fractions and shown as percentages; a range's Value is its midpoint. " +
      "Facts sharing a Metric are claims about the same thing from different sources.",
    { name: "Facts", ref: "A4", headers: FACT_HEADERS, rows, numFmts },
  );
}

/** "world_production" -> "World production" (sheet) and "WorldProduction" (table). */
const sheetNameOf = (table: ReferenceTable) =>
  (table.name.charAt(0).toUpperCase() + table.name.slice(1).replace(/_/g, " ")).slice(0, 31);
const tableNameOf = (table: ReferenceTable) =>
  table.name
    .split("_")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");

function columnFormat(column: TableColumn): string | undefined {
  if (column.type === "fraction") return FORMAT.share;
  if (column.type === "number" && column.unit === "t") return FORMAT.tonnes;
  return undefined;
}

export function tableSheets(): SheetPlan[] {
  return TABLES.map((table) => {
    const headers = [
      ...table.columns.map((column) => column.label),
      "Source",
      "Locator",
      "Evidence",
    ];
    const rows: Scalar[][] = table.rows.map((row) => [
      ...table.columns.map((column) => row[column.key] ?? null),
      row.source,
      row.locator,
      row.evidence,
    ]);
    const formats = table.columns.map(columnFormat);
    const numFmts = rows.map(() => headers.map((_, column) => formats[column]));
    return titledTableSheet(sheetNameOf(table), table.title, table.title, table.description, {
      name: tableNameOf(table),
      ref: "A4",
      headers,
      rows,
      numFmts,
    });
  });
}

export function sourcesSheet(): SheetPlan {
  const headers = ["Id", "Publisher", "Title", "Date", "Author", "URL", "Via", "Kind", "Note"];
  const rows = SOURCES.map((source) => [
    source.id,
    source.publisher,
    source.title,
    source.date,
    source.author,
    source.url,
    source.via.length > 0 ? source.via.join(", ") : null,
    source.kind,
    source.note,
  ]);
  return titledTableSheet(
    SOURCES_SHEET,
    "Every source cited: publisher, title, date, author, URL",
    "Sources",
    "Every source the facts and tables cite. 'unknown' means the text names no publisher or date.",
    { name: "Sources", ref: "A4", headers, rows, linkColumns: [5] },
  );
}
