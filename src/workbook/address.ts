/** A1 addresses: zero-based row/column indexes to and from "B2", "B2:F40" and "'Sheet'!$B$2". */

export interface CellPosition {
  /** Zero-based. */
  row: number;
  /** Zero-based. */
  column: number;
}

export interface RangeBox extends CellPosition {
  rows: number;
  columns: number;
}

/** Excel's grid. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** "A" -> 0, "AA" -> 26 (case-insensitive). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const char of letters.toUpperCase()) n = n * 26 + (char.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress({ row, column }: CellPosition): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** "B2" for one cell, "B2:F40" otherwise. */
export function rangeAddress({ row, column, rows, columns }: RangeBox): string {
  const start = cellAddress({ row, column });
  if (rows === 1 && columns === 1) return start;
  return `${start}:${cellAddress({ row: row + rows - 1, column: column + columns - 1 })}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

export function parseCell(address: string): CellPosition {
  const match = CELL.exec(address.trim());
  if (!match) throw new Error(`Not a cell address: ${address}`);
  return { row: Number(match[2]) - 1, column: columnIndex(match[1]) };
}

/** "B2" or "B2:F40" (with or without $) to a box. */
export function parseRange(address: string): RangeBox {
  const [first, last = first] = address.split(":");
  const a = parseCell(first);
  const b = parseCell(last);
  const row = Math.min(a.row, b.row);
  const column = Math.min(a.column, b.column);
  return {
    row,
    column,
    rows: Math.abs(a.row - b.row) + 1,
    columns: Math.abs(a.column - b.column) + 1,
  };
}

/** "B2:F40" -> "$B$2:$F$40". */
export function absolute(address: string): string {
  return address
    .split(":")
    .map((part) => {
      const { row, column } = parseCell(part);
      return `$${columnLetters(column)}$${row + 1}`;
    })
    .join(":");
}

/** A sheet name as formulas quote it: always in apostrophes, inner apostrophes doubled. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** "'My sheet'!$B$2" */
export function qualified(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${absolute(address)}`;
}

/** "'My ''x'' sheet'!B2:C3" or "Sheet1!B2" -> sheet and address (no $). */
export function parseQualified(reference: string): { sheet: string; address: string } {
  const text = reference.trim().replace(/^=/, "");
  const bang = text.lastIndexOf("!");
  if (bang < 0) throw new Error(`Not a sheet-qualified address: ${reference}`);
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: text.slice(bang + 1).replace(/\$/g, "") };
}

/**
 * Whether Excel writes the sheet name in apostrophes in a reference: anything but letters, digits,
 * "_" and "." (a space, "-", "&"...), a leading digit, or a name that reads as a cell (A1, R1C1).
 */
function needsQuotes(sheet: string): boolean {
  return (
    !/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ||
    /^[A-Za-z]{1,3}\d+$/.test(sheet) ||
    /^(R\d*C?\d*|C\d*)$/i.test(sheet)
  );
}

/** A range as Excel shows and accepts it: "Sheet1!A1:M4", "'REE facts'!A1:M4". */
export function sheetReference({ sheet, address }: { sheet: string; address: string }): string {
  return `${needsQuotes(sheet) ? quoteSheet(sheet) : sheet}!${address}`;
}
