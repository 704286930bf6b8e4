/**
 * Builds a WritePlan from a snapshot: every sheet, table and defined name it adds is made unique
 * against the workbook and against what the plan itself already adds. Pure: no host, no I/O.
 */
import { parseRange, rangeAddress, type CellPosition } from "./address";
import { EMPTY, value } from "./cells";
import type { EntityCard } from "../model/card";
import {
  emptyWritePlan,
  type CellInput,
  type ChartWrite,
  type MetadataWrite,
  type SheetRef,
  type WorkbookSnapshot,
  type WritePlan,
} from "./port";
import type { Fact } from "../data";
import { uniqueName, uniqueSheetName } from "./naming";

/** Cells with their number formats, bold rows and wrapped columns, built row by row by the writers. */
export interface Grid {
  cells: CellInput[][];
  formats: (string | null)[][];
  boldRows: number[];
  wrapColumns?: number[];
}

export type Placement = "selection" | "new-sheet";

/** Content written over cells that hold something (a conversion, a restore), with what they held. */
export interface Overwrite extends SheetRef {
  cells: CellInput[][];
  previous: CellInput[][];
}

/** Items a summary counts rather than spells out, under a label ("Names"). */
export interface Listed {
  label: string;
  items: string[];
}

/** A fact an insert wrote, and the cell it wrote the figure into when it wrote a value. */
export interface FigureUse {
  fact: Fact;
  cell?: SheetRef;
  /** The cell in the same row that holds the fact's id, where the insert wrote one. */
  idCell?: SheetRef;
  /** The cells in the same row that hold the fact's low and high, where the insert wrote them. */
  boundCells?: { low: SheetRef; high: SheetRef };
}

/** What a writer hands back to its action. */
export interface Planned {
  plan: WritePlan;
  /** The range the insert's main content occupies. */
  target: SheetRef;
  summary: string;
  /** A list the summary only counts (the names an insert defined), for the user to open. */
  listed?: Listed;
  /** The facts the insert wrote, for the workbook's pinned data vintage. */
  figures?: FigureUse[];
}

const TABLE_STYLE = "TableStyleMedium2";

/**
 * Metadata to store under `key`, with the value it replaces as `metadata` (the snapshot's) holds it,
 * so a host that cannot undo a failed write can put it back.
 */
export function metadataWrite(
  metadata: Readonly<Record<string, string>>,
  key: string,
  value: string,
): MetadataWrite {
  return Object.prototype.hasOwnProperty.call(metadata, key)
    ? { key, value, previous: metadata[key] }
    : { key, value };
}

