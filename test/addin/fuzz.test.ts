/**
 * Fuzzing through the entry points Excel uses: the functions dist/functions.js registers with
 * CustomFunctions.associate, called with what Excel can pass (scalars for scalar parameters, 2-D
 * ranges for matrix parameters, null for omitted optionals) including Excel's edge cases. Every
 * result must be a finite number, text, a boolean, a rectangular matrix of those, or a
 * CustomFunctions.Error with a code and a message.
 */
import fc from "fast-check";
import { loadFunctionsBundle, readMetadata, StubError } from "../support/functionsBundle";

const RUNS_PER_FUNCTION = 1_200;
const CODES = ["#VALUE!", "#NUM!", "#DIV/0!", "#N/A"];

const text = fc.oneof(
  fc.constantFrom("", " ", "\t", "  China  ", "india", "BURMA", "U.S.", "n/a", "TRUE"),
  fc.constantFrom(
    "=1+1",
    "+SUM(A1:A3)",
    "-2",
    "@REE.FACT",
    "=cmd|' /C calc'!A0",
    "#N/A",
    "#VALUE!",
  ),
  fc.constantFrom("中国", "भारत", "Côte d'Ivoire", "🧲 magnets", "Ñ", "\u0000", "\u202e"),
  fc.constantFrom(
    "india.repm.target_t",
    "china.processing_share",
    "partners",
    "reserves",
    "magnet",
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => "x".repeat(n)),
);
const number = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, 2024, 1e308, -1e308, 5e-324, -5e-324, 2.2250738585072014e-308),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -100_000, max: 100_000 }),
);
const cell = fc.oneof(
  { arbitrary: number, weight: 4 },
  { arbitrary: text, weight: 3 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constant(null), weight: 2 },
);
const range = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }))
  .chain(([rows, columns]) =>
    fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), {
      minLength: rows,
      maxLength: rows,
    }),
  );

function isCellValue(value: unknown): boolean {
  return (
    (typeof value === "number" && Number.isFinite(value)) ||
    typeof value === "string" ||
    typeof value === "boolean"
  );
}

/** Returns a description of what is wrong with an outcome, or null when it is acceptable. */
function problemWith(call: () => unknown): string | null {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    if (!(error instanceof StubError)) return `threw ${String(error)}`;
    if (!CODES.includes(error.code)) return `unexpected error code ${error.code}`;
    if (!error.message || !/\S/.test(error.message)) return `${error.code} without a message`;
    return null;
  }
  if (!Array.isArray(result)) return isCellValue(result) ? null : `returned ${String(result)}`;
  if (result.length === 0 || !Array.isArray(result[0])) return "returned an empty or 1-D array";
  const width = (result[0] as unknown[]).length;
  for (const row of result as unknown[][]) {
    if (!Array.isArray(row) || row.length !== width) return "returned a ragged matrix";
    const bad = row.find((value) => !isCellValue(value));
    if (bad !== undefined) return `returned a matrix holding ${String(bad)}`;
  }
  return null;
}

const registered = loadFunctionsBundle();
const { functions } = readMetadata();
let calls = 0;

describe.each(functions.map((f) => [f.id, f] as const))("REE.%s", (id, meta) => {
  const fn = registered.get(id)!;
  const argument = (p: (typeof meta.parameters)[number]) => {
    const value = p.dimensionality === "matrix" ? range : cell;
    return p.optional ? fc.oneof(value, fc.constant(null)) : value;
  };

  it(`answers ${RUNS_PER_FUNCTION} calls of fuzzed Excel input with a value or a CustomFunctions.Error`, () => {
    fc.assert(
      fc.property(fc.tuple(...meta.parameters.map(argument)), (args) => {
        calls++;
        const problem = problemWith(() => fn(...args));
        if (problem)
          throw new Error(`REE.${id}(${JSON.stringify(args).slice(0, 200)}): ${problem}`);
      }),
      { numRuns: RUNS_PER_FUNCTION },
    );
  });
});

afterAll(() => {
  expect(functions.length).toBeGreaterThanOrEqual(23);
  expect(calls).toBeGreaterThanOrEqual(30_000);
});
