/**
 * Excel's calling conventions for arguments: coercion of raw cell values to numbers and text, and
 * the check that no NaN, Infinity or ragged matrix reaches a cell. The custom functions and the
 * portability conversion (which reads constant arguments as the functions do) both use it, so it
 * sits below both; errors are ModelErrors, which functions/args.ts maps to CustomFunctions.Error.
 *
 * What arrives from Excel: numbers, text, booleans; null (or undefined) for an omitted optional
 * argument; "" or null for an empty cell; a 2-D array for a range (a 1x1 range may come as [[x]]).
 */
import { ModelError, numError, valueError } from "./errors";
import type { ModelErrorKind } from "./errors";

/** Omitted, an empty cell, or text of spaces only. */
export function isMissing(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/** The common case, checked first because every recalculation of every cell goes through here. */
const isPlainNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

/**
 * The basic value of an Excel data type (functions.json allows them for "any" parameters): an
 * entity's display text, a formatted number's number, an error value's error. Plain values pass
 * through; a cell holding a Geography "India" then reads like the text "India".
 */
function basicValue(value: unknown, name: string): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const cell = value as DataTypeValue;
  switch (cell.type) {
    case "Entity":
    case "LinkedEntity":
      return cell.text ?? "";
    case "Error":
      throw cellError(cell, name);
    case "Empty":
      return null;
    case "Array":
      if (Array.isArray(cell.elements)) return cell.elements;
      break;
    default:
      if (cell.basicType === "Error") throw cellError(cell, name);
      if (isBasic(cell.basicValue)) return cell.basicValue;
  }
  throw valueError(
    `${name} is a ${String(cell.type ?? "data type")} value, which cannot be used here.`,
  );
}

/** What Excel passes for a data-type argument (Excel.CellValue, reduced to what we read). */
interface DataTypeValue {
  type?: unknown;
  basicType?: unknown;
  basicValue?: unknown;
  text?: string;
  errorType?: unknown;
  elements?: unknown;
}

const isBasic = (value: unknown): boolean =>
  typeof value === "number" || typeof value === "string" || typeof value === "boolean";

/** The error codes a data-type error carries, by basic value, as model errors. */
const CELL_ERRORS = new Map<string, ModelErrorKind>([
  ["#VALUE!", "value"],
  ["#NUM!", "num"],
  ["#DIV/0!", "div0"],
  ["#N/A", "na"],
]);

/** A data-type error passes on as the same error; one CustomFunctions cannot raise becomes #VALUE!. */
function cellError(cell: DataTypeValue, name: string): ModelError {
  const code = typeof cell.basicValue === "string" ? cell.basicValue : "#VALUE!";
  const kind = CELL_ERRORS.get(code);
  const what = cell.type === "Error" ? "an error" : `a ${String(cell.type)} value`;
  return new ModelError(kind ?? "value", `${name} is ${what} (${code}).`);
}

/** A 1x1 range stands for its one value; a bigger range where one value is expected is #VALUE!. */
function single(value: unknown, name: string): unknown {
  const one = basicValue(value, name);
  if (!Array.isArray(one)) return one;
  if (one.length === 1 && Array.isArray(one[0]) && one[0].length === 1)
    return basicValue(one[0][0], name);
  throw valueError(`${name} must be a single value, not a range.`);
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57; // "0" to "9"
const isSign = (code: number): boolean => code === 43 || code === 45; // "+" or "-"
const COMMA = 44;
const POINT = 46;
const isExponent = (code: number): boolean => code === 69 || code === 101; // "E" or "e"

/**
 * The digits of a typed number without its grouping commas, or undefined when the text is not a
 * number. One pass over the text (a long pasted text costs no more than reading it): sign, digits
 * with grouping commas, a decimal part, an exponent. Grouping is international (1,234,567: groups
 * of three) or Indian (12,34,567: the last group of three, the ones before it of two); an exponent
 * only goes with ungrouped digits.
 */
function scanNumber(text: string): string | undefined {
  let i = isSign(text.charCodeAt(0)) ? 1 : 0;
  let digits = 0;
  let group = 0; // digits since the last comma (or the start)
  let commas = 0;
  let firstGroup = 0;
  let twos = true; // every group between the first and the last has two digits (Indian)
  let threes = true; // ... has three digits (international)
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) {
      digits++;
      group++;
    } else if (code === COMMA) {
      if (group === 0) return undefined;
      if (commas === 0) firstGroup = group;
      else {
        twos &&= group === 2;
        threes &&= group === 3;
      }
      commas++;
      group = 0;
    } else break;
  }
  if (commas > 0) {
    const indian = twos && firstGroup <= 2;
    const international = threes && firstGroup <= 3;
    if (group !== 3 || !(indian || international)) return undefined;
  }
  if (text.charCodeAt(i) === POINT) {
    for (i++; i < text.length && isDigit(text.charCodeAt(i)); i++) digits++;
  }
  if (digits === 0) return undefined;
  if (commas === 0 && isExponent(text.charCodeAt(i))) {
    // then an optional sign and at least one digit
    i++;
    if (isSign(text.charCodeAt(i))) i++;
    const start = i;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    if (i === start) return undefined;
  }
  if (i !== text.length) return undefined;
  return commas === 0 ? text : text.replace(/,/g, "");
}

