/**
 * The narrow interface between the workbook writers and a spreadsheet host. Writers plan what to
 * write from a snapshot (one read) and hand the whole plan to `apply` (one write), so every insert
 * action costs at most two round trips whatever its size. Implementations: src/excel (Office.js)
 * and src/preview (HyperFormula). Nothing here knows about Office.js.
 */

/** One cell to write. Text is always stored as text, even when it looks like a formula. */
export type CellInput =
  { kind: "value"; value: string | number | boolean | null } | { kind: "formula"; formula: string };

export interface SheetRef {
  sheet: string;
  /** A1-style address without the sheet, e.g. "B2" or "B2:F40". */
  address: string;
}

export interface WorkbookSnapshot {
  sheetNames: string[];
  tableNames: string[];
  /** Workbook-scoped defined names. */
  definedNames: string[];
  activeSheet: string;
  /** Top-left cell of the user's selection. */
  selection: SheetRef;
  /** Whether the probed range (if one was asked for) holds no value and no formula. */
  probeIsEmpty: boolean;
}

export interface BlockWrite extends SheetRef {
  /** Rectangular: every row has the same length, matching the address. */
  cells: CellInput[][];
  /** Optional number formats, same shape as cells (null = leave General). */
  numberFormats?: (string | null)[][];
  /** Make the first row bold (a header). */
  boldFirstRow?: boolean;
}

export interface TableWrite extends SheetRef {
  /** Unique workbook table name (the planner made it unique). */
  name: string;
  style?: string;
}

export interface NameWrite extends SheetRef {
  name: string;
  comment?: string;
}

export interface ChartWrite {
  sheet: string;
  /** Source data address including the header row and the category column. */
  dataAddress: string;
  /** Where the chart's top-left corner goes. */
  anchor: string;
  title: string;
  type: "line";
}

export interface WritePlan {
  /** Sheets to create, in order, with names already unique. */
  newSheets: string[];
  blocks: BlockWrite[];
  tables: TableWrite[];
  names: NameWrite[];
  charts: ChartWrite[];
  /** Column widths in points, per sheet, first column first. */
  columnWidths?: { sheet: string; firstColumn: string; widths: number[] }[];
  /** What to activate and select after writing. */
  select?: SheetRef;
}

export interface WorkbookPort {
  /** One read: names in use and whether `probe` is empty. */
  snapshot(probe?: SheetRef): Promise<WorkbookSnapshot>;
  /** One write: the whole plan, or nothing if the host rejects it. */
  apply(plan: WritePlan): Promise<void>;
  /** Activate a sheet and select a range (e.g. "Select inserted range"). */
  select(target: SheetRef): Promise<void>;
}

/** A failure the user can act on: `action` says what to do next. */
export class WorkbookError extends Error {
  constructor(
    message: string,
    readonly action: string,
  ) {
    super(message);
    this.name = "WorkbookError";
  }
}
