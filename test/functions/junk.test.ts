/**
 * Property: whatever Excel hands an adapter (numbers incl. NaN/Infinity/-0, text, booleans, empty
 * cells, ranges, odd objects), it returns a finite number, text, a boolean or a rectangular matrix of
 * those, or throws CustomFunctions.Error with an Excel code and a message. Never NaN, Infinity, a
 * ragged matrix, any other exception or an "Internal error".
 */
import fc from "fast-check";
import { CATALOG } from "../../src/functions/catalog";

const CODES = ["#VALUE!", "#NUM!", "#DIV/0!", "#N/A"];

const scalar = fc.oneof(
  fc.double(),
  fc.integer({ min: -3000, max: 10000 }),
  fc.constantFrom(0, -0, 1, 0.5, 2024, 2023, NaN, Infinity, -Infinity, 1e308),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    "",
    "  ",
    "400",
    "6,000",
    "84%",
    "China",
    "India",
    "US",
    "Burma",
    "oxide",
    "magnet",
    "Nd",
  ),
  fc.constantFrom(
    "reserves",
    "production",
    "partners",
    "demand",
    "india.repm.target_t",
    "value",
    "low",
  ),
  fc.boolean(),
  fc.constantFrom(null, undefined),
);
const range = fc.array(fc.array(scalar, { minLength: 1, maxLength: 3 }), {
  minLength: 1,
  maxLength: 4,
});
const junk = fc.oneof(
  { arbitrary: scalar, weight: 8 },
  { arbitrary: range, weight: 2 },
  { arbitrary: fc.constantFrom({}, [], [[]], { code: "#N/A" }), weight: 1 },
);

function isCellValue(value: unknown): boolean {
  return (
    (typeof value === "number" && Number.isFinite(value)) ||
    typeof value === "string" ||
    typeof value === "boolean"
  );
}

function checkOutcome(call: () => unknown): boolean {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    if (!(error instanceof CustomFunctions.Error)) throw error;
    expect(CODES).toContain(error.code);
    expect(error.message).toMatch(/\S/);
    expect(error.message).not.toMatch(/^Internal error/);
    return true;
  }
  if (Array.isArray(result)) {
    expect(result.length).toBeGreaterThan(0);
    const width = (result[0] as unknown[]).length;
    for (const row of result as unknown[][]) {
      expect(row).toHaveLength(width);
      for (const cell of row) expect(isCellValue(cell)).toBe(true);
    }
  } else {
    expect(isCellValue(result)).toBe(true);
  }
  return true;
}

describe.each(CATALOG.map((spec) => [spec.name, spec] as const))("REE.%s given junk", (_, spec) => {
  const call = spec.adapter as (...args: unknown[]) => unknown;
  it("returns a cell value or throws CustomFunctions.Error", () => {
    fc.assert(
      fc.property(fc.array(junk, { minLength: 0, maxLength: spec.parameters.length }), (args) =>
        checkOutcome(() => call(...args)),
      ),
      { numRuns: 150 },
    );
  });
});
