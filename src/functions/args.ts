/**
 * Excel's calling conventions in one place: coercion of raw cell values to numbers and text, and the
 * mapping of model errors to CustomFunctions.Error. Every adapter in functions.ts goes through here.
 *
 * What arrives from Excel: numbers, text, booleans; null (or undefined) for an omitted optional
 * argument; "" or null for an empty cell; a 2-D array for a range (a 1x1 range may come as [[x]]).
 */
import { ModelError, valueError } from "../model/errors";
import type { ModelErrorKind } from "../model/errors";

// Names, not values: CustomFunctions is a runtime global, read only when an error is raised.
const ERROR_CODES: Record<ModelErrorKind, keyof typeof CustomFunctions.ErrorCode> = {
  value: "invalidValue",
  num: "invalidNumber",
  div0: "divisionByZero",
  na: "notAvailable",
};

/** Omitted, an empty cell, or text of spaces only. */
export function isMissing(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/** The common case, checked first because every recalculation of every cell goes through here. */
const isPlainNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

/** A 1x1 range stands for its one value; a bigger range where one value is expected is #VALUE!. */
function single(value: unknown, name: string): unknown {
  if (!Array.isArray(value)) return value;
  if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return value[0][0];
  throw valueError(`${name} must be a single value, not a range.`);
}

const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Number from text the way Excel reads typed numbers: "400", "6,000", "1.5e3", "84%". */
function numberFromText(text: string): number | undefined {
  const trimmed = text.trim();
  const percent = trimmed.endsWith("%");
  const body = (percent ? trimmed.slice(0, -1) : trimmed).trim();
  if (!PLAIN.test(body) && !GROUPED.test(body)) return undefined;
  const parsed = Number(body.replace(/,/g, ""));
  return percent ? parsed / 100 : parsed;
}

function toNumber(value: unknown, name: string): number {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw valueError(`${name} is not a finite number.`);
    return value === 0 ? 0 : value; // -0 -> 0
  }
  if (typeof value === "string") {
    const parsed = numberFromText(value);
    if (parsed === undefined || !Number.isFinite(parsed)) {
      throw valueError(`${name} must be a number; "${value}" is text.`);
    }
    return parsed === 0 ? 0 : parsed;
  }
  if (typeof value === "boolean") {
    throw valueError(`${name} must be a number, not ${value ? "TRUE" : "FALSE"}.`);
  }
  throw valueError(`${name} must be a number.`);
}

/** A required number. Numeric text ("400", "6,000", "84%") is accepted, as Excel reads it when typed. */
export function requireNumber(value: unknown, name: string): number {
  if (isPlainNumber(value)) return value === 0 ? 0 : value;
  const one = single(value, name);
  if (isMissing(one)) throw valueError(`${name} is required (the argument or its cell is empty).`);
  return toNumber(one, name);
}

/** An optional number: undefined when omitted or empty. */
export function optionalNumber(value: unknown, name: string): number | undefined {
  if (isPlainNumber(value)) return value === 0 ? 0 : value;
  const one = single(value, name);
  return isMissing(one) ? undefined : toNumber(one, name);
}

/** An optional number with a default from the reference data (DEFAULT_VALUES). */
export function numberOrDefault(value: unknown, name: string, fallback: number): number {
  if (value === null || value === undefined) return fallback;
  return optionalNumber(value, name) ?? fallback;
}

function toText(value: unknown, name: string): string {
  if (typeof value === "string") return value.trim();
  throw valueError(
    `${name} must be text${typeof value === "number" ? `, not the number ${value}` : ""}.`,
  );
}

/** Required text, trimmed. */
export function requireText(value: unknown, name: string): string {
  const one = single(value, name);
  if (isMissing(one)) throw valueError(`${name} is required (the argument or its cell is empty).`);
  return toText(one, name);
}

/** Optional text, trimmed; undefined when omitted or empty. */
export function optionalText(value: unknown, name: string): string | undefined {
  const one = single(value, name);
  return isMissing(one) ? undefined : toText(one, name);
}

/** What takes the numbers of a range one at a time, such as the model's running HHI totals. */
export interface NumberSink {
  add(value: number): void;
}

/**
 * Feeds the numbers of a one-row or one-column range (or a single value) to `sink`, in order, with
 * no list in between: a model sheet does this on every recalculation. Empty cells are skipped; text
 * that is not a number and booleans are #VALUE!, naming the cell's position in the range.
 */
export function addNumbersFromRange(values: unknown, name: string, sink: NumberSink): void {
  const grid: unknown[] = Array.isArray(values) ? values : [[values]];
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    const cells: unknown[] = Array.isArray(row) ? row : [row];
    if (grid.length > 1 && cells.length > 1) {
      throw valueError(
        `${name} must be one row or one column (got ${grid.length} rows x ${cells.length} columns).`,
      );
    }
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (isPlainNumber(cell)) sink.add(cell === 0 ? 0 : cell);
      else if (!isMissing(cell)) sink.add(toNumber(cell, `Cell ${r + c + 1} of ${name}`));
    }
  }
}

type Result = number | string | boolean | Result[];

/**
 * An adapter's result, checked so no NaN, Infinity or ragged matrix reaches a cell (-0 becomes 0).
 * Adapters call it and excelError inline, in their own try/catch: a shared wrapper taking a closure
 * made every call several times slower (one polymorphic call site for all 27 functions).
 */
export function checked<T extends Result>(result: T): T {
  if (typeof result === "number") {
    if (!Number.isFinite(result)) throw tooLarge();
    return (result === 0 ? 0 : result) as T;
  }
  return Array.isArray(result) ? (checkedMatrix(result) as T) : result;
}

// Kept out of checked() so the number path stays small enough for the engine to inline.
function tooLarge(): ModelError {
  return new ModelError("num", "The result is too large (or too small) to represent.");
}

function checkedMatrix(result: Result[]): Result[] {
  const width = Array.isArray(result[0]) ? result[0].length : 0;
  if (result.length === 0 || result.some((row) => !Array.isArray(row) || row.length !== width)) {
    throw new Error("A matrix result must be rectangular.");
  }
  return result.map((row) => (row as Result[]).map(checked));
}

/**
 * What an adapter throws: model errors become CustomFunctions.Error with the matching code and
 * message. Any other exception is a bug and is reported as #VALUE! with "Internal error", so a cell
 * never shows a raw exception.
 */
export function excelError(error: unknown): CustomFunctions.Error {
  if (error instanceof ModelError) {
    return new CustomFunctions.Error(
      CustomFunctions.ErrorCode[ERROR_CODES[error.kind]],
      error.message,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(
    CustomFunctions.ErrorCode.invalidValue,
    `Internal error: ${message}`,
  );
}
