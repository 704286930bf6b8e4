/**
 * The REE functions in HyperFormula (dev-only: tests, the browser preview, benchmarks). Every function
 * calls the SAME adapter Excel calls (src/functions/functions.ts, via the catalog), after converting
 * HyperFormula's arguments to Excel's conventions: omitted -> null, empty cell -> null, range -> 2-D
 * array. A thrown CustomFunctions.Error becomes a HyperFormula error of the same type and message.
 *
 * Spilled results: HyperFormula fixes a spill's size when the formula is entered. The size is found
 * by calling the adapter on the arguments' values at that moment; createReeEngine re-enters spill
 * formulas once the sheets are calculated. If an input later makes a spill larger, the cell shows
 * #SPILL! with a message until the formula is re-entered (refreshSpills does it for every spill).
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import type { ConfigParams, ImplementedFunctions, Sheets, SimpleCellAddress } from "hyperformula";
import { CATALOG, type AdaptedFunction as FunctionSpec } from "../functions/catalog";
import { NAMESPACE } from "../model/functionCatalog";
import { FormulaSyntaxError, calls, parseFormula } from "../workbook/portable/formula";
import { installCustomFunctionsShim } from "./custom-functions-shim";

/** Every REE function name as typed in a formula, e.g. "REE.NDPR_GAP". */
export const REE_FUNCTION_NAMES: readonly string[] = CATALOG.map(
  (spec) => `${NAMESPACE}.${spec.name}`,
);

type RawCall = (...args: unknown[]) => unknown;
/** The parts of HyperFormula's (unexported) AST types this plugin reads. */
interface CallAst {
  args: unknown[];
}
interface EvaluationState {
  /** The cell's formula vertex; array vertices have the size predicted when the formula was entered. */
  formulaVertex?: { formula: unknown; array?: unknown; width: number; height: number };
}

/** HyperFormula's own message for a call with too many or too few arguments. */
const WRONG_ARGUMENT_COUNT = "Wrong number of arguments.";

const ERROR_TYPES: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#NUM!": ErrorType.NUM,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
};

/** First error inside a value, if any: Excel does not call a function whose arguments hold errors. */
function firstError(value: unknown): CellError | undefined {
  if (value instanceof CellError) return value;
  if (value instanceof SimpleRangeValue) {
    return value
      .rawData()
      .flat()
      .find((cell): cell is CellError => cell instanceof CellError);
  }
  return undefined;
}

/**
 * A cell's value as Excel passes it to a custom function: empty is null, and a number HyperFormula
 * types as a percent, date or currency (an object holding the number) is the plain number.
 */
function toExcelScalar(value: unknown): unknown {
  if (value === undefined || value === EmptyValue) return null;
  const typedNumber = typeof value === "object" && value !== null && !(value instanceof CellError);
  return typedNumber ? (value as { val: number }).val : value;
}

/** A HyperFormula value as Excel passes it to a custom function: a range is a 2-D array. */
function toExcel(value: unknown): unknown {
  if (value instanceof SimpleRangeValue) {
    return value.rawData().map((row) => row.map(toExcelScalar));
  }
  return toExcelScalar(value);
}

/** An adapter's result (or its thrown error) as a HyperFormula value. */
function fromExcel(adapter: RawCall, args: unknown[]): unknown {
  try {
    const result = adapter(...args);
    return Array.isArray(result) ? SimpleRangeValue.onlyValues(result) : result;
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    return new CellError(ERROR_TYPES[code ?? ""] ?? ErrorType.VALUE, message);
  }
}

/**
 * A spill larger than the size HyperFormula reserved when the formula was entered would break the
 * engine: report it as #SPILL! with what to do instead. A smaller one is padded with empty cells.
 */
function fitSpill(
  spec: FunctionSpec,
  ast: CallAst,
  result: SimpleRangeValue,
  state: EvaluationState,
): unknown {
  const vertex = state.formulaVertex;
  if (!vertex) return result;
  if (vertex.array === undefined) {
    if (vertex.formula !== ast) return result; // nested, e.g. SUM(REE.PROJECT(...)): no spill
    return new CellError(
      ErrorType.SPILL,
      `${NAMESPACE}.${spec.name} gives a table, but its inputs had no values when the formula was entered: re-enter the formula.`,
    );
  }
  if (result.height() <= vertex.height && result.width() <= vertex.width) return result;
  return new CellError(
    ErrorType.SPILL,
    `${NAMESPACE}.${spec.name} now gives ${result.height()} x ${result.width()} cells but its spill was sized ${vertex.height} x ${vertex.width} when the formula was entered: re-enter the formula.`,
  );
}

/** An evaluated argument as Excel passes it, or the first error in it (which Excel returns instead). */
function argumentValue(value: unknown): unknown {
  return firstError(value) ?? toExcel(value);
}

class ReePlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {};

  /**
   * Evaluates a call: HyperFormula coerces nothing; the adapter does. Runs once per cell on every
   * recalculation, so it evaluates the arguments itself rather than through runFunction, whose
   * vectorising and coercing (all of it a no-op for these untyped, unvectorised parameters)
   * allocated eight arrays per call. What it still did is here: the argument count, the first
   * error, and a typed number's raw value.
   */
  evaluateRee(spec: FunctionSpec, ast: CallAst, state: EvaluationState): unknown {
    const args = this.excelArguments(spec, ast, state);
    if (args instanceof CellError) return args;
    const result = fromExcel(spec.adapter as RawCall, args);
    return result instanceof SimpleRangeValue ? fitSpill(spec, ast, result, state) : result;
  }

  /**
   * The call's arguments as Excel passes them, null for omitted optional ones; or what Excel shows
   * instead of calling the function: a wrong argument count, or the first error among them.
   */
  excelArguments(spec: FunctionSpec, ast: CallAst, state: unknown): unknown[] | CellError {
    const { parameters } = spec;
    const { args } = ast;
    if (args.length > parameters.length || !(parameters[args.length]?.optional ?? true)) {
      return new CellError(ErrorType.NA, WRONG_ARGUMENT_COUNT);
    }
    const excelArgs: unknown[] = new Array(parameters.length);
    for (let i = 0; i < parameters.length; i++) {
      const value =
        i < args.length ? argumentValue(this.evaluateAst(args[i] as never, state as never)) : null;
      if (value instanceof CellError) return value;
      excelArgs[i] = value;
    }
    return excelArgs;
  }

  /** Predicts a spill's size by running the adapter on the arguments' current values. */
  sizeOfRee(spec: FunctionSpec, ast: CallAst, state: unknown): ArraySize {
    try {
      const args = this.excelArguments(spec, ast, state);
      if (args instanceof CellError) return ArraySize.scalar();
      const result = (spec.adapter as RawCall)(...args);
      return Array.isArray(result) && Array.isArray(result[0])
        ? new ArraySize(result[0].length, result.length)
        : ArraySize.scalar();
    } catch {
      return ArraySize.scalar();
    }
  }
}

for (const spec of CATALOG) {
  const id = `${NAMESPACE}.${spec.name}`;
  const method = `ree_${spec.name}`;
  const prototype = ReePlugin.prototype as unknown as Record<string, unknown>;
  prototype[method] = function (this: ReePlugin, ast: CallAst, state: EvaluationState) {
    return this.evaluateRee(spec, ast, state);
  };
  ReePlugin.implementedFunctions[id] = {
    method,
    parameters: spec.parameters.map((p) => ({
      argumentType: FunctionArgumentType.ANY,
      optionalArg: p.optional,
    })),
    vectorizationForbidden: true,
  };
  if (spec.returns.spill) {
    prototype[`${method}_size`] = function (this: ReePlugin, ast: CallAst, state: unknown) {
      return this.sizeOfRee(spec, ast, state);
    };
    ReePlugin.implementedFunctions[id].sizeOfResultArrayMethod = `${method}_size`;
  }
}

const TRANSLATIONS = { enGB: Object.fromEntries(REE_FUNCTION_NAMES.map((id) => [id, id])) };

/** Registers the REE functions with HyperFormula once; later calls do nothing. */
export function registerReeFunctions(): void {
  installCustomFunctionsShim();
  if (HyperFormula.getFunctionPlugin(REE_FUNCTION_NAMES[0]) === ReePlugin) return;
  HyperFormula.registerFunctionPlugin(ReePlugin, TRANSLATIONS);
}

/** Options every REE engine uses: the GPL licence key, and exact numbers (no smart rounding). */
export const REE_ENGINE_OPTIONS: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  smartRounding: false,
};

/** A HyperFormula engine with the REE functions, built from named sheets of values and formulas. */
export function createReeEngine(
  sheets: Sheets = { Sheet1: [] },
  options: Partial<ConfigParams> = {},
): HyperFormula {
  registerReeFunctions();
  const hf = HyperFormula.buildFromSheets(sheets, { ...REE_ENGINE_OPTIONS, ...options });
  // Spills whose inputs are formulas could not be sized while the sheets were parsed.
  refreshSpills(hf);
  hf.clearUndoStack();
  return hf;
}

/** True when a formula calls one of the spill functions, read with the one formula parser. */
function callsSpill(content: string, spills: ReadonlySet<string>): boolean {
  if (!content.startsWith("=")) return false;
  try {
    return calls(parseFormula(content)).some((call) => spills.has(call.name.toUpperCase()));
  } catch (error) {
    // A formula the parser cannot read has no REE call it could size: HyperFormula shows its error.
    if (error instanceof FormulaSyntaxError) return false;
    throw error;
  }
}

/**
 * Re-enters every formula that calls an REE spill function, so HyperFormula sizes each spill again
 * from its inputs' current values (it sizes a spill only when the formula is entered). Call it after
 * changing an input a spill's size depends on. Returns the addresses it re-entered.
 */
export function refreshSpills(hf: HyperFormula): SimpleCellAddress[] {
  const spills = new Set(
    CATALOG.filter((spec) => spec.returns.spill).map((spec) => `${NAMESPACE}.${spec.name}`),
  );
  const refreshed: SimpleCellAddress[] = [];
  for (const sheet of hf.getSheetNames().map((name) => hf.getSheetId(name) as number)) {
    const formulas = hf.getSheetSerialized(sheet);
    formulas.forEach((row, r) =>
      row.forEach((content, c) => {
        if (typeof content !== "string" || !callsSpill(content, spills)) return;
        const address = { sheet, row: r, col: c };
        hf.setCellContents(address, [[content]]);
        refreshed.push(address);
      }),
    );
  }
  return refreshed;
}
