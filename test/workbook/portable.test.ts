/**
 * Make portable and restore, end to end on the preview engine (HyperFormula): a converted model
 * sheet computes the same numbers with the REE functions unregistered as it did with them, nothing
 * else in the workbook changes, the Portability sheet records every conversion, and restoring gives
 * back the original formulas (except cells the user changed since, which are listed).
 */
import { createPreviewWorkbook, type PreviewSheet } from "../../src/preview/workbook";
import { parseCell } from "../../src/workbook/address";
import { insertFacts, insertModelSheet } from "../../src/workbook/actions";
import { DATA_VERSION, factById } from "../../src/data";
import {
  checkPortable,
  makePortable,
  restoreLiveFormulas,
} from "../../src/workbook/portable/actions";
import { PORTABILITY_COLUMNS } from "../../src/workbook/portable/record";

type Book = ReturnType<typeof createPreviewWorkbook>;

const sheetOf = (book: Book, name: string): PreviewSheet => {
  const found = book.sheets().find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
};
const at = (s: PreviewSheet, address: string) => {
  const { row, column } = parseCell(address);
  return s.cells[row]?.[column];
};
/** Every cell's value, numbers to 9 significant digits (native formulas round differently). */
const shown = (s: PreviewSheet) =>
  s.cells.map((row) =>
    row.map((cell) =>
      typeof cell.value === "number" ? Number(cell.value.toPrecision(9)) : cell.value,
    ),
  );
const formulas = (s: PreviewSheet) => s.cells.flat().flatMap((cell) => cell.formula ?? []);

const MODEL = "Supply gap model";
const NOW = new Date("2026-12-01T10:00:00Z");

describe("a model sheet made portable", () => {
  const book = createPreviewWorkbook();
  let before: ReturnType<typeof shown>;
  let original: PreviewSheet;

  beforeAll(async () => {
    await insertModelSheet(book.port);
    original = sheetOf(book, MODEL);
    before = shown(original);
  });

  test("the check lists every REE formula and writes nothing", async () => {
    const check = await checkPortable(book.port, "workbook");
    const reeFormulas = formulas(original).filter((f) => /REE\./.test(f));
    expect(check.conversions.map((c) => c.original).sort()).toEqual(reeFormulas.sort());
    expect(check.conversions.every((c) => c.how !== "live")).toBe(true);
    const recycled = check.conversions.filter((c) => /RECYCLED_SUPPLY/.test(c.original));
    expect(recycled).toHaveLength(11);
    expect(recycled.every((c) => c.how === "native")).toBe(true);
    expect(shown(sheetOf(book, MODEL))).toEqual(before);
    expect(book.sheets().map((s) => s.name)).not.toContain("Portability");
  });

  test("converted, it computes the same numbers without the REE functions", async () => {
    const check = await checkPortable(book.port, "workbook");
    const outcome = await makePortable(book.port, "workbook", check, NOW);
    expect(outcome).toMatchObject({ status: "converted", converted: check.conversions.length });
    const converted = sheetOf(book, MODEL);
    expect(formulas(converted).filter((f) => /REE\.|_xldudf_/i.test(f))).toEqual([]);
    expect(shown(converted)).toEqual(before);

    book.setReeFunctionsEnabled(false);
    expect(book.reeFunctionsEnabled()).toBe(false);
    const colleague = sheetOf(book, MODEL);
    expect(shown(colleague)).toEqual(before);
    // The articles' own question still answers 1,600 t.
    const gapRow = colleague.cells.findIndex((row) =>
      /^NdPr oxide shortfall/.test(String(row[0].value)),
    );
    expect(colleague.cells[gapRow][1].value).toBeCloseTo(1600, 6);
    expect(colleague.cells[gapRow][1].formula).toMatch(
      /^=IF\(TRIM\(CLEAN\(B\d+\)\)="",6000,B\d+\)\*/,
    );
    book.setReeFunctionsEnabled(true);
  });

  test("the converted model still follows its inputs", async () => {
    const model = sheetOf(book, MODEL);
    const oxideRow = model.cells.findIndex((row) =>
      /^Domestic NdPr oxide/.test(String(row[0].value)),
    );
    const gapRow = model.cells.findIndex((row) =>
      /^NdPr oxide shortfall/.test(String(row[0].value)),
    );
    const ratioRow = model.cells.findIndex((row) =>
      /^NdPr oxide per tonne/.test(String(row[0].value)),
    );
    book.setReeFunctionsEnabled(false);
    // 6,000 t x 1/3 = 2,000 t needed - 1,000 t domestic = 1,000 t short.
    book.setCell(MODEL, `B${oxideRow + 1}`, "1000");
    expect(sheetOf(book, MODEL).cells[gapRow][1].value).toBeCloseTo(1000, 6);
    // Emptied, the ratio falls back to the data set's 1/3, as REE.NDPR_GAP does (not 0: -1,000).
    const ratio = sheetOf(book, MODEL).cells[ratioRow][1].value;
    book.setCell(MODEL, `B${ratioRow + 1}`, "");
    expect(sheetOf(book, MODEL).cells[gapRow][1].value).toBeCloseTo(1000, 6);
    book.setCell(MODEL, `B${ratioRow + 1}`, String(ratio));
    book.setCell(MODEL, `B${oxideRow + 1}`, "400");
    book.setReeFunctionsEnabled(true);
  });

  test("the Portability sheet records each conversion and the Sources sheet stays complete", () => {
    const record = sheetOf(book, "Portability");
    expect(record.cells[0].map((cell) => cell.value)).toEqual([...PORTABILITY_COLUMNS]);
    const rows = record.cells.slice(1);
    expect(rows.length).toBeGreaterThan(5);
    const gap = rows.find((row) => /^=REE\.NDPR_GAP\(B\d+,B\d+,B\d+\)$/.test(String(row[2].value)));
    expect(gap?.map((cell) => cell.value).slice(0, 1)).toEqual([MODEL]);
    expect(gap?.[7].value).toBe(NOW.toISOString());
    expect(gap?.[8].value).toBe(DATA_VERSION.version);
    const sources = sheetOf(book, "Sources").cells.map((row) => row[0].value);
    const cited = rows.flatMap((row) =>
      String(row[6].value ?? "")
        .split(", ")
        .filter(Boolean),
    );
    for (const key of cited) expect(sources).toContain(key);
  });

  test("restore gives back the original formulas, except cells changed since", async () => {
    const model = sheetOf(book, MODEL);
    const gapRow = model.cells.findIndex((row) =>
      /^NdPr oxide shortfall/.test(String(row[0].value)),
    );
    const changed = `B${gapRow + 1}`;
    book.setCell(MODEL, changed, "=1+1");
    const outcome = await restoreLiveFormulas(book.port, NOW);
    expect(outcome.refused).toEqual([
      { sheet: MODEL, address: changed, reason: "changed since converted" },
    ]);
    const restored = sheetOf(book, MODEL);
    const expected = original.cells.map((row, r) =>
      row.map((cell, c) => (r === gapRow && c === 1 ? "=1+1" : cell.formula)),
    );
    expect(restored.cells.map((row) => row.map((cell) => cell.formula))).toEqual(expected);
    expect(at(restored, changed)?.value).toBe(2);
    // The balance spills again from its restored formula.
    expect(shown(restored).slice(0, gapRow)).toEqual(before.slice(0, gapRow));
    expect(shown(restored).slice(gapRow + 1)).toEqual(before.slice(gapRow + 1));
    // A second restore has nothing left but the refused cell.
    const again = await restoreLiveFormulas(book.port, NOW);
    expect(again.restored).toBe(0);
    expect(again.refused).toHaveLength(1);
  });
});

