/**
 * The mapping of model errors to CustomFunctions.Error, the one thing about Excel's calling
 * conventions that needs the custom-functions runtime. Argument coercion is in model/coerce.ts.
 */
import { ModelError } from "../model/errors";
import type { ModelErrorKind } from "../model/errors";

// Names, not values: CustomFunctions is a runtime global, read only when an error is raised.
const ERROR_CODES: Record<ModelErrorKind, keyof typeof CustomFunctions.ErrorCode> = {
  value: "invalidValue",
  num: "invalidNumber",
  div0: "divisionByZero",
  na: "notAvailable",
};

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