/** "1 fact", "12 facts", "10,000 facts". */
export function count(n: number, noun: string): string {
  return `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;
}

function gridSize(grid: Grid): { rows: number; columns: number } {
  return { rows: grid.cells.length, columns: grid.cells[0]?.length ?? 0 };
}

export class PlanBuilder {
  private readonly sheets: string[];
  private readonly names: string[];
  private readonly plan: WritePlan = emptyWritePlan();

  /**
   * Set when several planners share this builder (the standalone workbook): listSources collects
   * their sources here, to be listed once on one Sources sheet at the end.
   */
  citedLater?: Set<string>;

  constructor(readonly snapshot: WorkbookSnapshot) {
    this.sheets = [...snapshot.sheetNames];
    this.names = [...snapshot.definedNames, ...snapshot.tables.map((table) => table.name)];
  }

  /** Adds a sheet with a unique name based on `base` and returns that name. */
  newSheet(base: string): string {
    const name = uniqueSheetName(base, this.sheets);
    this.sheets.push(name);
    this.plan.newSheets.push(name);
    return name;
  }

  isNewSheet(sheet: string): boolean {
    return this.plan.newSheets.includes(sheet);
  }

  /**
   * Where a block goes: at the probed selection (which the action has checked is empty) or at A1 of
   * a new sheet named after `sheetBase`.
   */
  place(placement: Placement, sheetBase: string): { sheet: string; start: CellPosition } {
    if (placement === "new-sheet") return { sheet: this.newSheet(sheetBase), start: A1 };
    const probe = this.snapshot.probe;
    if (!probe) throw new Error("Placing at the selection needs a probed snapshot");
    const { row, column } = parseRange(probe.target.address);
    return { sheet: probe.target.sheet, start: { row, column } };
  }

  /** Writes a grid with its top-left cell at `start`; returns the range it covers. */
  block(sheet: string, start: CellPosition, grid: Grid): SheetRef {
    const { rows, columns } = gridSize(grid);
    if (rows === 0 || columns === 0) throw new Error("A block needs at least one cell");
    if (grid.cells.some((row) => row.length !== columns))
      throw new Error("A block must be rectangular");
    const address = rangeAddress({ ...start, rows, columns });
    this.plan.blocks.push({
      sheet,
      address,
      cells: grid.cells,
      numberFormats: grid.formats,
      boldRows: grid.boldRows,
      ...(grid.wrapColumns ? { wrapColumns: grid.wrapColumns } : {}),
    });
    return { sheet, address };
  }

  /**
   * Writes over cells that hold content: without number formats, so the user's formatting stays,
   * and with what they held, so a failed write can be put back. Single cells in one column on
   * consecutive rows become one block (one range write in Excel), so thousands of scattered
   * formulas in a model's columns cost a few writes.
   */
  overwrite(writes: readonly Overwrite[]): void {
    const single = (write: Overwrite) => !write.address.includes(":");
    for (const write of writes.filter((w) => !single(w))) this.plan.blocks.push({ ...write });
    const cells = writes
      .filter(single)
      .map((write) => ({ write, at: parseRange(write.address) }))
      .sort(
        (a, b) =>
          a.write.sheet.localeCompare(b.write.sheet) ||
          a.at.column - b.at.column ||
          a.at.row - b.at.row,
      );
    let run: typeof cells = [];
    const flush = () => {
      if (run.length === 0) return;
      const [first] = run;
      this.plan.blocks.push({
        sheet: first.write.sheet,
        address: rangeAddress({ ...first.at, rows: run.length, columns: 1 }),
        cells: run.map(({ write }) => write.cells[0]),
        previous: run.map(({ write }) => write.previous[0]),
      });
      run = [];
    };
    for (const cell of cells) {
      const last = run[run.length - 1];
      const follows =
        last &&
        last.write.sheet === cell.write.sheet &&
        last.at.column === cell.at.column &&
        last.at.row + 1 === cell.at.row;
      if (!follows) flush();
      run.push(cell);
    }
    flush();
  }

  /**
   * A new sheet holding one table at A1, a bold header row then `rows`, its columns `widths`
   * points wide; returns the sheet's and the table's unique names (from `sheetBase`, `tableBase`).
   */
  tableSheet(
    sheetBase: string,
    tableBase: string,
    header: readonly string[],
    rows: readonly CellInput[][],
    widths: number[],
  ): { sheet: string; table: string } {
    const grid = new GridBuilder(header.length);
    grid.heading(header);
    for (const row of rows) grid.row(row);
    const sheet = this.newSheet(sheetBase);
    const table = this.table(this.block(sheet, A1, grid.build()), tableBase);
    this.columnWidths(sheet, widths);
    return { sheet, table };
  }

  /** Adds a table over `range` (header row first) with a unique name based on `base`. */
  table(range: SheetRef, base: string): string {
    const name = this.uniqueName(base);
    this.plan.tables.push({ ...range, name, style: TABLE_STYLE });
    return name;
  }

  /**
   * Rows appended to an existing table, after the rows the snapshot saw in it; a second append to
   * the same table joins the first, so each table's rows follow the rows it had.
   */
  appendTableRows(table: string, sheet: string, cells: CellInput[][]): void {
    const fold = (name: string) => name.toLowerCase();
    const known = this.snapshot.tables.find((t) => fold(t.name) === fold(table));
    if (!known) throw new Error(`There is no table ${table} to append rows to`);
    const planned = this.plan.tableRows.find((rows) => fold(rows.table) === fold(table));
    if (planned) planned.cells.push(...cells);
    else this.plan.tableRows.push({ table, sheet, cells, rowsBefore: known.dataRows });
  }

  /** Adds a workbook-scoped name for `range` with a unique name based on `base`. */
  definedName(base: string, range: SheetRef, comment?: string): string {
    const name = this.uniqueName(base);
    this.plan.names.push({ ...range, name, comment });
    return name;
  }

  /**
   * Hidden workbook-scoped names `${base}_1`, `${base}_2`... (skipping any in use), one per
   * range, in order: one pass, however many ranges.
   */
  numberedNames(base: string, ranges: readonly SheetRef[]): string[] {
    const used = new Set(this.names.map((name) => name.toLowerCase()));
    let n = 0;
    return ranges.map((range) => {
      let name: string;
      do name = `${base}_${++n}`;
      while (used.has(name.toLowerCase()));
      this.names.push(name);
      this.plan.names.push({
        sheet: range.sheet,
        address: range.address,
        name,
        hidden: true,
      });
      return name;
    });
  }

  chart(chart: ChartWrite): void {
    this.plan.charts.push(chart);
  }

  /** Column widths in points from column A; only for a sheet this plan creates. */
  columnWidths(sheet: string, widths: number[]): void {
    if (!this.isNewSheet(sheet)) return;
    this.plan.columnWidths.push({ sheet, firstColumn: "A", widths });
  }

  /** A4 landscape, one page wide, `titleRows` repeated on every page; only for a sheet this plan creates. */
  print(sheet: string, titleRows = "$1:$1"): void {
    if (!this.isNewSheet(sheet)) return;
    (this.plan.print ??= []).push({ sheet, titleRows });
  }

  metadata(key: string, value: string): void {
    this.plan.metadata.push(metadataWrite(this.snapshot.metadata, key, value));
  }

  select(target: SheetRef): void {
    this.plan.select = target;
  }

  note(cell: SheetRef, text: string): void {
    (this.plan.notes ??= []).push({ ...cell, text });
  }

  /** A citation card in one cell, over whatever a block of this plan writes there. */
  card(cell: SheetRef, card: EntityCard, previous?: EntityCard): void {
    (this.plan.cards ??= []).push(previous ? { ...cell, card, previous } : { ...cell, card });
  }

  build(): WritePlan {
    return this.plan;
  }

  /** The insert's result: the plan, selecting `target` (its main content) when applied. */
  finish(
    target: SheetRef,
    summary: string,
    more: Pick<Planned, "listed" | "figures"> = {},
  ): Planned {
    this.select(target);
    return { plan: this.build(), target, summary, ...more };
  }

  private uniqueName(base: string): string {
    const name = uniqueName(base, this.names);
    this.names.push(name);
    return name;
  }
}

const A1: CellPosition = { row: 0, column: 0 };

/** Builds a Grid row by row. */
export class GridBuilder {
  private readonly grid: Grid = { cells: [], formats: [], boldRows: [] };

  constructor(
    private readonly columns: number,
    wrapColumns?: number[],
  ) {
    if (wrapColumns) this.grid.wrapColumns = wrapColumns;
  }

  /** Appends a row (padded with empty cells) and returns its index. */
  row(cells: CellInput[], formats: (string | null)[] = [], bold = false): number {
    if (cells.length > this.columns) throw new Error("Row is wider than the grid");
    const index = this.grid.cells.length;
    this.grid.cells.push([...cells, ...Array(this.columns - cells.length).fill(EMPTY)]);
    this.grid.formats.push(
      Array.from({ length: this.columns }, (_, column) => formats[column] ?? null),
    );
    if (bold) this.grid.boldRows.push(index);
    return index;
  }

  /** Appends a bold row of text (a title, or a header's column labels) and returns its index. */
  heading(texts: readonly string[]): number {
    return this.row(
      texts.map((text) => value(text)),
      [],
      true,
    );
  }

  get rowCount(): number {
    return this.grid.cells.length;
  }

  build(): Grid {
    return this.grid;
  }
}
