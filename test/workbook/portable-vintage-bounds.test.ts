/**
 * "Update to current" keeps a figure's Low and High with its Value: a facts table inserted as values
 * with data 1.0.0 (the rate, whose range only changed, and FY25 imports; figures by hand in
 * test/data/fixtures/data-1.0.0.ts), opened with the add-in's 1.1.0, on the preview engine. A
 * workbook written by the 1.0.0 release itself (test/data/fixtures/workbook-1.0.0.json) recorded no
 * Low or High cells: they are found under the table's own Low and High headers.
 */
import { openSavedWorkbook, readSavedWorkbook } from "../../src/preview/savedWorkbook";
import { createPreviewWorkbook, type PreviewSheet } from "../../src/preview/workbook";
import { parseCell } from "../../src/workbook/address";
import { insertFacts } from "../../src/workbook/actions";
import {
  DATA_VERSION_KEY,
  PINNED_KEY,
  checkUpdate,
  checkVintage,
  compareVintage,
  keepPinned,
  updateToCurrent,
} from "../../src/workbook/vintage";
import { DATA_100, FACTS_AT_100, FX, FX_VALUE, IMPORTS } from "../data/fixtures/data-1.0.0";
import fixture from "../data/fixtures/workbook-1.0.0.json";

type Book = ReturnType<typeof createPreviewWorkbook>;

const shown = (book: Book, sheet: string, address: string) => {
  const { row, column } = parseCell(address);
  const cells = (book.sheets().find((s) => s.name === sheet) as PreviewSheet).cells;
  return cells[row]?.[column]?.value ?? null;
};

/** Row 2: the rate (C2 value, D2 low, E2 high); row 3: FY25 imports (C3, D3, E3). */
const row = (book: Book, n: number) =>
  ["A", "C", "D", "E"].map((c) => shown(book, "Sheet1", `${c}${n}`));

/** A new book with the two facts inserted at A1 as values, with data 1.0.0. */
async function builtOn100(): Promise<Book> {
  const book = createPreviewWorkbook();
  await insertFacts(book.port, FACTS_AT_100, {
    live: false,
    placement: "selection",
    data: DATA_100,
  });
  return book;
}

describe("a facts table of data 1.0.0, opened with 1.1.0", () => {
  test("holds 1.0.0's figures and names both facts as changed, the rate for its range only", async () => {
    const book = await builtOn100();
    expect(row(book, 2)).toEqual([FX, FX_VALUE, null, null]);
    expect(row(book, 3)).toEqual([IMPORTS, 53000, 53000, null]);
    const state = await checkVintage(book.port);
    expect(state).toMatchObject({ workbookVersion: "1.0.0", addinVersion: "1.1.0" });
    expect(state.changes).toEqual([
      expect.objectContaining({
        id: FX,
        pinned: FX_VALUE,
        current: FX_VALUE,
        bounds: { pinned: { low: null, high: null }, current: { low: 86.46, high: 87.09 } },
      }),
      expect.objectContaining({
        id: IMPORTS,
        pinned: 53000,
        current: 53700,
        bounds: { pinned: { low: 53000, high: null }, current: { low: null, high: null } },
      }),
    ]);
  });

  test("a figure the user typed over keeps its row's Low and High as they are", async () => {
    const book = await builtOn100();
    book.setCell("Sheet1", "C3", "55000");
    book.setCell("Sheet1", "C2", "90");
    const plan = await checkUpdate(book.port);
    // Both rows are the user's now: nothing in them is listed, and both figures are reported.
    expect(plan.values).toEqual([]);
    expect(plan.edited.map((cell) => cell.address).sort()).toEqual(["C2", "C3"]);
    await updateToCurrent(book.port, undefined, plan.values);
    expect(row(book, 2)).toEqual([FX, 90, null, null]);
    expect(row(book, 3)).toEqual([IMPORTS, 55000, 53000, null]);
  });

  test("update writes each row's Low and High with its Value, and counts them", async () => {
    const book = await builtOn100();
    const plan = await checkUpdate(book.port);
    expect(plan.values.map((u) => [u.address, u.fact, u.bound ?? "value", u.old, u.new])).toEqual([
      ["D2", FX, "low", null, 86.46],
      ["E2", FX, "high", null, 87.09],
      ["C3", IMPORTS, "value", 53000, 53700],
      ["D3", IMPORTS, "low", 53000, null],
    ]);
    expect(plan.edited).toEqual([]);
    const outcome = await updateToCurrent(book.port, undefined, plan.values);
    expect(outcome.summary).toBe(
      "Updated to data 1.1.0: 1 value, 3 Low/High cells and 0 formulas changed.",
    );
    expect(row(book, 2)).toEqual([FX, FX_VALUE, 86.46, 87.09]);
    expect(row(book, 3)).toEqual([IMPORTS, 53700, null, null]);
    expect(await checkVintage(book.port)).toMatchObject({ workbookVersion: "1.1.0", changes: [] });
  });

  test("a Low the user typed over is kept and reported; the rest of the row updates", async () => {
    const book = await builtOn100();
    book.setCell("Sheet1", "D3", "50000");
    const plan = await checkUpdate(book.port);
    expect(plan.edited).toEqual([{ sheet: "Sheet1", address: "D3" }]);
    const outcome = await updateToCurrent(book.port, undefined, plan.values);
    expect(outcome.edited).toEqual([{ sheet: "Sheet1", address: "D3" }]);
    expect(outcome.summary).toMatch(/ 1 cell you changed kept yours\.$/);
    expect(row(book, 3)).toEqual([IMPORTS, 53700, 50000, null]);
    expect(row(book, 2)).toEqual([FX, FX_VALUE, 86.46, 87.09]);
  });

  test("a sorted table: the Low and High of each fact's moved row", async () => {
    const book = await builtOn100();
    // The user sorts by id, descending: the imports row (A3) goes above the rate's (A2).
    const [rate, imports] = [2, 3].map((n) =>
      "ABCDEFGHIJKLM".split("").map((c) => shown(book, "Sheet1", `${c}${n}`)),
    );
    for (const [n, cells] of [
      [2, imports],
      [3, rate],
    ] as const) {
      cells.forEach((content, i) =>
        book.setCell("Sheet1", `${"ABCDEFGHIJKLM"[i]}${n}`, String(content ?? "")),
      );
    }
    await updateToCurrent(book.port, undefined, (await checkUpdate(book.port)).values);
    expect(row(book, 2)).toEqual([IMPORTS, 53700, null, null]);
    expect(row(book, 3)).toEqual([FX, FX_VALUE, 86.46, 87.09]);
  });

  test("the rate updated, the imports kept: only the imports are listed after", async () => {
    const book = await builtOn100();
    const chosen = new Set([FX]);
    const plan = await checkUpdate(book.port, undefined, chosen);
    await updateToCurrent(book.port, undefined, plan.values, chosen);
    expect(row(book, 2)).toEqual([FX, FX_VALUE, 86.46, 87.09]);
    expect(row(book, 3)).toEqual([IMPORTS, 53000, 53000, null]);
    // The workbook stays on 1.0.0 for the kept figure; the rate's pin now has 1.1.0's range.
    const state = await checkVintage(book.port);
    expect(state.workbookVersion).toBe("1.0.0");
    expect(state.changes.map((c) => c.id)).toEqual([IMPORTS]);
  });

  test("keep pinned pins the rate's formulas too, its Low and High included", async () => {
    const book = await builtOn100();
    book.setCell("Sheet1", "O2", `=REE.FACT("${FX}","low")`);
    book.setCell("Sheet1", "O3", `=REE.CRORE_TO_USD(1345)`);
    const outcome = await keepPinned(book.port);
    expect(outcome.summary).toMatch(/2 formulas now ask for that version/);
    const formula = (address: string) => {
      const { row: r, column } = parseCell(address);
      return (book.sheets().find((s) => s.name === "Sheet1") as PreviewSheet).cells[r]?.[column]
        ?.formula;
    };
    expect(formula("O2")).toBe(`=REE.FACT("${FX}","low","1.0.0")`);
    // CRORE_TO_USD's default rate is the implied rate: pinned as a default argument.
    expect(formula("O3")).toBe(`=REE.CRORE_TO_USD(1345,REE.FACT("${FX}",,"1.0.0"))`);
  });
});

