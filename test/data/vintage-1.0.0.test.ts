/**
 * A workbook built on data 1.0.0 (a fixture: the write plans the 1.0.0 release's own inserts
 * applied, recorded by scripts/vintage-fixture.ts; three facts as values on 'REE facts' and as live
 * formulas on 'REE facts (2)'), opened with data 1.1.0 in the preview host: the Share tab's check
 * lists the figures that changed with old value, new value and source, and the 1.0.0 figures stay
 * available through FACT's vintage. Expected values are the sources' figures: the untitled
 * article's 84% and "over 53,000 t" and "around 6,000 t", The Indian Express's 93% (FY25) and
 * 53,700 t (FY25), the Cabinet's 6,000 MTPA.
 */
import { DATA_VERSION } from "../../src/data";
import { openSavedWorkbook, readSavedWorkbook } from "../../src/preview/savedWorkbook";
import { createPreviewWorkbook } from "../../src/preview/workbook";
import { checkUpdate, checkVintage, updateToCurrent } from "../../src/workbook/vintage";
import fixture from "./fixtures/workbook-1.0.0.json";

async function workbookBuiltOn100() {
  const book = createPreviewWorkbook();
  await openSavedWorkbook(book.port, readSavedWorkbook(fixture));
  return book;
}

describe("a workbook built on 1.0.0, opened with data 1.1.0", () => {
  it("was written by data 1.0.0", () => {
    expect(readSavedWorkbook(fixture).dataVersion).toBe("1.0.0");
  });

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
    // The target is still 6,000 t (now the Cabinet's): not listed.
  });

  it("holds the 1.0.0 figures as values, its live formulas show 1.1.0's, and FACT's vintage 1.0.0's", async () => {
    const book = await workbookBuiltOn100();
    const value = (sheet: string, row: number, column: number) =>
      book.sheets().find((s) => s.name === sheet)?.cells[row]?.[column]?.value;
    // Column C (index 2) holds the figure, rows 2-4: China's share, FY25 imports, the target.
    expect([1, 2, 3].map((row) => value("REE facts", row, 2))).toEqual([0.84, 53000, 6000]);
    expect([1, 2, 3].map((row) => value("REE facts (2)", row, 2))).toEqual([0.93, 53700, 6000]);
    book.setCell("REE facts (2)", "N2", '=REE.FACT("india.magnet_imports.china_share",,"1.0.0")');
    book.setCell("REE facts (2)", "N3", '=REE.FACT("india.magnet_imports.fy25_t",,"1.0.0")');
    expect([value("REE facts (2)", 1, 13), value("REE facts (2)", 2, 13)]).toEqual([0.84, 53000]);
  });

  it("updates the figures the user chose in the insert's own cells only, and keeps the others pinned", async () => {
    const book = await workbookBuiltOn100();
    // The user's own cell beside the table, holding the same number as the pinned share.
    book.setCell("REE facts", "O2", "0.84");
    const chosen = new Set(["india.magnet_imports.china_share"]);
    const plan = await checkUpdate(book.port, undefined, chosen);
    expect(plan.values.map((u) => [u.sheet, u.address, u.old, u.new])).toEqual([
      ["REE facts", "C2", 0.84, 0.93],
    ]);
    await updateToCurrent(book.port, undefined, plan.values, chosen);

    const sheet = (name: string) => book.sheets().find((s) => s.name === name)!;
    const facts = sheet("REE facts").cells;
    // China's share now The Indian Express's 93%; FY25 imports keep the article's 53,000 t.
    expect([facts[1][2].value, facts[2][2].value, facts[3][2].value]).toEqual([0.93, 53000, 6000]);
    expect(facts[1][14].value).toBe(0.84);
    const live = sheet("REE facts (2)").cells;
    expect(live[1][2]).toMatchObject({
      formula: '=REE.FACT("india.magnet_imports.china_share")',
      value: 0.93,
    });
    expect(live[2][2]).toMatchObject({
      formula: '=REE.FACT("india.magnet_imports.fy25_t",,"1.0.0")',
      value: 53000,
    });
    const state = await checkVintage(book.port);
    expect(state).toMatchObject({ workbookVersion: "1.0.0", kept: true });
    expect(state.changes.map((c) => [c.id, c.pinned, c.current])).toEqual([
      ["india.magnet_imports.fy25_t", 53000, 53700],
    ]);
  });
});
