/**
 * Fuzzing through the entry points Excel uses: the functions dist/functions.js registers with
 * CustomFunctions.associate, called with what Excel can pass (scalars for scalar parameters, 2-D
 * ranges for matrix parameters, null for omitted optionals) including Excel's edge cases. Every
 * result must be a finite number, text, a boolean, a rectangular matrix of those, or a
 * CustomFunctions.Error with a code and a message.
 */
import fc from "fast-check";
import { CATALOG } from "../../src/functions/catalog";
import { loadFunctionsBundle, readMetadata, StubError } from "../support/functionsBundle";
import { longTextCalls, validArguments } from "../support/longTexts";

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
/** Excel data types as a "any" parameter receives them (functions.json allows them). */
const dataType = fc.oneof(
  text.map((value) => ({ type: "Entity", text: value, properties: {} })),
  text.map((value) => ({
    type: "LinkedEntity",
    text: value,
    basicType: "Error",
    basicValue: "#VALUE!",
  })),
  number.map((value) => ({ type: "FormattedNumber", basicValue: value, numberFormat: "0%" })),
  number.map((value) => ({ type: "Double", basicValue: value })),
  text.map((value) => ({ type: "String", basicValue: value })),
  fc.boolean().map((value) => ({ type: "Boolean", basicValue: value })),
  fc
    .constantFrom("#DIV/0!", "#N/A", "#VALUE!", "#NUM!", "#REF!", "#NAME?", "#SPILL!")
    .map((code) => ({ type: "Error", basicValue: code })),
  fc.constantFrom(
    { type: "Empty" },
    { type: "WebImage", basicType: "Error", basicValue: "#VALUE!" },
  ),
);
const cell = fc.oneof(
  { arbitrary: number, weight: 4 },
  { arbitrary: text, weight: 3 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constant(null), weight: 2 },
  { arbitrary: dataType, weight: 1 },
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

/** The outcome of a call: its value, or the code of the CustomFunctions.Error it threw. */
function outcome(call: () => unknown): { value?: unknown; code?: string } {
  try {
    return { value: call() };
  } catch (error) {
    if (error instanceof StubError) return { code: error.code };
    throw error;
  }
}

// How long each takes is a figure of npm run bench (bench/longText.ts), not a timed test.
describe("text of Excel's full cell length (32,767 characters) in every parameter", () => {
  const calls = longTextCalls(functions);
  it.each(functions.map((f) => [f.id] as const))(
    "REE.%s answers each with a value or an Excel error",
    (id) => {
      const fn = registered.get(id)!;
      const failures = calls
        .filter((call) => call.id === id)
        .map((call) => ({ call, problem: problemWith(() => fn(...call.args)) }))
        .filter(({ problem }) => problem !== null)
        .map(({ call, problem }) => `${call.parameter} = ${call.text.slice(0, 12)}…: ${problem}`);
      expect(failures).toEqual([]);
    },
  );
});

describe("keys every JavaScript object has are unknown names in every lookup parameter", () => {
  const KEYS = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"];
  const lookups = CATALOG.flatMap((spec) =>
    spec.parameters
      .map((p, index) => ({ spec, p, index }))
      .filter(({ p }) => p.unit.startsWith("text")),
  );

  it("covers every function that looks a name up", () => {
    expect(new Set(lookups.map(({ spec }) => spec.name))).toEqual(
      new Set([
        "FACT",
        "SOURCE",
        "FACTS",
        "CLAIMS",
        "TABLE",
        "NDPR_GAP",
        "IMPORT_SHARE",
        "IMPORT_VOLUME",
        "WORLD_SHARE",
        "OXIDE_TO_METAL",
        "METAL_TO_OXIDE",
        "SERIES",
        "SCENARIO",
      ]),
    );
  });
  it.each(
    lookups.map(({ spec, p, index }) => [`${spec.name}(${p.name})`, spec.name, index] as const),
  )("%s: each key is #N/A (#VALUE! where a period is expected)", (label, id, index) => {
    // A period ("FY24", 2024) is parsed, not looked up: a key there is text that is not a period.
    const expected = /^SERIES\((from|to)\)$/.test(label) ? "#VALUE!" : "#N/A";
    for (const key of KEYS) {
      const args = validArguments(id);
      args[index] = key;
      expect([key, outcome(() => registered.get(id)!(...args)).code]).toEqual([key, expected]);
    }
  });
});

describe("amounts that cancel up to rounding", () => {
  const reliance = registered.get("IMPORT_RELIANCE")!;
  const amount = fc.double({ min: 1e-300, max: 1e300, noNaN: true });

  it("IMPORT_RELIANCE(a, a + b, b): apparent consumption b + a - (a + b) is 0, so #DIV/0!", () => {
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        expect(outcome(() => reliance(a, a + b, b)).code).toBe("#DIV/0!");
      }),
      { numRuns: 2_000 },
    );
    for (const [imports, exports, production] of [
      [1.1, 3.3, 2.2],
      [0.1, 0.3, 0.2],
      [0.2, 0.9, 0.7],
    ]) {
      expect(outcome(() => reliance(imports, exports, production)).code).toBe("#DIV/0!");
    }
  });
  it("IMPORT_RELIANCE(x, 0, x) = x / 2x = 0.5 for any x, up to the largest double", () => {
    fc.assert(
      fc.property(fc.double({ min: 5e-324, max: Number.MAX_VALUE, noNaN: true }), (x) => {
        expect(reliance(x, 0, x)).toBe(0.5);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("digit grouping in numeric text", () => {
  const reserveLife = registered.get("RESERVE_LIFE")!;
  // Intl formats the grouping independently of our parser: en-IN groups 12,34,567, en-US 1,234,567.
  const grouped = (locale: string, n: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(n);
  const amount = fc.oneof(
    fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    fc.integer({ min: 0, max: 1e9 }).map((n) => n / 1000),
  );

  it("Indian and international grouping read as the number (RESERVE_LIFE(text, 1) = text)", () => {
    fc.assert(
      fc.property(amount, fc.constantFrom("en-IN", "en-US"), (n, locale) => {
        expect(reserveLife(grouped(locale, n), 1)).toBe(n);
      }),
      { numRuns: 2_000 },
    );
    expect(reserveLife("1,00,000", 1)).toBe(100000);
    expect(reserveLife("12,34,567.5", 1)).toBe(1234567.5);
  });
  it("grouping that is neither is #VALUE!", () => {
    for (const text of ["1,0,0", "1,00,00", "1,0000", "12,3,456", ",100", "100,", "1,,000"]) {
      expect([text, outcome(() => reserveLife(text, 1)).code]).toEqual([text, "#VALUE!"]);
    }
  });
});

afterAll(() => {
  expect(functions.length).toBeGreaterThanOrEqual(23);
  expect(calls).toBeGreaterThanOrEqual(30_000);
});
