import { excelError as toExcelError } from "../../src/functions/args";
import {
  checked,
  isMissing,
  addNumbersFromRange,
  optionalNumber,
  requireNumber,
  requireText,
} from "../../src/model/coerce";
import { naError } from "../../src/model/errors";
import { excelError } from "./helpers";

/** The idiom every adapter uses: check the result, turn any failure into CustomFunctions.Error. */
function guard<T>(body: () => T): T {
  try {
    return checked(body() as never);
  } catch (error) {
    throw toExcelError(error);
  }
}

describe("argument coercion", () => {
  it("treats null, undefined, empty and blank text as missing", () => {
    expect([null, undefined, "", "   "].every(isMissing)).toBe(true);
    expect([0, "0", false].some(isMissing)).toBe(false);
    expect(optionalNumber(null, "x")).toBeUndefined();
    expect(optionalNumber([[""]], "x")).toBeUndefined();
  });
  it("reads numbers from text like Excel: grouping commas, percent, exponent, signs", () => {
    expect(requireNumber("1,234,567.5", "x")).toBe(1234567.5);
    expect(requireNumber("-84%", "x")).toBe(-0.84);
    expect(requireNumber("+.5", "x")).toBe(0.5);
    expect(() => guard(() => requireNumber("1,23", "x"))).toThrow(CustomFunctions.Error);
    expect(() => guard(() => requireNumber("12abc", "x"))).toThrow(CustomFunctions.Error);
  });
  it("reads each part of a typed number once: sign, grouped digits, decimals, exponent, percent", () => {
    const read = (text: string) => requireNumber(text, "x");
    expect([read("5."), read(".5"), read("-.5e1"), read("1E+3"), read("2e-3")]).toEqual([
      5, 0.5, -5, 1000, 0.002,
    ]);
    expect([read(" 1,000.25 "), read("12,34,567"), read("1,00,00,000.5"), read("7 %")]).toEqual([
      1000.25, 1234567, 10000000.5, 0.07,
    ]);
    for (const text of [
      "+",
      "-",
      ".",
      "e3",
      "1e",
      "1e+",
      "1,000e3",
      "1.2.3",
      "--1",
      "1,",
      ",1",
      "0x10",
    ]) {
      expect([text, excelError(() => guard(() => read(text))).code]).toEqual([text, "#VALUE!"]);
    }
    expect(excelError(() => guard(() => read("1e400"))).code).toBe("#NUM!"); // too large
  });
  it("trims text and refuses numbers where text is needed", () => {
    expect(requireText("  China ", "country")).toBe("China");
    expect(excelError(() => guard(() => requireText(3, "country"))).message).toBe(
      "country must be text, not the number 3.",
    );
  });
  it("ranges: a row or a column, blanks skipped, positions named", () => {
    const numbersOf = (values: unknown): number[] => {
      const numbers: number[] = [];
      addNumbersFromRange(values, "v", { add: (value) => numbers.push(value) });
      return numbers;
    };
    expect(numbersOf([[1, "", 2, null]])).toEqual([1, 2]);
    expect(numbersOf([[1], [6000], [-0]])).toEqual([1, 6000, 0]);
    expect(numbersOf(7)).toEqual([7]);
    expect(numbersOf("6,000")).toEqual([6000]); // a single typed value, not a range
    expect(excelError(() => guard(() => numbersOf([[1], [true]]))).message).toBe(
      "Cell 2 of v holds TRUE, not a number: type it as a number or clear the cell.",
    );
    expect(excelError(() => guard(() => numbersOf([[1], ["6,000"]]))).message).toBe(
      'Cell 2 of v holds the text "6,000", not a number: type it as a number or clear the cell.',
    );
    expect(excelError(() => guard(() => numbersOf([[1], [2, 3]]))).message).toBe(
      "v must be one row or one column (got 2 rows x 2 columns).",
    );
  });
});

describe("checked results and Excel errors", () => {
  it("maps model errors to Excel codes with their message", () => {
    const error = excelError(() =>
      guard(() => {
        throw naError('Unknown country "X".');
      }),
    );
    expect([error.code, error.message]).toEqual(["#N/A", 'Unknown country "X".']);
  });
  it("reports anything else as an internal #VALUE! rather than a raw exception", () => {
    const error = excelError(() => guard(() => JSON.parse("{") as number));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^Internal error: /);
  });
  it("never lets NaN, Infinity or a ragged matrix through; -0 becomes 0", () => {
    expect(excelError(() => guard(() => NaN)).code).toBe("#NUM!");
    expect(excelError(() => guard(() => [[1, Infinity]])).code).toBe("#NUM!");
    expect(excelError(() => guard(() => [[1, 2], [3]])).message).toMatch(/rectangular/);
    expect(
      Object.is(
        guard(() => -0),
        0,
      ),
    ).toBe(true);
  });
});
