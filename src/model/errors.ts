/**
 * Domain errors of the model layer. Each kind maps to one Excel error code in the function adapters
 * (src/functions/args.ts), so the model stays free of Office types.
 */
export type ModelErrorKind = "value" | "num" | "div0" | "na";

/** Longest quoted text an error message repeats back; a pasted essay is cut, not echoed whole. */
const MAX_QUOTED = 200;

const clipQuoted = (message: string): string =>
  message.replace(
    new RegExp(`"([^"]{${MAX_QUOTED + 1},})"`, "g"),
    (_, text: string) => `"${text.slice(0, 60)}…" (${text.length} characters)`,
  );

export class ModelError extends Error {
  constructor(
    readonly kind: ModelErrorKind,
    message: string,
  ) {
    super(clipQuoted(message));
    this.name = "ModelError";
  }
}

/** Wrong type of input: text where a number is needed, a boolean, a range for a single value. */
export const valueError = (message: string): ModelError => new ModelError("value", message);
/** An impossible number: negative tonnes, a share above 1, a rate of -100% or less. */
export const numError = (message: string): ModelError => new ModelError("num", message);
/** A zero divisor: zero demand, zero production, values that sum to zero. */
export const div0Error = (message: string): ModelError => new ModelError("div0", message);
/** Something not in the data set: an unknown fact id, country, table, topic or option. */
export const naError = (message: string): ModelError => new ModelError("na", message);
