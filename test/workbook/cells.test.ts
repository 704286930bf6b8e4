/** Text is stored as text: what each host writes for a cell. */
import fc from "fast-check";
import { formula, hostInput, value } from "../../src/workbook/cells";
import { WorkbookError } from "../../src/workbook/port";

describe("hostInput", () => {
  test.each(["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\n=1", "=cmd|' /C calc'!A0"])(
    "%j is written with Excel's text prefix",
    (text) => expect(hostInput(value(text))).toBe(`'${text}`),
  );

  test("text Excel would convert keeps its characters", () => {
    for (const text of ["April 2025", "2025", "1,345", "TRUE", "84%", "2025-04"]) {
      expect(hostInput(value(text))).toBe(`'${text}`);
    }
  });

  test("numbers, booleans and empties pass as they are", () => {
    expect(hostInput(value(6000))).toBe(6000);
    expect(hostInput(value(-0.5))).toBe(-0.5);
    expect(hostInput(value(true))).toBe(true);
    expect(hostInput(value(null))).toBe("");
    expect(hostInput(value(undefined))).toBe("");
    expect(hostInput(value(""))).toBe("");
  });

  test("NaN and Infinity are refused, never written", () => {
    expect(() => hostInput(value(Number.NaN))).toThrow(WorkbookError);
    expect(() => hostInput(value(Number.POSITIVE_INFINITY))).toThrow(WorkbookError);
  });

  test("only a formula cell is written as a formula", () => {
    expect(hostInput(formula('=REE.FACT("india.repm.target_t")'))).toBe(
      '=REE.FACT("india.repm.target_t")',
    );
    expect(() => formula("REE.FACT()")).toThrow();
  });

  test("property: no text value is ever written so that it starts a formula", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const written = hostInput(value(text));
        expect(written === "" || (typeof written === "string" && written === `'${text}`)).toBe(
          true,
        );
      }),
    );
  });
});
