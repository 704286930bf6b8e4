/** A rectangular block of cell values, as a spilled result: a header row, then data rows. */
export type Cell = string | number | boolean;
export type Spill = Cell[][];

/** A table as a spill: the header row, then one row per item. */
export function spillTable<T>(
  header: readonly Cell[],
  items: readonly T[],
  rowOf: (item: T, index: number) => Cell[],
): Spill {
  return [[...header], ...items.map(rowOf)];
}
