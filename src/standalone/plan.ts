/**
 * What a standalone sheet holds, as plain data: the sheet builders decide content and layout here,
 * and buildWorkbook.ts is the only code that talks to ExcelJS. No Office, no DOM, no fs.
 */
import { resolveFact, type Fact } from "../data";

export type Scalar = string | number | boolean | null;

/** A formula without the leading "=" and the value it evaluates to with the data set's defaults. */
export interface Formula {
  formula: string;
  result: number | string;
}

export type CellStyle = "title" | "subtitle" | "section" | "header" | "input" | "output";

export interface CellSpec {
  /** A1 address on the sheet. */
  ref: string;
  /** Strings are always written as text, even when they start with = + - or @. */
  content: Scalar | Formula;
  numFmt?: string;
  style?: CellStyle;
}

export interface TableSpec {
  /** Workbook-unique Excel table name. */
  name: string;
  /** Top-left cell (the header row). */
  ref: string;
  headers: string[];
  rows: Scalar[][];
  /** Number format per cell, same shape as rows (undefined = General). */
  numFmts?: (string | undefined)[][];
  /** Columns whose text is a URL, written as a hyperlink. */
  linkColumns?: number[];
}

export interface SheetPlan {
  name: string;
  /** One line for the About sheet's contents list. */
  purpose: string;
  cells: CellSpec[];
  tables: TableSpec[];
  /** Workbook-scoped defined names: absolute address on this sheet, e.g. "$B$6" or "$B$30:$B$46". */
  names: { name: string; ref: string }[];
  /** Rows above this one stay visible when scrolling (0 = none). */
  frozenRows: number;
}

export const FORMAT = {
  tonnes: "#,##0",
  share: "0.0%",
  ratio: "0.000",
  year: "0",
  index: "#,##0",
} as const;

export function isFormula(content: CellSpec["content"]): content is Formula {
  return typeof content === "object" && content !== null;
}

/** A fact the workbook cannot do without: a missing id is a data-set error worth a clear message. */
export function requireFact(id: string): Fact {
  const fact = resolveFact(id);
  if (!fact) throw new Error(`Standalone workbook: fact "${id}" is not in the reference data set`);
  return fact;
}

/** Number format for a fact's value by its unit; decimals follow the figures themselves. */
export function factFormat(fact: Fact): string | undefined {
  switch (fact.unit) {
    case "%":
    case "%/yr":
      return FORMAT.share;
    case "t/t":
      return FORMAT.ratio;
    case "year":
      return FORMAT.year;
    default: {
      const figures = [fact.value, fact.low, fact.high].filter((v): v is number => v !== null);
      const decimals = Math.max(0, ...figures.map(decimalPlaces));
      return decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(Math.min(decimals, 2))}`;
    }
  }
}

function decimalPlaces(value: number): number {
  if (Number.isInteger(value)) return 0;
  const text = String(value);
  return text.includes(".") ? text.length - text.indexOf(".") - 1 : 0;
}
