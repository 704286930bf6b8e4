/**
 * The references in a formula's text, as the precedent walk needs them: cells and ranges (on this
 * or another sheet), whole columns and rows, spill references (A1#) and defined names. Strings and
 * calls are already apart in the parsed tree (portable/formula.ts); this reads what lies between.
 */
import { MAX_COLUMNS, MAX_ROWS, columnIndex, parseCell, type RangeBox } from "../address";
import { parseFormula, type FormulaNode } from "../portable/formula";

export type Reference =
  /** A cell or range; `sheet` null means the formula's own sheet. */
  | { kind: "area"; text: string; sheet: string | null; box: RangeBox; spill: boolean }
  | { kind: "name"; text: string; name: string };

const SHEET = String.raw`(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_.]*))!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const COLUMN = String.raw`\$?[A-Za-z]{1,3}`;
const ROW = String.raw`\$?\d+`;
const NAME = String.raw`[\p{L}_\\][\p{L}\p{N}_.?\\]*`;
/**
 * One reference token: not inside a longer word or number (1E5, A1B2), never a call (those are
 * parsed already) or a sheet prefix. Groups: 1-2 sheet, 3-4 cells, 5 spill, 6-7 columns, 8-9 rows,
 * 10 name.
 */
const TOKEN = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.$'\]\\])(?:${SHEET})?(?:(${CELL})(?::(${CELL}))?(#)?|(${COLUMN}):(${COLUMN})|(${ROW}):(${ROW})|(${NAME}))(?![\p{L}\p{N}_.(!\\])`,
  "gu",
);

const strip = (text: string) => text.replace(/\$/g, "");

function box(first: string, last: string): RangeBox {
  const [a, b] = [parseCell(first), parseCell(last)];
  return {
    row: Math.min(a.row, b.row),
    column: Math.min(a.column, b.column),
    rows: Math.abs(a.row - b.row) + 1,
    columns: Math.abs(a.column - b.column) + 1,
  };
}

/** The text with bracketed parts blanked: a table's columns ([Volume], [[#This Row],[A]]). */
function outsideBrackets(text: string): string {
  let depth = 0;
  let kept = "";
  for (const char of text) {
    if (char === "[") depth++;
    kept += depth > 0 ? " " : char;
    if (char === "]" && depth > 0) depth--;
  }
  return kept;
}

/** The references in one stretch of formula text (no strings, no calls). */
function referencesInText(text: string): Reference[] {
  const found: Reference[] = [];
  for (const match of outsideBrackets(text).matchAll(TOKEN)) {
    const [whole, quoted, bare, first, last, spill, colA, colB, rowA, rowB, name] = match;
    const sheet = quoted !== undefined ? quoted.replace(/''/g, "'") : (bare ?? null);
    if (first) {
      found.push({
        kind: "area",
        text: whole,
        sheet,
        box: box(first, last ?? first),
        spill: spill === "#",
      });
    } else if (colA) {
      const [a, b] = [columnIndex(strip(colA)), columnIndex(strip(colB))];
      const column = Math.min(a, b);
      const columns = Math.abs(a - b) + 1;
      found.push({
        kind: "area",
        text: whole,
        sheet,
        box: { row: 0, column, rows: MAX_ROWS, columns },
        spill: false,
      });
    } else if (rowA) {
      const [a, b] = [Number(strip(rowA)) - 1, Number(strip(rowB)) - 1];
      found.push({
        kind: "area",
        text: whole,
        sheet,
        box: { row: Math.min(a, b), column: 0, rows: Math.abs(a - b) + 1, columns: MAX_COLUMNS },
        spill: false,
      });
    } else if (name && sheet === null && !/^(TRUE|FALSE)$/i.test(name)) {
      found.push({ kind: "name", text: whole, name });
    }
  }
  return found;
}

/** Every reference in parsed formula nodes, calls' arguments included, in order. */
export function referencesIn(nodes: readonly FormulaNode[]): Reference[] {
  return nodes.flatMap((node): Reference[] => {
    switch (node.kind) {
      case "text":
        return referencesInText(node.text);
      case "group":
        return referencesIn(node.body);
      case "call":
        return node.args.flatMap(referencesIn);
      default:
        return [];
    }
  });
}

/** The references of a formula ("=..." or a name's "=Sheet1!$B$2"); none when it cannot be read. */
export function formulaReferences(formula: string): Reference[] {
  try {
    return referencesIn(parseFormula(formula));
  } catch {
    return [];
  }
}
