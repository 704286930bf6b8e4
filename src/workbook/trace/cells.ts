/**
 * The workbook as one read gave it (a snapshot and the cells of every sheet), indexed for the
 * in-memory walks: the precedent trace, the re-evaluation of an REE call, the builder's live result.
 */
import type { CellValue } from "../../data";
import { parseRange, rangeAddress, type RangeBox } from "../address";
import type { CellBlock, SheetRef, WorkbookSnapshot } from "../port";
import { formulaReferences } from "./references";

/** What a trace reads from the host: one snapshot and the cells of every sheet. */
export interface WorkbookRead {
  snapshot: WorkbookSnapshot;
  blocks: readonly CellBlock[];
}

export interface Content {
  formula: string | null;
  value: CellValue;
}

interface SheetCells {
  name: string;
  cells: Map<number, Content>;
}

const WIDTH = 16_384;
const fold = (text: string) => text.toLowerCase();
const cellKey = (row: number, column: number) => row * WIDTH + column;
/** How far left of a cell its row label may be. */
const LABEL_REACH = 8;

/** The workbook's cells by sheet, for lookups in constant time. */
export class CellIndex {
  private readonly sheets = new Map<string, SheetCells>();

  private readonly names = new Map<string, string>();

  constructor(read: WorkbookRead) {
    for (const [name, formula] of Object.entries(read.snapshot.nameFormulas ?? {})) {
      this.names.set(fold(name), formula);
    }
    for (const block of read.blocks) {
      const sheet = this.sheet(block.sheet, true) as SheetCells;
      const start = parseRange(block.address);
      block.values.forEach((row, r) =>
        row.forEach((value, c) => {
          const formula = block.formulas[r]?.[c] ?? null;
          if (formula === null && (value === null || value === "")) return;
          sheet.cells.set(cellKey(start.row + r, start.column + c), { formula, value });
        }),
      );
    }
  }

  private sheet(name: string, create = false): SheetCells | undefined {
    let found = this.sheets.get(fold(name));
    if (!found && create) this.sheets.set(fold(name), (found = { name, cells: new Map() }));
    return found;
  }

  /** What a workbook-scoped name refers to ("=Sheet1!$B$2"), if it is defined. */
  nameFormula(name: string): string | undefined {
    return this.names.get(fold(name));
  }

  /** The sheet's name as the workbook spells it, if it was read. */
  sheetName(name: string): string | undefined {
    return this.sheet(name)?.name;
  }

  at(sheet: string, row: number, column: number): Content | undefined {
    return this.sheet(sheet)?.cells.get(cellKey(row, column));
  }

  /** The filled cells of a box (a whole column is bounded by what the sheet holds), row by row. */
  filledIn(sheet: string, box: RangeBox): { row: number; column: number }[] {
    const cells = this.sheet(sheet)?.cells;
    if (!cells) return [];
    const found: { row: number; column: number }[] = [];
    if (box.rows * box.columns <= cells.size) {
      for (let row = box.row; row < box.row + box.rows; row++) {
        for (let column = box.column; column < box.column + box.columns; column++) {
          if (cells.has(cellKey(row, column))) found.push({ row, column });
        }
      }
      return found;
    }
    for (const key of cells.keys()) {
      const [row, column] = [Math.floor(key / WIDTH), key % WIDTH];
      if (
        row >= box.row &&
        row < box.row + box.rows &&
        column >= box.column &&
        column < box.column + box.columns
      ) {
        found.push({ row, column });
      }
    }
    return found.sort((a, b) => a.row - b.row || a.column - b.column);
  }

  /** The nearest text to the left of a cell in its row: the row's label in a model layout. */
  label(sheet: string, row: number, column: number): string | null {
    for (let c = column - 1; c >= Math.max(0, column - LABEL_REACH); c--) {
      const content = this.at(sheet, row, c);
      if (content && content.formula === null && typeof content.value === "string") {
        return content.value;
      }
    }
    return null;
  }

  /**
   * The one area a reference names ("B7", "Inputs!B2:B9", a defined name over one), on `sheet`
   * unless it says another; null for anything else (several areas, an expression).
   */
  areaOf(text: string, sheet: string): (SheetRef & { box: RangeBox }) | null {
    const [only, ...rest] = formulaReferences(text);
    if (!only || rest.length > 0) return null;
    if (only.kind === "name") {
      const target = this.nameFormula(only.name);
      return target ? this.areaOf(target, sheet) : null;
    }
    if (only.spill) return null;
    const onSheet = this.sheetName(only.sheet ?? sheet) ?? only.sheet ?? sheet;
    return { sheet: onSheet, address: rangeAddress(only.box), box: only.box };
  }

  /** What an area shows, row by row (empty cells null); a whole column stops at the last filled row. */
  valuesIn(sheet: string, box: RangeBox): CellValue[][] {
    const filled = this.filledIn(sheet, box);
    if (filled.length === 0) return [];
    const last = {
      row: Math.max(...filled.map((cell) => cell.row)),
      column: Math.max(...filled.map((cell) => cell.column)),
    };
    const rows = Math.min(box.rows, last.row - box.row + 1);
    const columns = Math.min(box.columns, last.column - box.column + 1);
    return Array.from({ length: rows }, (_, r) =>
      Array.from(
        { length: columns },
        (_, c) => this.at(sheet, box.row + r, box.column + c)?.value ?? null,
      ),
    );
  }
}
