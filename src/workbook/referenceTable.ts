/** A reference table (partners, companies, timeline, ...) as an Excel table with citation columns. */
import {
  TABLES,
  tableByName,
  type CellValue,
  type ReferenceTable,
  type TableColumn,
} from "../data";
import { sheetReference } from "./address";
import { value } from "./cells";
import { locatedCitation } from "../data";
import { columnFormat } from "../model/formats";
import { GridBuilder, count, PlanBuilder, type Grid, type Placement, type Planned } from "./plan";
import { WorkbookError, type CellInput, type WorkbookSnapshot } from "./port";
import { listSources } from "./sources";

const CITATION_COLUMNS = ["Source", "Locator", "Evidence", "Citation"] as const;

/** The table, or a WorkbookError naming the tables there are. */
export function requireTable(name: string): ReferenceTable {
  const table = tableByName(name);
  if (!table) {
    throw new WorkbookError(
      `There is no reference table "${name}".`,
      `Choose one of: ${TABLES.map((known) => known.name).join(", ")}.`,
    );
  }
  return table;
}

function cell(column: TableColumn, content: CellValue): CellInput {
  // Dates stay the text the source gives ("2025", "April 2025"): hostInput keeps them text.
  if (column.type === "number" || column.type === "fraction") {
    return value(typeof content === "number" ? content : null);
  }
  return value(content === null ? null : String(content));
}

function referenceGrid(table: ReferenceTable): Grid {
  const grid = new GridBuilder(table.columns.length + CITATION_COLUMNS.length);
  grid.heading([...table.columns.map((column) => column.label), ...CITATION_COLUMNS]);
  const formats = table.columns.map(columnFormat);
  for (const row of table.rows) {
    grid.row(
      [
        ...table.columns.map((column) => cell(column, row[column.key] ?? null)),
        value(row.source),
        value(row.locator),
        value(row.evidence),
        value(locatedCitation(row.source, row.locator)),
      ],
      formats,
    );
  }
  return grid.build();
}

/** "world_production" -> "World production" */
function sheetTitle(table: ReferenceTable): string {
  const words = table.name.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function planReferenceTable(
  snapshot: WorkbookSnapshot,
  table: ReferenceTable,
  placement: Placement,
  builder = new PlanBuilder(snapshot),
): Planned {
  const { sheet, start } = builder.place(placement, sheetTitle(table));
  builder.print(sheet);
  const target = builder.block(sheet, start, referenceGrid(table));
  const name = builder.table(target, `REE_${table.name}`);
  builder.columnWidths(sheet, [
    ...table.columns.map((column) => (column.type === "text" ? 220 : 90)),
    100,
    230,
    360,
    420,
  ]);
  const sources = listSources(
    builder,
    table.rows.map((row) => row.source),
  );
  return builder.finish(
    target,
    `${table.title}: ${count(table.rows.length, "row")} inserted as table ${name} on ${sheetReference(target)}; ${sources}`,
  );
}
