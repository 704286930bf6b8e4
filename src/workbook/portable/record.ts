/**
 * The Portability sheet: one row per converted cell (or spilled table) with its original formula,
 * what replaced it, when, and a fingerprint of what was written. It travels with the workbook, so
 * anyone can see what the add-in changed, and "Restore live formulas" reads it back, restoring
 * only cells whose content still matches their fingerprint. Workbook metadata says where it is.
 */
import { DATA_VERSION, type CellValue } from "../../data";
import { cellAddress, parseRange } from "../address";
import { value } from "../cells";
import type { PlanBuilder } from "../plan";
import type { CellBlock, CellInput, SheetRef, WorkbookSnapshot } from "../port";
import type { CellContent } from "../reads";
import type { Conversion } from "./convert";
import { canonical, numberLiteral } from "./formula";

/** Metadata key: the Portability table and its sheet. */
export const PORTABLE_KEY = "ree.portable";
export const PORTABILITY_SHEET = "Portability";

export const PORTABILITY_COLUMNS = [
  "Sheet",
  "Cells",
  "Original formula",
  "Converted to",
  "How",
  "Note",
  "Sources",
  "Converted at",
  "Data version",
  "Fingerprint",
  "Restored at",
  "Tracked as",
] as const;
/** Tables made before cells were tracked by name have the columns up to "Restored at". */
const UNTRACKED_COLUMNS = PORTABILITY_COLUMNS.length - 1;
/** Hidden-purpose names that follow converted cells when rows or columns move. */
const TRACKING_NAME = "REE_Portable";
type Column = (typeof PORTABILITY_COLUMNS)[number];

const WIDTHS = [110, 70, 360, 300, 60, 360, 120, 150, 80, 80, 150, 120];

interface Location {
  table: string;
  sheet: string;
  /** Set when the table has the "Tracked as" column. */
  tracked?: boolean;
}

function typed(content: CellValue | undefined): string {
  if (content === null || content === undefined || content === "") return "";
  if (typeof content === "number") return `n:${numberLiteral(content)}`;
  if (typeof content === "boolean") return `b:${content}`;
  return `s:${content}`;
}

/** A cell's content in a form equal for what was written and what the host reads back. */
function comparable(cell: CellInput | CellContent): string {
  if ("kind" in cell) return cell.kind === "formula" ? canonical(cell.formula) : typed(cell.value);
  return cell.formula !== null ? canonical(cell.formula) : typed(cell.value);
}

