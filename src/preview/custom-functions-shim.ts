/**
 * Outside Excel (tests, the browser preview, benchmarks) there is no CustomFunctions runtime. This
 * installs the two members our functions use, CustomFunctions.Error and CustomFunctions.ErrorCode,
 * with Excel's error codes, so the same function code runs unchanged. Never bundled into dist/.
 */
const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
  connect: "#CONNECT!",
  busy: "#BUSY!",
  calc: "#CALC!",
  spill: "#SPILL!",
} as const;

class CustomFunctionsError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

export function installCustomFunctionsShim(): void {
  const scope = globalThis as { CustomFunctions?: unknown };
  if (scope.CustomFunctions) return;
  scope.CustomFunctions = {
    Error: CustomFunctionsError,
    ErrorCode,
    associate: () => undefined,
  };
}
