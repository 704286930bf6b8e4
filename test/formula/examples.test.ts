/** Every catalog example (shown in the help pages and docs) gives its stated result in a real sheet. */
import { CATALOG } from "../../src/functions/catalog";
import { sheet } from "./engine";

const decimalsShown = (value: number): number => String(value).split(".")[1]?.length ?? 0;

describe.each(CATALOG.map((spec) => [spec.example.formula, spec] as const))(
  "%s",
  (formula, spec) => {
    it("gives the documented result", () => {
      const s = sheet([[formula]]);
      const expected = spec.example.result;
      if (typeof expected === "number") {
        // An example states its result rounded by hand; the function agrees to the digits shown.
        expect(s.value("A1")).toBeCloseTo(expected, decimalsShown(expected));
      } else if (typeof expected === "string") {
        expect(s.value("A1")).toBe(expected);
      } else {
        const values = s.hf.getSheetValues(0);
        expect(values[0]).toEqual(expected.header);
        if (expected.rows !== undefined) expect(values).toHaveLength(expected.rows + 1);
        expect(values.every((row) => row.length === expected.header.length)).toBe(true);
      }
    });
  },
);
