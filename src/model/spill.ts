/** A rectangular block of cell values, as a spilled result: a header row, then data rows. */
export type Cell = string | number | boolean;
export type Spill = Cell[][];
