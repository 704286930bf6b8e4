// Column letters and cell addresses are workbook/address's (test/workbook/address.test.ts); the
// preview adds a lenient parse of what a user types and "is this cell in the selection".
import { inRange, parseCell, parseRange } from "../../src/preview/address";
import { formatCellValue } from "../../src/preview/cellFormat";
import { niceMax } from "../../src/preview/Chart";

describe("preview addresses", () => {
  it("parses cells and ranges, with or without $ and a sheet", () => {
    expect(parseCell("B7")).toEqual({ row: 6, column: 1 });
    expect(parseCell("$AA$10")).toEqual({ row: 9, column: 26 });
    expect(parseCell("7B")).toBeUndefined();
    expect(parseRange("'Supply gap model'!D9:B2")).toEqual({
      start: { row: 1, column: 1 },
      end: { row: 8, column: 3 },
    });
    expect(inRange({ row: 3, column: 2 }, parseRange("B2:D9"))).toBe(true);
    expect(inRange({ row: 3, column: 5 }, parseRange("B2:D9"))).toBe(false);
  });
});

describe("preview cell display", () => {
  it("applies the number formats the writers use", () => {
    expect(formatCellValue(1600, "#,##0")).toBe("1,600");
    expect(formatCellValue(0.84, "0%")).toBe("84%");
    expect(formatCellValue(0.845, "0.0%")).toBe("84.5%");
    expect(formatCellValue(86.7741935, "#,##0.00")).toBe("86.77");
    expect(formatCellValue(-1600, "#,##0")).toBe("-1,600");
    expect(formatCellValue(6000, '#,##0" t"')).toBe("6,000 t");
    expect(formatCellValue(1 / 3, "0.000")).toBe("0.333");
    expect(formatCellValue(2030, "0")).toBe("2030");
    expect(formatCellValue(1.5, "#,##0.0")).toBe("1.5");
  });

  it("picks conditional sections: Indian digit grouping for rupee amounts", () => {
    const indian = "[>=10000000]##\\,##\\,##\\,##0;[>=100000]##\\,##\\,##0;##,##0";
    expect(formatCellValue(1345, indian)).toBe("1,345");
    expect(formatCellValue(1234567, indian)).toBe("12,34,567");
    expect(formatCellValue(123456789, indian)).toBe("12,34,56,789");
    expect(formatCellValue(0, indian)).toBe("0");
  });

  it("uses the negative section when there is one", () => {
    expect(formatCellValue(-5, '#,##0;"short "#,##0')).toBe("short 5");
  });

  it("shows General numbers unformatted, and text, booleans and errors as they are", () => {
    expect(formatCellValue(1600)).toBe("1600");
    expect(formatCellValue(1 / 3)).toBe("0.3333333333");
    expect(formatCellValue(2030, "@")).toBe("2030");
    expect(formatCellValue("#N/A", "#,##0")).toBe("#N/A");
    expect(formatCellValue(true)).toBe("TRUE");
    expect(formatCellValue(null)).toBe("");
  });
});

describe("preview chart axis", () => {
  it("tops the axis at a round number", () => {
    expect([15562, 1600, 0.84, 100, 0].map(niceMax)).toEqual([20000, 2000, 1, 100, 1]);
  });
});