/** FNV-1a (32 bit) of the cells' contents: enough to tell whether anyone changed them. */
export function fingerprint(cells: readonly (readonly (CellInput | CellContent)[])[]): string {
  let hash = 0x811c9dc5;
  for (const char of cells.map((row) => row.map(comparable).join("\u0001")).join("\u0002")) {
    hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

function location(snapshot: WorkbookSnapshot): Location | null {
  try {
    const record = JSON.parse(snapshot.metadata[PORTABLE_KEY] ?? "") as Partial<Location>;
    if (typeof record.table !== "string") return null;
    // The table knows its sheet even if the user renamed it.
    const table = snapshot.tables.find((t) => t.name.toLowerCase() === record.table?.toLowerCase());
    return {
      table: record.table,
      sheet: table?.sheet ?? String(record.sheet ?? ""),
      tracked: record.tracked === true,
    };
  } catch {
    return null;
  }
}

/** Where the Portability table is, when the workbook has one. */
export function portabilityTable(snapshot: WorkbookSnapshot): Location | null {
  const found = location(snapshot);
  return found && snapshot.tables.some((t) => t.name.toLowerCase() === found.table.toLowerCase())
    ? found
    : null;
}

/**
 * Appends a row per conversion to the Portability table, creating it on its own sheet first. Each
 * converted range gets a workbook name that Excel moves with it when rows or columns are inserted
 * or deleted, so a restore finds the cells where they are now.
 */
export function recordConversions(
  builder: PlanBuilder,
  conversions: readonly Conversion[],
  convertedAt: string,
): string {
  const existing = portabilityTable(builder.snapshot);
  const tracked = !existing || existing.tracked === true;
  // No comment on the names: they are hidden (no Name Manager shows one), the "Tracked as" column
  // says what each is for, and a comment per converted cell would add 7 MB to 100,000 conversions.
  const names = tracked ? builder.numberedNames(TRACKING_NAME, conversions) : [];
  const rows = conversions.map((conversion, index): CellInput[] => {
    const cells: Record<Column, CellInput> = {
      Sheet: value(conversion.sheet),
      Cells: value(conversion.address),
      "Original formula": value(conversion.original),
      "Converted to": value(conversion.converted),
      How: value(conversion.how),
      Note: value(conversion.note),
      Sources: value(conversion.sources.join(", ")),
      "Converted at": value(convertedAt),
      "Data version": value(DATA_VERSION.version),
      Fingerprint: value(fingerprint(conversion.cells)),
      "Restored at": value(null),
      "Tracked as": value(names[index] ?? null),
    };
    const row = PORTABILITY_COLUMNS.map((column) => cells[column]);
    return tracked ? row : row.slice(0, UNTRACKED_COLUMNS);
  });
  if (existing) {
    builder.appendTableRows(existing.table, existing.sheet, rows);
    return existing.sheet;
  }
  const { sheet, table } = builder.tableSheet(
    PORTABILITY_SHEET,
    "REE_Portability",
    PORTABILITY_COLUMNS,
    rows,
    WIDTHS,
  );
  builder.metadata(
    PORTABLE_KEY,
    JSON.stringify({ table, sheet, tracked: true } satisfies Location),
  );
  return sheet;
}

/** One row of the Portability table, with where its "Restored at" cell is. */
export interface PortabilityRecord extends SheetRef {
  original: string;
  fingerprint: string;
  restoredAt: string;
  /** The name that follows the converted cells; "" for records made before names were kept. */
  trackedAs: string;
  /** The record's "Restored at" cell on the Portability sheet. */
  restoredCell: SheetRef;
  /** Why the record itself cannot be trusted (someone edited it); null when it is sound. */
  problem: string | null;
}

/** Why a record's own cells cannot be restored from, or null. */
function recordProblem(
  address: string,
  original: string,
  originalIsFormula: boolean,
): string | null {
  if (originalIsFormula || !original.startsWith("=")) {
    return 'its "Original formula" on the Portability sheet was edited and is no longer the formula as text';
  }
  try {
    parseRange(address);
    return null;
  } catch {
    return 'its "Cells" on the Portability sheet is not an address';
  }
}

/** The records of the Portability table, read from its sheet's cells (header row first). */
export function readRecords(location: Location, blocks: readonly CellBlock[]): PortabilityRecord[] {
  const block = blocks.find((b) => b.sheet.toLowerCase() === location.sheet.toLowerCase());
  if (!block) return [];
  const start = parseRange(block.address);
  const text = (row: CellValue[], column: Column) =>
    String(row[PORTABILITY_COLUMNS.indexOf(column)] ?? "");
  const header = block.values.findIndex((row) =>
    PORTABILITY_COLUMNS.slice(0, UNTRACKED_COLUMNS).every((column, i) => row[i] === column),
  );
  const originalColumn = PORTABILITY_COLUMNS.indexOf("Original formula");
  const hasTracking = block.values[header][UNTRACKED_COLUMNS] === "Tracked as";
  if (header < 0) return [];
  const records: PortabilityRecord[] = [];
  for (let r = header + 1; r < block.values.length; r++) {
    const row = block.values[r];
    if (text(row, "Sheet") === "") break;
    const address = text(row, "Cells");
    const original = text(row, "Original formula");
    records.push({
      sheet: text(row, "Sheet"),
      address,
      original,
      fingerprint: text(row, "Fingerprint"),
      restoredAt: text(row, "Restored at"),
      trackedAs: hasTracking ? text(row, "Tracked as") : "",
      problem: recordProblem(address, original, block.formulas[r]?.[originalColumn] != null),
      restoredCell: {
        sheet: block.sheet,
        address: cellAddress({
          row: start.row + r,
          column: start.column + PORTABILITY_COLUMNS.indexOf("Restored at"),
        }),
      },
    });
  }
  return records;
}
