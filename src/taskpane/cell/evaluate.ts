/**
 * REE calls evaluated in the pane through the same adapters Excel calls (src/functions via the
 * catalog; the pane may load them, the workbook layer may not), with the argument values read from the cells: to say why a cell shows an error Excel
 * gives without a message (#NUM!, #DIV/0!), and to show a built formula's result before it is
 * inserted.
 */
import { CATALOG } from "../../functions/catalog";
import type { FunctionSpec } from "../../model/functionCatalog";
import { parseCell, sheetReference } from "../../workbook/address";
import { reeSpec } from "../../workbook/portable/convert";
import {
  calls,
  classify,
  parseFormula,
  significant,
  type CallNode,
  type FormulaNode,
} from "../../workbook/portable/formula";
import type { SheetRef } from "../../workbook/port";
import type { CellIndex } from "../../workbook/trace/cells";

/** What a call gives: a value, or an error with the function's message. */
export type CallResult =
  { ok: true; value: unknown } | { ok: false; code: string; message: string };

/** What an argument passes, and where it comes from. */
type ArgumentValue =
  | { kind: "value"; value: unknown; from: string | null }
  /** A cell it reads shows an error: Excel does not call the function. */
  | { kind: "error"; code: string; from: string }
  /** An expression the pane does not compute (B5*2, SUM(…)). */
  | { kind: "unknown"; text: string };

const ERROR_VALUE = /^#[A-Z0-9/]+[!?]?$|^#N\/A$|^#GETTING_DATA$/;
const isErrorValue = (value: unknown): value is string =>
  typeof value === "string" && ERROR_VALUE.test(value);

/** A thrown or returned CustomFunctions.Error, by shape (the preview's shim or Excel's). */
function asError(error: unknown): { code: string; message: string } | null {
  if (error && typeof error === "object" && "code" in error) {
    const { code, message } = error as { code: unknown; message?: unknown };
    if (typeof code === "string") {
      return { code, message: typeof message === "string" ? message : "" };
    }
  }
  return null;
}

const ADAPTERS = new Map(CATALOG.map((adapted) => [adapted.name, adapted.adapter]));

/** What the pane shows for a call whose cell will hold a citation card. */
export const CARD_RESULT = "a citation card";

/** Calls the adapter as Excel does: every parameter passed, null where omitted. */
function callAdapter(spec: FunctionSpec, values: readonly unknown[]): CallResult {
  const args = spec.parameters.map((_, i) => values[i] ?? null);
  try {
    const value = (ADAPTERS.get(spec.name) as (...args: unknown[]) => unknown)(...args);
    // Only FACT(id, "card") answers later (its card's code loads on first use): the cell holds a card.
    if (value instanceof Promise) {
      value.catch(() => undefined);
      return { ok: true, value: CARD_RESULT };
    }
    const error = asError(value);
    return error ? { ok: false, ...error } : { ok: true, value };
  } catch (thrown) {
    const error = asError(thrown);
    if (error) return { ok: false, ...error };
    return { ok: false, code: "#VALUE!", message: `Internal error: ${String(thrown)}` };
  }
}

/** Evaluates REE calls over the cells one read gave. */
class CallEvaluator {
  constructor(private readonly index: CellIndex) {}

  /** An argument's value: typed, read from the cells (a range as rows), or an inner REE call. */
  argument(nodes: readonly FormulaNode[], sheet: string): ArgumentValue {
    const argument = classify(nodes);
    switch (argument.kind) {
      case "omitted":
        return { kind: "value", value: null, from: null };
      case "constant":
        return { kind: "value", value: argument.value, from: null };
      case "reference": {
        const area = this.index.areaOf(argument.text, sheet);
        if (!area) return { kind: "unknown", text: argument.text };
        const values = this.index.valuesIn(area.sheet, area.box);
        const single = area.box.rows === 1 && area.box.columns === 1;
        const where = argument.text;
        const error = values.flat().find(isErrorValue);
        if (error) return { kind: "error", code: error, from: where };
        return { kind: "value", value: single ? (values[0]?.[0] ?? null) : values, from: where };
      }
      case "expression": {
        const [only] = significant(nodes);
        const spec = only?.kind === "call" && argument.atomic ? reeSpec(only.name) : undefined;
        if (!spec || only.kind !== "call") return { kind: "unknown", text: argument.text };
        const result = this.call(only, spec, sheet);
        if (!result) return { kind: "unknown", text: argument.text };
        if (!result.ok) return { kind: "error", code: result.code, from: argument.text };
        return { kind: "value", value: result.value, from: argument.text };
      }
    }
  }

  /** The call's result; null when an argument is beyond what the pane computes. */
  call(call: CallNode, spec: FunctionSpec, sheet: string): CallResult | null {
    const values: unknown[] = [];
    for (const nodes of call.args) {
      const argument = this.argument(nodes, sheet);
      if (argument.kind === "unknown") return null;
      if (argument.kind === "error") return { ok: false, code: argument.code, message: "" };
      values.push(argument.value);
    }
    return callAdapter(spec, values);
  }
}

