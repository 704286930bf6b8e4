/**
 * Converts one formula cell: every REE call in it becomes what NATIVE says, inside out, so the
 * rest of the formula is kept as the user wrote it. A call that cannot be written natively (an
 * argument only the sheet knows, a table inside a larger formula) makes the whole cell keep the
 * value it shows; a cell showing an error is left live so the user can fix it first.
 */
import { NAMESPACE, functionSpec, type FunctionSpec } from "../../model/functionCatalog";
import { ModelError } from "../../model/errors";
import { parseCell, parseRange } from "../address";
import { formula, value } from "../cells";
import type { CellInput, SheetRef, SpillRead } from "../port";
import type { FormulaCellRead } from "../reads";
import {
  calls,
  classify,
  mapCalls,
  exactLiteral,
  parseFormula,
  quote,
  render,
  significant,
  type CallNode,
  type FormulaNode,
} from "./formula";
import { Call, NATIVE, NotNative } from "./natives";

/**
 * native: native formulas; value: the value the cell shows; values: a spilled table's values;
 * live: left as it is (the note says why).
 */
export type How = "native" | "value" | "values" | "live";

export interface Conversion extends SheetRef {
  /** The cell's formula as it was (for a spilled table, the formula of its top-left cell). */
  original: string;
  how: How;
  /** What is written over `address`, row by row; empty when left live. */
  cells: CellInput[][];
  /** The same, as the check list and the Portability sheet show it. */
  converted: string;
  /** Why a cell keeps a value or stays live, or what a converted table can no longer do. */
  note: string;
  /** Source keys of the figures the conversion wrote into the workbook. */
  sources: string[];
}

const SAVED = /^_xldudf_REE_(\w+)$/i;
const TYPED = new RegExp(`^${NAMESPACE}\\.(\\w+)$`, "i");
const ERROR =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|BUSY!|CONNECT!|BLOCKED!|FIELD!|UNKNOWN!|GETTING_DATA)$/;

/** The note of a cell whose REE lookup became the figure it always gives. */
export const LOOKUP_NOTE = "Reference data: the figure itself.";

/** The REE function a call names, as typed (REE.NDPR_GAP) or as saved in files (_xldudf_REE_NDPR_GAP). */
export function reeSpec(name: string): FunctionSpec | undefined {
  const match = TYPED.exec(name) ?? SAVED.exec(name);
  return match ? functionSpec(match[1]) : undefined;
}

/** The call when the whole formula is one REE call, e.g. =REE.SUPPLY_BALANCE(...). */
function wholeCall(nodes: readonly FormulaNode[]) {
  const [only, ...rest] = significant(nodes);
  if (rest.length > 0 || only?.kind !== "call") return undefined;
  const spec = reeSpec(only.name);
  return spec && { node: only, spec };
}

/** True when the cell's formula is one REE call that spills a table: its spill area is read too. */
export function isSpillAnchor(formulaText: string): boolean {
  try {
    return wholeCall(parseFormula(formulaText))?.spec.returns.spill === true;
  } catch {
    return false;
  }
}

type Native = { constant: number | string | boolean } | { formula: string };

/** Runs the lookup on constant arguments: the value it has in any workbook. */
function evaluate(
  spec: FunctionSpec,
  call: Call,
  lookup: (...args: unknown[]) => number | string | boolean,
): number | string | boolean {
  const args = spec.parameters.map((parameter) => call.constant(parameter.name) ?? null);
  const result = lookup(...args);
  // A NaN or Infinity never becomes a cell, as the function's own result check ensures.
  if (typeof result === "number" && !Number.isFinite(result))
    throw new NotNative("no finite value");
  return result;
}

/** One REE call as native text (without "="), or as the constant it always gives. */
function nativeOf(spec: FunctionSpec, args: FormulaNode[][], sources: Set<string>): Native {
  const rule = NATIVE[spec.name];
  const call = new Call(spec, args.map(classify));
  try {
    let result: Native;
    switch (rule?.kind) {
      case "lookup":
        result = { constant: evaluate(spec, call, rule.value) };
        for (const source of rule.cites(call)) sources.add(source);
        break;
      case "formula":
        result = { formula: rule.native(call) };
        break;
      case "spill":
        throw new NotNative("gives a table inside a larger formula");
      default:
        throw new NotNative("has no native equivalent");
    }
    for (const source of call.cited) sources.add(source);
    return result;
  } catch (error) {
    if (error instanceof NotNative || error instanceof ModelError) {
      throw new NotNative(`${NAMESPACE}.${spec.name}: ${error.message}`);
    }
    throw error;
  }
}

function constantNode(constant: number | string | boolean): FormulaNode {
  if (typeof constant === "string") return { kind: "string", text: quote(constant) };
  const text =
    typeof constant === "number" ? exactLiteral(constant) : String(constant).toUpperCase();
  return { kind: "text", text };
}

