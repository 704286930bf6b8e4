import { ModelError } from "../../src/model/errors";
import type { ModelErrorKind } from "../../src/model/errors";

/** Runs fn and returns the ModelError it throws (failing when it throws nothing or something else). */
export function modelError(fn: () => unknown): ModelError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ModelError) return error;
    throw error;
  }
  throw new Error("expected a ModelError");
}

export function expectKind(fn: () => unknown, kind: ModelErrorKind, message?: RegExp): void {
  const error = modelError(fn);
  expect(error.kind).toBe(kind);
  if (message) expect(error.message).toMatch(message);
}