/** Why a cell shows an error, and what to change. */
export interface ErrorExplanation {
  /** The error the cell shows, e.g. "#NUM!". */
  code: string;
  /** The REE function the error comes from. */
  call: string | null;
  /** The function's own message, or ours where Excel gives none. */
  message: string;
  /** What to change: the argument the message names and what its cell holds. */
  advice: string;
}

const showValue = (value: unknown): string =>
  value === null || value === ""
    ? "nothing (it is empty)"
    : typeof value === "string"
      ? `"${value}"`
      : Array.isArray(value)
        ? "a range"
        : String(value);

/** The parameter a message is about: the first whose name it mentions. */
function blamed(spec: FunctionSpec, message: string): number {
  return spec.parameters.findIndex((parameter) =>
    new RegExp(`(^|[^A-Za-z0-9_])${parameter.name}([^A-Za-z0-9_]|$)`).test(message),
  );
}

const NOT_LOADED = (name: string): ErrorExplanation => ({
  code: "#NAME?",
  call: name,
  message: `Excel does not know ${name}: the Rare Earth Supply Modeler add-in is not loaded on this machine.`,
  advice:
    "Open the add-in here (Home > Supply Modeler) to load the REE functions. For colleagues without the add-in, share the workbook made portable (Share > Make portable: native formulas and values) or as a standalone workbook (Share > Standalone workbook).",
});

/**
 * Why `cell` shows an error, when the error comes from (or passes through) an REE call in its
 * formula: each REE call is re-evaluated, innermost first, with the values its arguments read.
 * Null when the cell shows no error or its formula calls no REE function.
 */
export function explainError(index: CellIndex, cell: SheetRef): ErrorExplanation | null {
  const { row, column } = parseCell(cell.address);
  const { formula = null, value = null } = index.at(cell.sheet, row, column) ?? {};
  if (formula === null || !isErrorValue(value)) return null;
  let nodes: FormulaNode[];
  try {
    nodes = parseFormula(formula);
  } catch {
    return null;
  }
  const reeCalls = calls(nodes).flatMap((call) => {
    const spec = reeSpec(call.name);
    return spec ? [{ call, spec }] : [];
  });
  if (reeCalls.length === 0) return null;
  const name = (spec: FunctionSpec) => `REE.${spec.name}`;
  if (value === "#NAME?") return NOT_LOADED(name(reeCalls[0].spec));
  const evaluator = new CallEvaluator(index);
  let skipped: { call: string; text: string } | undefined;
  // Innermost first: an outer call's error may only be an inner one passed on.
  for (const { call, spec } of [...reeCalls].reverse()) {
    const args = call.args.map((nodes) => evaluator.argument(nodes, cell.sheet));
    const failed = args.find((argument) => argument.kind === "error");
    if (failed?.kind === "error") {
      return {
        code: failed.code,
        call: name(spec),
        message: `${failed.from} shows ${failed.code}, and Excel does not call ${name(spec)} with an error.`,
        advice: `Fix ${failed.from} first.`,
      };
    }
    const unknown = args.find((argument) => argument.kind === "unknown");
    if (unknown?.kind === "unknown") {
      skipped ??= { call: name(spec), text: unknown.text };
      continue;
    }
    const values = args.map((argument) => (argument.kind === "value" ? argument.value : null));
    const result = callAdapter(spec, values);
    if (result.ok) continue;
    const at = blamed(spec, result.message);
    const argument = at >= 0 ? args[at] : undefined;
    const parameter = at >= 0 ? spec.parameters[at].name : null;
    let advice = "Change the arguments of the call.";
    if (parameter && argument?.kind === "value") {
      advice =
        argument.from !== null
          ? `${parameter}: ${argument.from} holds ${showValue(argument.value)}.`
          : call.args[at] && classify(call.args[at]).kind !== "omitted"
            ? `${parameter} is typed in the formula as ${showValue(argument.value)}.`
            : `${parameter} is omitted, so its default applies.`;
    }
    return { code: result.code, call: name(spec), message: result.message, advice };
  }
  if (skipped) {
    return {
      code: String(value),
      call: skipped.call,
      message: `The pane does not recompute ${skipped.call} here: its argument ${skipped.text} is a calculation.`,
      advice: `Check the cells ${skipped.text} reads, or put it in a cell of its own and pass that cell.`,
    };
  }
  return {
    code: String(value),
    call: null,
    message: `The REE calls in ${sheetReference(cell)} give no error with the values they read: the ${String(value)} comes from another part of the formula.`,
    advice: "Check the rest of the formula and the cells it reads.",
  };
}

/** A formula's result when it is one REE call (what the builder shows); null otherwise. */
export function evaluateFormula(
  index: CellIndex,
  formula: string,
  sheet: string,
): CallResult | null {
  let nodes: FormulaNode[];
  try {
    nodes = parseFormula(formula);
  } catch (error) {
    return { ok: false, code: "#VALUE!", message: (error as Error).message };
  }
  const [only, ...rest] = significant(nodes);
  if (!only || rest.length > 0 || only.kind !== "call") return null;
  const spec = reeSpec(only.name);
  return spec ? new CallEvaluator(index).call(only, spec, sheet) : null;
}
