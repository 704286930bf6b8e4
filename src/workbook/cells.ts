/**
 * The one place a value becomes a cell. Writers build CellInputs with these helpers and both hosts
 * turn them into what goes into a range's `formulas` slot with hostInput, so text is safe everywhere.
 */
import { WorkbookError, type CellInput } from "./port";

export type Scalar = string | number | boolean | null;

/** A value stored as it is: text stays text, numbers stay numbers, null leaves the cell empty. */
export function value(content: Scalar | undefined): CellInput {
  return { kind: "value", value: content ?? null };
}

/** A formula the writers composed themselves (never user or data-set text). */
export function formula(text: string): CellInput {
  if (!text.startsWith("=")) throw new Error(`A formula must start with "=": ${text}`);
  return { kind: "formula", formula: text };
}

export const EMPTY: CellInput = { kind: "value", value: null };

/**
 * What a host writes for a cell. Every non-empty text gets a leading apostrophe, Excel's "this is
 * text" prefix (HyperFormula honours it too): text starting with = + - @, a tab, CR or LF is never
 * evaluated, and text Excel would otherwise convert ("April 2025" to a date, "2025" or "1,345" to a
 * number, "TRUE" to a boolean) keeps exactly the characters the data set holds. The apostrophe is
 * not part of the stored value.
 */
export function hostInput(cell: CellInput): string | number | boolean {
  if (cell.kind === "formula") return cell.formula;
  const content = cell.value;
  if (content === null || content === "") return "";
  if (typeof content === "number") {
    // NaN or Infinity reaching a cell is a bug in a writer, never something to write.
    if (!Number.isFinite(content)) {
      throw new WorkbookError(
        `A writer produced the number ${content}, which Excel cannot store.`,
        "Report this as a bug in the add-in.",
      );
    }
    return content;
  }
  if (typeof content === "boolean") return content;
  return `'${content}`;
}
