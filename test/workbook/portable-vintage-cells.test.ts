/**
 * "Update to current" changes only cells that prove to be an insert's own: the fact id the insert
 * wrote beside each figure must still name that fact in the same row, so a table the user cleared
 * and retyped keeps the user's numbers, and a sorted table gets each new figure in its fact's own
 * (moved) row. The user first sees every cell it will change. On the preview engine.
 */
import { factById, type Fact } from "../../src/data";
import { createPreviewWorkbook, type PreviewSheet } from "../../src/preview/workbook";
import { cellAddress, parseCell } from "../../src/workbook/address";
import { insertFacts } from "../../src/workbook/actions";
import { FACT_COLUMNS } from "../../src/workbook/facts";
import {
  checkUpdate,
  updateToCurrent,
  type DataVintage,
  type ValueUpdate,
} from "../../src/workbook/vintage";

type Book = ReturnType<typeof createPreviewWorkbook>;

const shown = (book: Book, address: string) => {
  const { row, column } = parseCell(address);
  const sheet = book.sheets().find((s) => s.name === "Sheet1") as PreviewSheet;
  return sheet.cells[row]?.[column]?.value ?? null;
};

/** A newer data set: the figures given here, every other fact as it is. */
const newer = (figures: Record<string, number>): DataVintage => ({
  version: "1.1.0",
  fact: (id) => {
    const fact = factById(id);
    return fact && id in figures ? { ...fact, value: figures[id] } : fact;
  },
});

const VALUE = FACT_COLUMNS.indexOf("Value");

/** A new book with these facts inserted as values at A1: the table the user then edits. */
async function bookWithFacts(ids: string[]): Promise<Book> {
  const book = createPreviewWorkbook();
  await insertFacts(
    book.port,
    ids.map((id) => factById(id) as Fact),
    { live: false, placement: "selection" },
  );
  return book;
}

/** Each planned value update as [address, fact, old figure, new figure]. */
const changes = (plan: { values: ValueUpdate[] }) =>
  plan.values.map((u) => [u.address, u.fact, u.old, u.new]);

test("a table cleared and retyped by the user: C2 keeps the user's 6,000", async () => {
  // The metric's preferred claim (since 1.1.0 the Cabinet's decision): 6,000 t.
  const target = factById("india.repm.target_t") as Fact;
  const book = await bookWithFacts([target.id]);
  // The REPM target, 6,000 t, is in C2 beside its id in A2.
  expect([shown(book, "A2"), shown(book, "C2")]).toEqual([target.id, 6000]);
  for (let column = 0; column < FACT_COLUMNS.length; column++) {
    for (const row of [0, 1]) book.setCell("Sheet1", cellAddress({ row, column }), "");
  }
  book.setCell("Sheet1", "A1", "Plant");
  book.setCell("Sheet1", "C1", "Capacity (t)");
  book.setCell("Sheet1", "A2", "Our Vizag line");
  book.setCell("Sheet1", "C2", "6000");
  const data = newer({ [target.id]: 7500 });

  const plan = await checkUpdate(book.port, data);
  expect(plan.values).toEqual([]);
  expect(plan.edited).toEqual([{ sheet: "Sheet1", address: "C2" }]);
  const outcome = await updateToCurrent(book.port, data, plan.values);
  expect(shown(book, "C2")).toBe(6000);
  expect(outcome.edited).toEqual([{ sheet: "Sheet1", address: "C2" }]);
});

/** Seven facts the sources date to 2025, and the 2010 embargo, each with a new figure by hand. */
const YEARS: Record<string, number> = {
  "irel.magnet_plan_report_year": 2031,
  "irel.magnet_board_approval_year": 2032,
  "china.export_controls_year.discovery_alert": 2033,
  "india.japan_export_agreement.suspension_year": 2034,
  "china.export_controls_year.policy_circle": 2035,
  "quad.critical_minerals_initiative_year": 2036,
  "ree.supply_disruptions_year": 2037,
  "china.embargo_year": 2011,
};

test("a sorted table: each fact's new figure lands in its own moved row", async () => {
  const ids = Object.keys(YEARS);
  const book = await bookWithFacts(ids);
  // Rows 2-8 show 2025, row 9 shows 2010.
  expect(ids.map((_, i) => shown(book, cellAddress({ row: 1 + i, column: VALUE })))).toEqual([
    2025, 2025, 2025, 2025, 2025, 2025, 2025, 2010,
  ]);
  // The user sorts the table's rows by id, descending: the whole rows move, as Excel's sort does.
  const rows = ids.map((_, i) =>
    FACT_COLUMNS.map((_, column) => shown(book, cellAddress({ row: 1 + i, column }))),
  );
  const sorted = [...rows].sort((a, b) => String(b[0]).localeCompare(String(a[0])));
  sorted.forEach((row, i) =>
    row.forEach((content, column) =>
      book.setCell("Sheet1", cellAddress({ row: 1 + i, column }), String(content ?? "")),
    ),
  );
  const data = newer(YEARS);

  const plan = await checkUpdate(book.port, data);
  expect(plan.values).toHaveLength(8);
  expect(plan.values.every((update) => update.proof === "id")).toBe(true);
  await updateToCurrent(book.port, data, plan.values);
  for (let i = 0; i < sorted.length; i++) {
    const id = String(shown(book, cellAddress({ row: 1 + i, column: 0 })));
    expect([id, shown(book, cellAddress({ row: 1 + i, column: VALUE }))]).toEqual([id, YEARS[id]]);
  }
});

test("only the confirmed cells change: one left out of the list keeps its figure", async () => {
  const book = await bookWithFacts(["irel.magnet_plan_report_year", "china.embargo_year"]);
  const data = newer(YEARS);
  const plan = await checkUpdate(book.port, data);
  expect(changes(plan)).toEqual([
    ["C2", "irel.magnet_plan_report_year", 2025, 2031],
    ["C3", "china.embargo_year", 2010, 2011],
  ]);
  await updateToCurrent(book.port, data, plan.values.slice(0, 1));
  expect([shown(book, "C2"), shown(book, "C3")]).toEqual([2031, 2010]);
});

test("rows inserted above an inserted table: the new figures land where the rows moved", async () => {
  const book = await bookWithFacts(["irel.magnet_plan_report_year", "china.embargo_year"]);
  book.insertRows("Sheet1", 1, 3);
  // The table moved from A1:M3 to A4:M6: figures in C5 (2025) and C6 (2010).
  expect([shown(book, "C5"), shown(book, "C6")]).toEqual([2025, 2010]);
  const data = newer(YEARS);
  const plan = await checkUpdate(book.port, data);
  expect(changes(plan)).toEqual([
    ["C5", "irel.magnet_plan_report_year", 2025, 2031],
    ["C6", "china.embargo_year", 2010, 2011],
  ]);
  await updateToCurrent(book.port, data, plan.values);
  expect([shown(book, "C5"), shown(book, "C6")]).toEqual([2031, 2011]);
  expect([shown(book, "C2"), shown(book, "C3")]).toEqual([null, null]);
});

test("an inserted table whose rows were deleted: nothing of it is written back", async () => {
  const book = await bookWithFacts(["china.embargo_year"]);
  book.deleteRows("Sheet1", 1, 2);
  book.setCell("Sheet1", "C2", "2010");
  const plan = await checkUpdate(book.port, newer(YEARS));
  expect(plan.values).toEqual([]);
  await updateToCurrent(book.port, newer(YEARS), plan.values);
  expect(shown(book, "C2")).toBe(2010);
});
