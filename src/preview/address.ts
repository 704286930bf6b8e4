/**
 * The preview grid's selection as a start and end cell, on the one A1 module (workbook/address):
 * what the grid needs beyond it is a lenient parse (a typed address may be anything) and "is this
 * cell in the selection".
 */
import {
  parseCell as parseA1Cell,
  parseQualified,
  parseRange as parseA1Range,
  type CellPosition,
} from "../workbook/address";

export { cellAddress, columnLetters, type CellPosition } from "../workbook/address";

/** "B7" or "$B$7" -> { row: 6, column: 1 } (zero-based); undefined for anything else. */
export function parseCell(address: string): CellPosition | undefined {
  try {
    return parseA1Cell(address);
  } catch {
    return undefined;
  }
}

export interface RangePosition {
  start: CellPosition;
  end: CellPosition;
}

/** "B2:D9" or "B2" (a one-cell range), optionally prefixed by a sheet ("Sheet1!B2"). */
export function parseRange(address: string): RangePosition | undefined {
  try {
    const local = address.includes("!") ? parseQualified(address).address : address;
    const { row, column, rows, columns } = parseA1Range(local);
    return { start: { row, column }, end: { row: row + rows - 1, column: column + columns - 1 } };
  } catch {
    return undefined;
  }
}

export function inRange(position: CellPosition, range: RangePosition | undefined): boolean {
  return (
    !!range &&
    position.row >= range.start.row &&
    position.row <= range.end.row &&
    position.column >= range.start.column &&
    position.column <= range.end.column
  );
}
