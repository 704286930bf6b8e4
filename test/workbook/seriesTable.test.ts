/**
 * A series inserted as a cited table with a line chart, through the preview host (HyperFormula):
 * India's magnet imports FY21 12,400 t, FY24 28,700 t, FY25 53,700 t (The Indian Express) and
 * H1 FY26 16,281 t (Mint), on a new sheet, never over the user's cells.
 */
import { createExcelPort } from "../../src/excel";
import { createPreviewWorkbook } from "../../src/preview/workbook";
import { DATA_VERSION_KEY, PINNED_KEY } from "../../src/workbook/vintage";
import { insertSeriesTable } from "../../src/workbook/actions";
import { installExcelMock, type Write } from "../excel/mockExcel";

describe("a series as a table with a line chart", () => {
  it("writes Period | Value | Unit | Fact | Source in period order, a table, a chart and the sources", async () => {
    const book = createPreviewWorkbook();
    book.setCell("Sheet1", "A1", "the user's cell");
    const outcome = await insertSeriesTable(book.port, "india.magnet_imports_t");
    expect(outcome.status).toBe("inserted");
    const sheet = book.sheets().find((s) => s.name === outcome.target.sheet)!;
    expect(sheet.name).toMatch(/^Series magnet imports t/);
    const rows = sheet.cells.slice(0, 5).map((row) => row.slice(0, 4).map((c) => c?.value));
    expect(rows).toEqual([
      ["Period", "Value", "Unit", "Fact"],
      ["FY21", 12400, "t", "india.magnet_imports.fy21_t"],
      ["FY24", 28700, "t", "india.magnet_imports.fy24_t"],
      ["FY25", 53700, "t", "india.magnet_imports.fy25_t.indian_express_imports"],
      ["H1 FY26", 16281, "t", "india.magnet_imports.h1_fy26_t"],
    ]);
    expect(String(sheet.cells[4][4]?.value)).toMatch(/^Mint, /);
    expect(outcome.target.address).toBe("A1:E5");
    expect(book.tables()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "REE_Series", sheet: sheet.name, address: "A1:E5" }),
      ]),
    );
    const [chart] = book.charts();
    expect(chart).toMatchObject({ sheet: sheet.name, type: "line", dataAddress: "A1:B5" });
    const sources = book.sheets().find((s) => s.name === "Sources")!;
    const keys = sources.cells.slice(1).map((row) => row[0]?.value);
    expect(keys).toEqual(["indian_express_imports", "mint_h1_fy26"]);
    // The user's cell is untouched; the figures are pinned to this data version.
    expect(book.sheets()[0].cells[0][0]?.value).toBe("the user's cell");
    const { metadata } = await book.port.snapshot();
    expect(metadata[DATA_VERSION_KEY]).toBe("1.1.0");
    expect(JSON.parse(metadata[PINNED_KEY])["india.magnet_imports.h1_fy26_t"]).toBe(16281);
  });

  it("an unknown series is refused before anything is written", async () => {
    const book = createPreviewWorkbook();
    await expect(insertSeriesTable(book.port, "india.magnet_import_t")).rejects.toThrow(
      /Did you mean "india\.magnet_imports_t"\?/,
    );
    expect(book.sheets().map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

describe("a series in Excel (office-addin-mock)", () => {
  const ops = (writes: Write[], op: string) => writes.filter((write) => write.op === op);

  it("one read and one write: a new sheet, a table and a line chart named after the series", async () => {
    const excel = installExcelMock({ sheets: ["Sheet1"], selection: "Sheet1!B2" });
    const outcome = await insertSeriesTable(createExcelPort(), "india.magnet_imports_t");
    expect(excel.syncs()).toBe(2);
    expect(outcome.target).toEqual({ sheet: "Series magnet imports t", address: "A1:E5" });
    const [chart] = ops(excel.writes, "addChart");
    expect(chart).toMatchObject({
      sheet: "Series magnet imports t",
      value: { type: "Line", seriesBy: "Columns" },
      address: "B2:B5",
    });
    expect(ops(excel.writes, "seriesName").map((w) => w.value)).toEqual([
      [0, "india.magnet_imports_t"],
    ]);
    expect(ops(excel.writes, "categoryNames")[0].address).toBe("A2:A5");
    // The values are there as the chart is made, so Excel made the series: none is added twice.
    expect(ops(excel.writes, "addSeries")).toEqual([]);
  });
});