describe("scope and notes", () => {
  test("selection scope converts only the selected formulas", async () => {
    const book = createPreviewWorkbook();
    await insertFacts(
      book.port,
      [factById("india.repm.target_t")!, factById("india.mined_2024_t")!],
      {
        live: true,
        placement: "selection",
      },
    );
    await book.port.select({ sheet: "Sheet1", address: "C2" });
    const check = await checkPortable(book.port, "selection");
    expect(check.conversions.map((c) => [c.address, c.how])).toEqual([["C2", "value"]]);
    await makePortable(book.port, "selection", check, NOW);
    const sheet = sheetOf(book, "Sheet1");
    expect(at(sheet, "C2")).toMatchObject({ value: 6000 });
    expect(at(sheet, "C2")?.formula).toBeUndefined();
    expect(at(sheet, "C3")?.formula).toBe('=REE.FACT("india.mined_2024_t")');
  });

  test("a formula the conversion cannot follow keeps its value; an error stays live", async () => {
    const book = createPreviewWorkbook();
    book.setCell("Sheet1", "A1", "india.repm.target_t");
    book.setCell("Sheet1", "B1", "=REE.FACT(A1)");
    book.setCell("Sheet1", "B2", '=REE.FACT("no.such.fact")');
    const check = await checkPortable(book.port, "workbook");
    expect(check.conversions).toEqual([
      expect.objectContaining({ address: "B1", how: "value", note: expect.stringMatching(/A1/) }),
      expect.objectContaining({ address: "B2", how: "live", note: expect.stringMatching(/#N\/A/) }),
    ]);
    const outcome = await makePortable(book.port, "workbook", check, NOW);
    expect(outcome).toMatchObject({ status: "converted", converted: 1, leftLive: 1 });
    expect(at(sheetOf(book, "Sheet1"), "B1")).toMatchObject({ value: 6000 });
  });

  test("if the workbook changed after the check, nothing is written and the new list is given", async () => {
    const book = createPreviewWorkbook();
    book.setCell("Sheet1", "A1", "=REE.NDPR_GAP()");
    const check = await checkPortable(book.port, "workbook");
    book.setCell("Sheet1", "A2", "=REE.MAGNET_CAPACITY(400)");
    const outcome = await makePortable(book.port, "workbook", check, NOW);
    expect(outcome.status).toBe("changed");
    expect(formulas(sheetOf(book, "Sheet1"))).toEqual([
      "=REE.NDPR_GAP()",
      "=REE.MAGNET_CAPACITY(400)",
    ]);
  });

  test("a workbook without REE formulas: nothing to convert, nothing to restore", async () => {
    const book = createPreviewWorkbook();
    book.setCell("Sheet1", "A1", "=SUM(1,2)");
    expect(await makePortable(book.port, "workbook")).toMatchObject({ status: "nothing" });
    await expect(restoreLiveFormulas(book.port)).rejects.toMatchObject({ name: "WorkbookError" });
  });
});
