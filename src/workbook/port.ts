import type { CellValue } from "../data";
import type { EntityCard } from "../model/card";

/**
 * The narrow interface between the workbook writers and a spreadsheet host. Writers plan what to
 * write from a snapshot (one read) and hand the whole plan to `apply` (one write), so every insert
 * action costs at most two round trips whatever its size. Implementations: src/excel (Office.js)
 * and src/preview (HyperFormula). Nothing here knows about Office.js.
 */

/**
 * One cell to write. A `value` string is always stored as text, even when it looks like a formula,
 * a number or a date (see hostInput in cells.ts); only a `formula` is ever evaluated.
 */
export type CellInput =
  { kind: "value"; value: string | number | boolean | null } | { kind: "formula"; formula: string };

export interface SheetRef {
  sheet: string;
  /** A1-style address without the sheet, e.g. "B2" or "B2:F40". */
  address: string;
}

export interface SnapshotRequest {
  /**
   * Cells that must be empty before writing at the selection: `rows` x `columns` from the top-left
   * cell of the user's selection. The host resolves the address in the same read.
   */
  probe?: { rows: number; columns: number };
}

export interface WorkbookSnapshot {
  sheetNames: string[];
  /** Every table in the workbook, the sheet it is on and how many data rows it has (below its header). */
  tables: { name: string; sheet: string; dataRows: number }[];
  /** Workbook-scoped defined names. */
  definedNames: string[];
  /**
   * What each workbook-scoped name refers to ("=Sheet1!$B$2"; "=Sheet1!#REF!" once its cells are
   * deleted), where the host reads it: names move with their cells on row and column inserts and
   * deletes, but not when a sort moves cell contents.
   */
  nameFormulas?: Record<string, string>;
  /** Add-in metadata stored in the workbook (Excel: workbook settings), by key. */
  metadata: Record<string, string>;
  activeSheet: string;
  /** Top-left cell of the user's selection. */
  selection: SheetRef;
  /** The probed range, when one was asked for, and whether it holds no value and no formula. */
  probe?: { target: SheetRef; isEmpty: boolean };
}

export interface BlockWrite extends SheetRef {
  /** Rectangular: every row has the same length, matching the address. */
  cells: CellInput[][];
  /** Optional number formats, same shape as cells (null = General). */
  numberFormats?: (string | null)[][];
  /** Rows of the block (0 = first) to make bold: headers, titles. */
  boldRows?: number[];
  /** Columns of the block (0 = first) whose text wraps within the column width: notes, sources. */
  wrapColumns?: number[];
  /**
   * What the cells held before, when the block writes over content (a conversion, a restore): a
   * host that cannot undo a failed write puts this back instead of clearing the cells.
   */
  previous?: CellInput[][];
}

export interface TableWrite extends SheetRef {
  /** Unique workbook table name (the planner made it unique). The first row is the header. */
  name: string;
  style?: string;
}

/** Rows appended to the end of an existing table; the host inserts them, never overwriting. */
export interface TableRowsWrite {
  table: string;
  /** The sheet the table is on (for the summary and hosts that track tables themselves). */
  sheet: string;
  cells: CellInput[][];
  /**
   * The data rows the table had when the insert read the workbook: these go after them. A host that
   * cannot undo a failed write finds the rows it appended there, and takes them for its own only
   * while the table holds exactly those and these (a co-author's rows added meanwhile stay).
   */
  rowsBefore: number;
}

/**
 * Add-in metadata to store under `key`, with what it replaces as the insert read it (absent: the
 * key was not set), for a host that cannot undo a failed write to put back.
 */
export interface MetadataWrite {
  key: string;
  value: string;
  previous?: string;
}

export interface NameWrite extends SheetRef {
  name: string;
  comment?: string;
  /** Kept out of the Name Manager's list (the add-in's own bookkeeping). */
  hidden?: boolean;
}

export interface ChartWrite {
  sheet: string;
  /** Source data including the header row, category column first (x axis), then one column per series. */
  dataAddress: string;
  /**
   * Series names, one per value column. Hosts set them explicitly rather than reading the header row,
   * because the data may still be calculating when the chart is made.
   */
  seriesNames: string[];
  /**
   * True when the source holds values written as such (Excel makes a series of each value column
   * as it makes the chart); false when it holds formulas, which may still be calculating, so Excel
   * may make no series and the host adds each from its column.
   */
  sourceCalculated: boolean;
  /** Where the chart goes: a cell (top-left corner) or a range it covers. */
  anchor: string;
  title: string;
  /** A line over the categories, or horizontal bars (a tornado). */
  type: "line" | "bar";
}