/** Replaces every REE call, innermost first; a replacement that is not atomic gets parentheses. */
function rewrite(nodes: readonly FormulaNode[], sources: Set<string>): FormulaNode[] {
  return mapCalls(nodes, (call) => {
    const spec = reeSpec(call.name);
    if (!spec) return call;
    const result = nativeOf(spec, call.args, sources);
    if ("constant" in result) return constantNode(result.constant);
    const parsed = parseFormula(result.formula);
    const argument = classify(parsed);
    const atomic = argument.kind !== "expression" || argument.atomic;
    return atomic ? { kind: "text", text: result.formula } : { kind: "group", body: parsed };
  });
}

/** What replaced the formula, in words: the formula or value, or the size of a converted table. */
function describe(how: How, cells: CellInput[][]): string {
  if (how === "live") return "";
  if (cells.length === 1 && cells[0].length === 1) {
    const cell = cells[0][0];
    return cell.kind === "formula" ? cell.formula : String(cell.value ?? "");
  }
  return `${cells.length} x ${cells[0]?.length ?? 0} cells`;
}

function converted(
  cell: FormulaCellRead,
  how: How,
  cells: CellInput[][],
  note: string,
  sources: Iterable<string> = [],
): Conversion {
  return {
    sheet: cell.sheet,
    address: cell.address,
    original: cell.formula,
    how,
    cells,
    converted: describe(how, cells),
    note,
    sources: [...sources],
  };
}

const live = (cell: FormulaCellRead, note: string): Conversion => converted(cell, "live", [], note);

const kept = (cell: FormulaCellRead, reason: string): Conversion =>
  converted(cell, "value", [[value(cell.value)]], `Kept as the value it shows (${reason}).`);

function convertSpill(
  cell: FormulaCellRead,
  spec: FunctionSpec,
  node: CallNode,
  spill: SpillRead["spill"] | undefined,
): Conversion {
  if (!spill)
    return live(cell, `${NAMESPACE}.${spec.name} shows no table here, so it was left live.`);
  const rule = NATIVE[spec.name];
  if (rule?.kind !== "spill") throw new Error(`${spec.name} spills but NATIVE has no spill rule`);
  const area = { ...cell, address: spill.address };
  const { rows, columns } = parseRange(spill.address);
  const sources = new Set<string>();
  let reason = "";
  try {
    const call = new Call(
      spec,
      node.args.map((arg) => classify(rewrite(arg, sources))),
    );
    if (rule.cells) {
      const cells = rule.cells(call, { start: parseCell(cell.address), values: spill.values });
      for (const source of call.cited) sources.add(source);
      const note = `Native formulas over ${rows - 1} rows: the table no longer grows if its years change.`;
      return converted(area, "native", cells, note, sources);
    }
    for (const source of rule.cites(call)) sources.add(source);
  } catch (error) {
    if (!(error instanceof NotNative || error instanceof ModelError)) throw error;
    reason = `: ${error.message}`;
  }
  const values = spill.values.map((row) => row.map((shown) => value(shown)));
  return converted(
    area,
    "values",
    values,
    `The table's ${rows} x ${columns} values${reason}.`,
    sources,
  );
}

/**
 * The conversion of one formula cell, or null when it calls no REE function. `spill` is the area
 * the cell spills into, for a formula that is one REE table function.
 */
export function convertCell(cell: FormulaCellRead, spill?: SpillRead["spill"]): Conversion | null {
  let tree: FormulaNode[];
  try {
    tree = parseFormula(cell.formula);
  } catch (error) {
    const mentions = /\bREE\.|_xldudf_REE_/i.test(cell.formula);
    return mentions ? live(cell, `${(error as Error).message} It was left live.`) : null;
  }
  if (!calls(tree).some((call) => reeSpec(call.name))) return null;
  if (typeof cell.value === "string" && ERROR.test(cell.value)) {
    return live(cell, `Shows ${cell.value}: fix it, then make the workbook portable again.`);
  }
  const whole = wholeCall(tree);
  if (whole?.spec.returns.spill) return convertSpill(cell, whole.spec, whole.node, spill);
  const sources = new Set<string>();
  try {
    let written: CellInput;
    if (whole) {
      const result = nativeOf(
        whole.spec,
        whole.node.args.map((arg) => rewrite(arg, sources)),
        sources,
      );
      written = "constant" in result ? value(result.constant) : formula(`=${result.formula}`);
    } else {
      written = formula(`=${render(rewrite(tree, sources))}`);
    }
    return written.kind === "formula"
      ? converted(cell, "native", [[written]], "", sources)
      : converted(cell, "value", [[written]], LOOKUP_NOTE, sources);
  } catch (error) {
    if (error instanceof NotNative) return kept(cell, error.message);
    throw error;
  }
}
