/**
 * The preview's workbook keeps cards as Excel does: the cell's plain value is "#VALUE!" (so
 * =C2*2 is #VALUE! there too), the card is read back whole, and anything written over the cell
 * replaces the card.
 */
import { factById, type Fact } from "../../src/data";
import { createPreviewWorkbook } from "../../src/preview/workbook";
import { parseCell } from "../../src/workbook/address";
import { insertFactCell } from "../../src/workbook/actions";
import { factCard } from "../../src/model/card";

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
