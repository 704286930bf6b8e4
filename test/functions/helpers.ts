/** The CustomFunctions.Error an adapter throws (failing when it returns or throws anything else). */
export function excelError(fn: () => unknown): CustomFunctions.Error {
  try {
    fn();
  } catch (error) {
    if (error instanceof CustomFunctions.Error) return error;
    throw error;
  }
  throw new Error("expected a CustomFunctions.Error");
}

export function expectExcelError(fn: () => unknown, code: string, message?: RegExp): void {
  const error = excelError(fn);
  expect(error.code).toBe(code);
  expect(error.message ?? "").not.toBe("");
  if (message) expect(error.message).toMatch(message);
}
