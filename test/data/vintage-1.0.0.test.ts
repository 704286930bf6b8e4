/**
 * A workbook built on data 1.0.0 (a fixture: live facts and the pinned figures 1.0.0 wrote), opened
 * with data 1.1.0 in the preview host: the Share tab's check lists the figures that changed with old
 * value, new value and source, and the 1.0.0 figures stay available through FACT's vintage.
 * Expected values are the sources' figures: the untitled article's 84% and "over 53,000 t", The
 * Indian Express's 93% (FY25) and 53,700 t (FY25).
 */
import { DATA_VERSION } from "../../src/data";
import { createPreviewWorkbook } from "../../src/preview/workbook";
import { PlanBuilder } from "../../src/workbook/plan";
import { checkVintage } from "../../src/workbook/vintage";
import fixture from "./fixtures/workbook-1.0.0.json";

async function workbookBuiltOn100() {
  const book = createPreviewWorkbook();
  const builder = new PlanBuilder(await book.port.snapshot());
  for (const [key, value] of Object.entries(fixture.metadata)) builder.metadata(key, value);
  await book.port.apply(builder.build());
  for (const [sheet, address, input] of fixture.cells) {
    if (!book.sheets().some((s) => s.name === sheet)) {
      const sheetPlan = new PlanBuilder(await book.port.snapshot());
      sheetPlan.newSheet(sheet);
      await book.port.apply(sheetPlan.build());
    }
    book.setCell(sheet, address, input);
  }
  return book;
}

describe("a workbook built on 1.0.0, opened with data 1.1.0", () => {
  it("lists China's share and FY25 imports as changed, with old value, new value and source", async () => {
    const book = await workbookBuiltOn100();
    const state = await checkVintage(book.port);
    expect(DATA_VERSION.version).toBe("1.1.0");
    expect(state).toMatchObject({ workbookVersion: "1.0.0", addinVersion: "1.1.0", kept: false });
    expect(state.changes.map((c) => [c.id, c.pinned, c.current])).toEqual([
      ["india.magnet_imports.china_share", 0.84, 0.93],
      ["india.magnet_imports.fy25_t", 53000, 53700],
    ]);
    for (const change of state.changes) {
      expect(change.source).toMatch(/^The Indian Express, 'Before China's rare earth curbs/);
    }
    // The target is still 6,000 t (now the Cabinet's), and IREL's 400 t has not changed: not listed.
  });

  it("its live formulas show the 1.1.0 figures, and FACT's vintage gives the 1.0.0 ones", async () => {
    const book = await workbookBuiltOn100();
    book.setCell("REE facts", "C2", '=REE.FACT("india.magnet_imports.china_share",,"1.0.0")');
    book.setCell("REE facts", "C3", '=REE.FACT("india.magnet_imports.fy25_t",,"1.0.0")');
    const sheet = book.sheets().find((s) => s.name === "REE facts")!;
    const value = (row: number, column: number) => sheet.cells[row]?.[column]?.value;
    expect([value(1, 1), value(2, 1), value(3, 1)]).toEqual([0.93, 53700, 6000]);
    expect([value(1, 2), value(2, 2)]).toEqual([0.84, 53000]);
  });
});