test("a pin from before bounds were recorded: the workbook's version gives its range", () => {
  // A workbook on 1.0.0 whose only pin is the rate (no ree.pinnedBounds): history.json's 1.0.0
  // rate has no range, 1.1.0's is 86.46-87.09.
  const metadata = {
    [DATA_VERSION_KEY]: "1.0.0",
    [PINNED_KEY]: JSON.stringify({ [FX]: FX_VALUE }),
  };
  expect(compareVintage(metadata)).toEqual([
    expect.objectContaining({
      id: FX,
      bounds: { pinned: { low: null, high: null }, current: { low: 86.46, high: 87.09 } },
    }),
  ]);
  // On 1.1.0 the same pin is current: nothing changed.
  expect(compareVintage({ ...metadata, [DATA_VERSION_KEY]: "1.1.0" })).toEqual([]);
});

test("a workbook the 1.0.0 release wrote (no Low/High cells recorded) updates its values and Lows", async () => {
  const book = createPreviewWorkbook();
  await openSavedWorkbook(book.port, readSavedWorkbook(fixture));
  // 'REE facts' rows 2-4: China's share (0.84), FY25 imports (53,000, low 53,000), the target.
  expect(["C2", "C3", "D3"].map((a) => shown(book, "REE facts", a))).toEqual([0.84, 53000, 53000]);
  const state = await checkVintage(book.port);
  expect(state.changes.find((c) => c.id === IMPORTS)?.bounds).toEqual({
    pinned: { low: 53000, high: null },
    current: { low: null, high: null },
  });
  const plan = await checkUpdate(book.port);
  // 1.0.0 read "over 53,000 t" (low 53,000); 1.1.0's 53,700 t (The Indian Express) is exact, no
  // range: the Low under the table's "Low" header empties with the figure.
  expect(plan.values.map((u) => [u.address, u.bound ?? "value", u.old, u.new])).toEqual([
    ["C2", "value", 0.84, 0.93],
    ["C3", "value", 53000, 53700],
    ["D3", "low", 53000, null],
  ]);
  const outcome = await updateToCurrent(book.port, undefined, plan.values);
  expect(outcome.summary).toMatch(
    /^Updated to data 1\.1\.0: 2 values, 1 Low\/High cell and 0 formulas changed\./,
  );
  expect(["C2", "C3", "D3"].map((a) => shown(book, "REE facts", a))).toEqual([0.93, 53700, null]);
});

test("without the table's own Low and High headers, no cell beside a figure is taken for them", async () => {
  const book = createPreviewWorkbook();
  await openSavedWorkbook(book.port, readSavedWorkbook(fixture));
  // The user renamed the Low column: D3 may no longer be a Low.
  book.setCell("REE facts", "D1", "Lowest seen");
  const plan = await checkUpdate(book.port);
  expect(plan.values.map((u) => [u.address, u.bound ?? "value"])).toEqual([
    ["C2", "value"],
    ["C3", "value"],
  ]);
});
