/**
 * The preview's workbook keeps cards as Excel does: the cell's plain value is "#VALUE!" (so
 * =C2*2 is #VALUE! there too), the card is read back whole, and anything written over the cell
 * replaces the card.
 */
import { factById, type Fact } from "../../src/data";
import { createPreviewWorkbook } from "../../src/preview/workbook";
import { parseCell, parseRange } from "../../src/workbook/address";
import { insertFactCell, insertModelSheet } from "../../src/workbook/actions";
import { factCard } from "../../src/model/card";
import { emptyWritePlan } from "../../src/workbook/port";

const oxide = factById("india.ndpr_oxide.production_t") as Fact;

test("a card cell reads as #VALUE!, keeps its card, and loses it when the user types over it", async () => {
  const book = createPreviewWorkbook();
  await book.port.select({ sheet: "Sheet1", address: "C2" });
  await insertFactCell(book.port, oxide, { live: false, placement: "selection", dress: "cards" });
  const at = parseCell("C2");
  const shown = () => book.sheets()[0].cells[at.row]?.[at.column];
  expect(shown()).toMatchObject({ value: "#VALUE!", card: factCard(oxide) });
  // The card carries the citation: no note on the cell.
  expect(shown()?.note).toBeUndefined();
  expect(await book.port.readCards([{ sheet: "Sheet1", address: "C2" }])).toEqual([
    factCard(oxide),
  ]);
  book.setCell("Sheet1", "D2", "=C2*2");
  expect(book.sheets()[0].cells[at.row][at.column + 1].value).toBe("#VALUE!");
  book.setCell("Sheet1", "C2", "450");
  // The cell keeps the number format the insert gave it, as in Excel.
  expect(shown()).toEqual({ value: 450, numberFormat: "#,##0" });
  expect(await book.port.readCards([{ sheet: "Sheet1", address: "C2" }])).toEqual([null]);
});

test("cards and notes move with their rows, and go with a deleted row", async () => {
  const book = createPreviewWorkbook();
  await book.port.select({ sheet: "Sheet1", address: "C2" });
  await insertFactCell(book.port, oxide, { live: false, placement: "selection", dress: "cards" });
  await book.port.select({ sheet: "Sheet1", address: "C5" });
  await insertFactCell(book.port, oxide, { live: false, placement: "selection", dress: "noted" });
  const NOTE = /^Domestic NdPr oxide production \(IREL\)/;
  const cell = (address: string) => {
    const { row, column } = parseCell(address);
    return book.sheets()[0].cells[row]?.[column];
  };
  expect(cell("C5")?.note).toMatch(NOTE);

  // Two rows above both: the card is now in C4, the note in C7, and nothing stays behind.
  book.insertRows("Sheet1", 1, 2);
  expect(cell("C4")?.card).toEqual(factCard(oxide));
  expect(cell("C7")?.note).toMatch(NOTE);
  expect(cell("C2")?.card).toBeUndefined();
  expect(cell("C5")?.note).toBeUndefined();
  expect(await book.port.readCards([{ sheet: "Sheet1", address: "C4" }])).toEqual([
    factCard(oxide),
  ]);

  // Deleting the card's row takes the card; the note moves up one row (C7 to C6).
  book.deleteRows("Sheet1", 4, 1);
  expect(await book.port.readCards([{ sheet: "Sheet1", address: "C4" }])).toEqual([null]);
  expect(cell("C6")?.note).toMatch(NOTE);
});

test("a chart's data and place move with their rows, and shrink when rows go", async () => {
  const book = createPreviewWorkbook();
  await insertModelSheet(book.port);
  const [before] = book.charts();
  const data = parseRange(before.dataAddress);
  // One row inserted above the model: everything one row lower.
  book.insertRows("Supply gap model", 1, 1);
  expect(parseRange(book.charts()[0].dataAddress)).toEqual({ ...data, row: data.row + 1 });
  // The first two years' rows deleted (below the header row): two rows fewer, same top.
  book.deleteRows("Supply gap model", data.row + 3, 2);
  expect(parseRange(book.charts()[0].dataAddress)).toEqual({
    ...data,
    row: data.row + 1,
    rows: data.rows - 2,
  });
});

test("rows inserted on one sheet move no note of a sheet whose name starts the same", async () => {
  const book = createPreviewWorkbook();
  await book.port.apply({
    ...emptyWritePlan(),
    newSheets: ["Data", "Data!2"],
    notes: [{ sheet: "Data!2", address: "B3", text: "on Data!2" }],
  });
  book.setCell("Data!2", "B3", "noted");
  book.insertRows("Data", 1, 2);
  const other = book.sheets().find((s) => s.name === "Data!2")!;
  expect(other.cells[2]?.[1]?.note).toBe("on Data!2");
});