/** A cell note (Excel: a note; where Excel has no notes API, a comment). */
export interface NoteWrite extends SheetRef {
  text: string;
}

/**
 * A citation card (an Excel entity value, ExcelApi 1.16) in one cell. Written after the blocks, so
 * a card goes over the plain figure a block put there; `previous` is the card it replaces, when it
 * replaces one ("Update to current"), for a host that puts back what a failed write changed.
 */
export interface CardWrite extends SheetRef {
  card: EntityCard;
  previous?: EntityCard;
}

export interface ColumnWidths {
  sheet: string;
  firstColumn: string;
  /** Points, first column first. */
  widths: number[];
}

/** How a sheet this plan creates prints: A4 landscape, one page wide, its header rows on every page. */
export interface PrintSetup {
  sheet: string;
  /** Rows repeated at the top of every printed page, e.g. "$1:$1". */
  titleRows: string;
}

export interface WritePlan {
  /** Sheets to create, in order, with names already unique. */
  newSheets: string[];
  blocks: BlockWrite[];
  tables: TableWrite[];
  tableRows: TableRowsWrite[];
  names: NameWrite[];
  charts: ChartWrite[];
  /** Only ever for sheets this plan creates: the user's column layout is theirs. */
  columnWidths: ColumnWidths[];
  /** Metadata to store (replacing any value under the same key), written last. */
  metadata: MetadataWrite[];
  /** What to activate and select after writing. */
  select?: SheetRef;
  /** Notes on single cells the plan writes (a figure's citation). */
  notes?: NoteWrite[];
  /** Page setup, only for sheets this plan creates. */
  print?: PrintSetup[];
  /** Cards on single cells the plan writes; only for a host whose cardSupport() says it can. */
  cards?: CardWrite[];
}

/** A plan that writes nothing yet: what a PlanBuilder starts from. */
export function emptyWritePlan(): WritePlan {
  return {
    newSheets: [],
    blocks: [],
    tables: [],
    tableRows: [],
    names: [],
    charts: [],
    columnWidths: [],
    metadata: [],
  };
}

/** Whether a host stores cards in cells, and if not, why not (in words for the pane). */
export type CardSupport = { ok: true } | { ok: false; reason: string };

export interface WorkbookPort {
  /** One read: names in use, add-in metadata, the selection and whether the probe is empty. */
  snapshot(request?: SnapshotRequest): Promise<WorkbookSnapshot>;
  /** One write: the whole plan, or nothing if the host rejects it (hosts undo a partial write). */
  apply(plan: WritePlan): Promise<void>;
  /** Activate a sheet and select a range (e.g. "Select inserted range"). */
  select(target: SheetRef): Promise<void>;
  /** Whether `apply` can write cards; asked before the pane offers them. No round trip. */
  cardSupport(): CardSupport;
}

/** Which cells a read covers: the used range of the named sheets, or of the selection. */
export type CellScope = { sheets: readonly string[] } | "selection";

/** What a rectangle of cells holds, row by row. */
export interface CellBlock extends SheetRef {
  /** The formula ("=...") where a cell holds one, null where it holds a value or nothing. */
  formulas: (string | null)[][];
  /** What each cell shows: a formula's result, an error as its code ("#N/A"), null when empty. */
  values: CellValue[][];
}

/** Where a formula's dynamic array spills, and what it shows there; null when it does not spill. */
export interface SpillRead {
  anchor: SheetRef;
  spill: { address: string; values: CellValue[][] } | null;
}

/** Reads the portability and vintage actions need beyond the snapshot; each is one round trip. */
export interface CellReader {
  /** Every non-empty cell of the scope, as one block per sheet (none for an empty scope). */
  readCells(scope: CellScope): Promise<CellBlock[]>;
  /** The spill area of each anchor cell, in the order asked. */
  readSpills(anchors: readonly SheetRef[]): Promise<SpillRead[]>;
  /**
   * The entity value (card JSON) each cell holds, in the order asked; null where it holds none.
   * A card cell reads as "#VALUE!" in readCells (Excel's plain value of an entity), so callers ask
   * only about those.
   */
  readCards(cells: readonly SheetRef[]): Promise<unknown[]>;
}

/** Follows the user's selection: Excel's onSelectionChanged, the preview's grid. */
export interface SelectionWatch {
  /** Calls `listener` after each change of selection; returns what stops it. */
  watchSelection(listener: () => void): () => void;
}

/**
 * A host that can also read cells: both the Office.js port and the preview are one. A host that
 * cannot follow the selection leaves `watchSelection` out (the Cell view then reads on request).
 */
export type ReadableWorkbookPort = WorkbookPort & CellReader & Partial<SelectionWatch>;

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
