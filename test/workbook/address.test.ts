import {
  absolute,
  cellAddress,
  columnIndex,
  columnLetters,
  parseQualified,
  parseRange,
  qualified,
  rangeAddress,
} from "../../src/workbook/address";

test("column letters round-trip", () => {
  for (const [index, letters] of [
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ] as const) {
    expect(columnLetters(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
  }
});

test("ranges parse and print", () => {
  expect(parseRange("$B$2:F40")).toEqual({ row: 1, column: 1, rows: 39, columns: 5 });
  expect(rangeAddress({ row: 1, column: 1, rows: 1, columns: 1 })).toBe("B2");
  expect(cellAddress({ row: 6, column: 1 })).toBe("B7");
  expect(absolute("B2:F40")).toBe("$B$2:$F$40");
});

test("sheet-qualified addresses quote and unquote sheet names", () => {
  expect(qualified("Supply gap model", "B5")).toBe("'Supply gap model'!$B$5");
  expect(qualified("It's", "A1")).toBe("'It''s'!$A$1");
  expect(parseQualified("'It''s'!$A$1:B2")).toEqual({ sheet: "It's", address: "A1:B2" });
  expect(parseQualified("=Sheet1!C3")).toEqual({ sheet: "Sheet1", address: "C3" });
});
