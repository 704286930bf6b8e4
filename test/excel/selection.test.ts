/**
 * The Cell view follows Excel's selection: Workbook.onSelectionChanged (ExcelApi 1.2) through the
 * Office.js port, the handler added in one sync and removed in its own context.
 */
import { createExcelPort } from "../../src/excel";
import { installExcelMock } from "./mockExcel";

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("following the selection in Excel", () => {
  it("calls back on each selection change until stopped", async () => {
    const excel = installExcelMock({ sheets: ["Sheet1"] });
    const port = createExcelPort();
    const seen: string[] = [];
    const stop = port.watchSelection?.(() => seen.push(excel.state.selection));
    await settle();
    expect(excel.syncs()).toBe(1);
    expect(excel.selectionHandlers()).toBe(1);
    await excel.userSelects("Sheet1!C3");
    await excel.userSelects("Sheet1!D4");
    expect(seen).toEqual(["Sheet1!C3", "Sheet1!D4"]);
    stop?.();
    await settle();
    expect(excel.selectionHandlers()).toBe(0);
    await excel.userSelects("Sheet1!E5");
    expect(seen).toHaveLength(2);
  });

  it("does nothing where Excel has no selection events (before ExcelApi 1.2)", async () => {
    const excel = installExcelMock({ sheets: ["Sheet1"], supported: ["ExcelApi 1.1"] });
    const stop = createExcelPort().watchSelection?.(() => undefined);
    await settle();
    expect(excel.syncs()).toBe(0);
    stop?.();
  });
});
