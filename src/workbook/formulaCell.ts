/**
 * A formula the Cell view's builder composes: one REE call whose arguments the user typed, took
 * from cells or from a fact. Arguments are written as Excel reads them (numbers as numbers, cells
 * and names as references, words as quoted text), and the whole formula goes into one cell.
 */
import { NAMESPACE, type FunctionSpec } from "../model/functionCatalog";
import { formula } from "./cells";
import { GridBuilder, PlanBuilder, type Placement, type Planned } from "./plan";
import { WorkbookError, type WorkbookSnapshot } from "./port";
import { isReference, parseFormula, quote } from "./portable/formula";
import { sheetReference } from "./address";

/** "6,000", "-1.5", "1e3", "25%": a number as typed (thousands separators allowed). */
const TYPED_NUMBER = /^[+-]?(\d{1,3}(,\d{2,3})+|\d+)?(\.\d+)?(e[+-]?\d+)?%?$/i;
/** Cells, ranges, whole columns and spill references, with or without a sheet. */
const CELLS =
  /^(('([^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!)?(\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?#?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3})$/u;

/** A text parameter takes words ("China"); other parameters read a bare word as a defined name. */
const takesText = (unit: string) => unit.startsWith("text");

/**
 * What the user typed for one parameter, as the formula writes it: empty stays omitted, "=…" is
 * an expression as written, quoted text stays, numbers lose their separators, cells and (for a
 * number) names are references, anything else is text in quotes.
 */
export function argumentText(typed: string, unit: string): string {
  const text = typed.trim();
  if (text === "") return "";
  if (text.startsWith("=")) return text.slice(1).trim();
  if (/^".*"$/s.test(text)) return text;
  if (/^(TRUE|FALSE)$/i.test(text)) return text.toUpperCase();
  if (/\d/.test(text) && TYPED_NUMBER.test(text)) return text.replace(/,/g, "");
  if (CELLS.test(text)) return text;
  if (!takesText(unit) && isReference(text)) return text;
  return quote(text);
}

/** "=REE.SELF_SUFFICIENCY(400,B2)": trailing omitted arguments left off, inner ones left empty. */
export function composeFormula(spec: FunctionSpec, typed: readonly string[]): string {
  const args = spec.parameters.map((parameter, i) => argumentText(typed[i] ?? "", parameter.unit));
  while (args.length > 0 && args[args.length - 1] === "") args.pop();
  return `=${NAMESPACE}.${spec.name}(${args.join(",")})`;
}

/** The formula as REE.FACT writes a fact: what "fill from a fact" puts in a parameter. */
export const factArgument = (id: string): string => `=${NAMESPACE}.FACT(${quote(id)})`;

/** The formula in the selected cell (checked to be empty) or at A1 of a new sheet. */
export function planFormulaCell(
  snapshot: WorkbookSnapshot,
  text: string,
  placement: Placement,
): Planned {
  try {
    parseFormula(text);
  } catch (error) {
    throw new WorkbookError((error as Error).message, "Correct the arguments, then insert again.");
  }
  const builder = new PlanBuilder(snapshot);
  const { sheet, start } = builder.place(placement, "REE formulas");
  const grid = new GridBuilder(1);
  grid.row([formula(text)]);
  const target = builder.block(sheet, start, grid.build());
  return builder.finish(target, `${text} inserted in ${sheetReference(target)}`);
}
