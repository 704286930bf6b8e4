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

/** An Error that says which Excel error it maps to. */
export interface ModelError extends Error {
  readonly kind: ModelErrorKind;
}

interface ModelErrorConstructor {
  new (kind: ModelErrorKind, message: string): ModelError;
  prototype: ModelError;
}

/**
 * A constructor in ES5 terms rather than `class ModelError extends Error`: functions.js runs in
 * IE11 too, where Babel's subclassing of a built-in (wrapNativeSuper, Reflect.construct fallbacks
 * and eight more helpers) weighed about 0.5 KB gzip in a bundle with a 30 KB budget. The error is
 * a real Error (message, stack) given this prototype, so `instanceof ModelError` and
 * `instanceof Error` both hold.
 */
function createModelError(kind: ModelErrorKind, message: string): ModelError {
  const error = new Error(clipQuoted(message)) as Error & { kind: ModelErrorKind };
  Object.setPrototypeOf(error, createModelError.prototype);
  error.kind = kind;
  return error;
}
createModelError.prototype = Object.create(Error.prototype, {
  constructor: { value: createModelError, writable: true, configurable: true },
  name: { value: "ModelError", writable: true, configurable: true },
});

// The value and the type share the name, as a class's would.
// eslint-disable-next-line no-redeclare
export const ModelError = createModelError as unknown as ModelErrorConstructor;

/** Wrong type of input: text where a number is needed, a boolean, a range for a single value. */
export const valueError = (message: string): ModelError => new ModelError("value", message);
/** An impossible number: negative tonnes, a share above 1, a rate of -100% or less. */
export const numError = (message: string): ModelError => new ModelError("num", message);
/** A zero divisor: zero demand, zero production, values that sum to zero. */
export const div0Error = (message: string): ModelError => new ModelError("div0", message);
/** Something not in the data set: an unknown fact id, country, table, topic or option. */
export const naError = (message: string): ModelError => new ModelError("na", message);
