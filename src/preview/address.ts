/** A1 addresses for the preview grid: column letters, parsing cells and ranges. */

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

export interface CellPosition {
  row: number;
  col: number;
}

/** "B7" -> { row: 6, col: 1 } (zero-based); "$B$7" too. Undefined for anything else. */
export function parseCell(address: string): CellPosition | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(address.trim());
  if (!match) return undefined;
  const col = [...match[1].toUpperCase()].reduce((sum, ch) => sum * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(match[2]) - 1, col: col - 1 };
}

export interface RangePosition {
  start: CellPosition;
  end: CellPosition;
}

/** "B2:D9" or "B2" (a one-cell range), optionally prefixed by a sheet ("Sheet1!B2"). */
export function parseRange(address: string): RangePosition | undefined {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [first, last = first] = local.split(":");
  const start = parseCell(first);
  const end = parseCell(last);
  if (!start || !end) return undefined;
  return {
    start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
    end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
  };
}

export function cellAddress({ row, col }: CellPosition): string {
  return `${columnName(col)}${row + 1}`;
}

export function inRange(position: CellPosition, range: RangePosition | undefined): boolean {
  return (
    !!range &&
    position.row >= range.start.row &&
    position.row <= range.end.row &&
    position.col >= range.start.col &&
    position.col <= range.end.col
  );
}
