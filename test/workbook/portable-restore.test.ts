/**
 * Restore follows converted cells wherever rows were inserted or deleted since (the Portability
 * records are tied to workbook names, which Excel and HyperFormula move with their cells), refuses
 * a record whose cells are gone or changed, and skips a record someone edited by hand instead of
 * giving up on the whole restore. On the preview engine (HyperFormula).
 */
import { createPreviewWorkbook, type PreviewSheet } from "../../src/preview/workbook";
import { parseCell } from "../../src/workbook/address";
import { makePortable, restoreLiveFormulas } from "../../src/workbook/portable/actions";
import { PORTABILITY_COLUMNS } from "../../src/workbook/portable/record";

type Book = ReturnType<typeof createPreviewWorkbook>;
const NOW = new Date("2026-12-01T10:00:00Z");

const cell = (book: Book, sheet: string, address: string) => {
  const { row, column } = parseCell(address);
  const found = book.sheets().find((s) => s.name === sheet) as PreviewSheet;
  return found.cells[row]?.[column];
};

/** Three year facts: two give 2025, one 2010, as their sources state. */
const PLAN_YEAR = '=REE.FACT("irel.magnet_plan_report_year")';
const APPROVAL_YEAR = '=REE.FACT("irel.magnet_board_approval_year")';
const EMBARGO_YEAR = '=REE.FACT("china.embargo_year")';

async function convertedYears(): Promise<Book> {
  const book = createPreviewWorkbook();
  book.setCell("Sheet1", "B1", PLAN_YEAR);
  book.setCell("Sheet1", "B2", APPROVAL_YEAR);
  book.setCell("Sheet1", "B3", EMBARGO_YEAR);
  expect(await makePortable(book.port, "workbook", undefined, NOW)).toMatchObject({
    status: "converted",
    converted: 3,
  });
  // Lookups become their figures: 2025, 2025, 2010.
  expect(["B1", "B2", "B3"].map((a) => cell(book, "Sheet1", a))).toEqual([
    { value: 2025 },
    { value: 2025 },
    { value: 2010 },
  ]);
  return book;
}

test("after row 1 is deleted, each formula goes back to its own (moved) cell", async () => {
  const book = await convertedYears();
  book.deleteRows("Sheet1", 1, 1);
  const outcome = await restoreLiveFormulas(book.port, NOW);
  // B1's cells were deleted: refused. B2 is now B1, B3 is now B2.
  expect(outcome.restored).toBe(2);
  expect(outcome.refused).toEqual([
    { sheet: "Sheet1", address: "B1", reason: "its cells were deleted" },
  ]);
  expect(cell(book, "Sheet1", "B1")).toEqual({ value: 2025, formula: APPROVAL_YEAR });
  expect(cell(book, "Sheet1", "B2")).toEqual({ value: 2010, formula: EMBARGO_YEAR });
  expect(cell(book, "Sheet1", "B3")).toBeUndefined();
});

test("after two rows are inserted above, the formulas go back to the cells that moved down", async () => {
  const book = await convertedYears();
  book.insertRows("Sheet1", 1, 2);
  const outcome = await restoreLiveFormulas(book.port, NOW);
  expect(outcome).toMatchObject({ restored: 3, refused: [] });
  expect(["B1", "B2"].map((a) => cell(book, "Sheet1", a))).toEqual([
    { value: null },
    { value: null },
  ]);
  expect(["B3", "B4", "B5"].map((a) => cell(book, "Sheet1", a))).toEqual([
    { value: 2025, formula: PLAN_YEAR },
    { value: 2025, formula: APPROVAL_YEAR },
    { value: 2010, formula: EMBARGO_YEAR },
  ]);
});

test("a cell changed since conversion, at its moved address, is refused and left as it is", async () => {
  const book = await convertedYears();
  book.deleteRows("Sheet1", 1, 1);
  book.setCell("Sheet1", "B2", "1999");
  const outcome = await restoreLiveFormulas(book.port, NOW);
  expect(outcome.refused).toContainEqual({
    sheet: "Sheet1",
    address: "B3",
    reason: "changed since converted",
  });
  expect(cell(book, "Sheet1", "B2")).toEqual({ value: 1999 });
  expect(cell(book, "Sheet1", "B1")).toEqual({ value: 2025, formula: APPROVAL_YEAR });
});

test("an Original formula edited into a live formula (F2, Enter) is skipped; the rest restore", async () => {
  const book = await convertedYears();
  const original = PORTABILITY_COLUMNS.indexOf("Original formula");
  const column = String.fromCharCode(65 + original);
  // Record of B2 (row 3 of the Portability sheet) evaluated; record of B3 lost its "=".
  book.setCell("Portability", `${column}3`, APPROVAL_YEAR);
  book.setCell("Portability", `${column}4`, EMBARGO_YEAR.slice(1));
  const outcome = await restoreLiveFormulas(book.port, NOW);
  expect(outcome.restored).toBe(1);
  expect(outcome.refused.map((r) => [r.address, r.reason])).toEqual([
    ["B2", expect.stringMatching(/"Original formula" on the Portability sheet was edited/)],
    ["B3", expect.stringMatching(/"Original formula" on the Portability sheet was edited/)],
  ]);
  expect(cell(book, "Sheet1", "B1")).toEqual({ value: 2025, formula: PLAN_YEAR });
  expect(cell(book, "Sheet1", "B2")).toEqual({ value: 2025 });
  expect(cell(book, "Sheet1", "B3")).toEqual({ value: 2010 });
});

test("a moved formula whose references Excel rewrote is refused, never restored off by a row", async () => {
  const book = createPreviewWorkbook();
  for (const row of [1, 2, 3]) {
    book.setCell("Sheet1", `A${row}`, String(100 * row));
    book.setCell("Sheet1", `B${row}`, `=REE.MAGNET_CAPACITY(A${row})`);
  }
  await makePortable(book.port, "workbook", undefined, NOW);
  book.deleteRows("Sheet1", 1, 1);
  // B2's =A2/(1/3) is now B1's =A1/(1/3): the recorded =REE.MAGNET_CAPACITY(A2) would read the
  // wrong row, so it is not written back.
  const outcome = await restoreLiveFormulas(book.port, NOW);
  expect(outcome.restored).toBe(0);
  expect(outcome.refused.map((r) => r.reason)).toEqual([
    "its cells were deleted",
    "changed since converted",
    "changed since converted",
  ]);
  // 200 / (1/3) = 600 and 300 / (1/3) = 900, still computed natively.
  expect(cell(book, "Sheet1", "B1")).toEqual({ value: 600, formula: "=A1/(1/3)" });
  expect(cell(book, "Sheet1", "B2")).toEqual({ value: 900, formula: "=A2/(1/3)" });
});