/** Number from text the way Excel reads typed numbers: "400", "6,000", "1,00,000", "1.5e3", "84%". */
function numberFromText(text: string): number | undefined {
  const trimmed = text.trim();
  const percent = trimmed.endsWith("%");
  const body = percent ? trimmed.slice(0, -1).trimEnd() : trimmed;
  const digits = scanNumber(body);
  if (digits === undefined) return undefined;
  const parsed = Number(digits);
  return percent ? parsed / 100 : parsed;
}

function toNumber(value: unknown, name: string): number {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw valueError(`${name} is not a finite number.`);
    return value === 0 ? 0 : value; // -0 -> 0
  }
  if (typeof value === "string") {
    const parsed = numberFromText(value);
    if (parsed === undefined) {
      const grouping = value.includes(",")
        ? " Digits may be grouped the international way (1,234,567) or the Indian way (12,34,567)."
        : "";
      throw valueError(`${name} must be a number; "${value}" is text.${grouping}`);
    }
    if (!Number.isFinite(parsed)) throw numError(`${name} ("${value}") is too large a number.`);
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
 * no list in between: a model sheet does this on every recalculation. Empty cells are skipped. In a
 * range, text (even "20") and booleans are #VALUE!, naming the cell's position and value: Excel's
 * SUM ignores them, so converting them would make the result disagree with the native formula a
 * workbook without the add-in uses. A single value typed as the argument is read like any number.
 */
export function addNumbersFromRange(values: unknown, name: string, sink: NumberSink): void {
  const range = basicValue(values, name);
  if (!Array.isArray(range)) {
    if (!isMissing(range)) sink.add(toNumber(range, name));
    return;
  }
  for (let r = 0; r < range.length; r++) {
    const row: unknown = range[r];
    const cells: unknown[] = Array.isArray(row) ? row : [row];
    if (range.length > 1 && cells.length > 1) {
      throw valueError(
        `${name} must be one row or one column (got ${range.length} rows x ${cells.length} columns).`,
      );
    }
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (isPlainNumber(cell)) sink.add(cell === 0 ? 0 : cell);
      else addRangeCell(cell, `Cell ${r + c + 1} of ${name}`, sink);
    }
  }
}

/** TRUE, FALSE, or what else a cell holds that is neither text nor a number. */
const shownValue = (cell: unknown): string =>
  typeof cell === "boolean" ? (cell ? "TRUE" : "FALSE") : "an array";

/** A cell of a range that is not a plain number: empty (skipped), or a number only if it is one. */
function addRangeCell(value: unknown, position: string, sink: NumberSink): void {
  const cell = basicValue(value, position);
  if (cell === null || cell === undefined || cell === "") return;
  if (typeof cell === "number") {
    sink.add(toNumber(cell, position));
    return;
  }
  const shown = typeof cell === "string" ? `the text "${cell}"` : shownValue(cell);
  throw valueError(
    `${position} holds ${shown}, not a number: type it as a number or clear the cell.`,
  );
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
