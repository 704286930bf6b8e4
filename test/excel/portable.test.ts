/**
 * Make portable and restore through the Office.js port, against office-addin-mock with cell
 * contents (mockCells.ts): reading the cells is two context.sync() calls while they fit in one
 * request (where the formulas and constants are, then their contents), spill areas one, so a
 * conversion of 10,000 formulas costs the same handful of round trips as one of ten, its cells go
 * in a few range writes, a failed write puts the original formulas back, and restore reads the
 * Portability sheet back.
 */
import { createExcelPort } from "../../src/excel";
import {
  checkPortable,
  makePortable,
  restoreLiveFormulas,
} from "../../src/workbook/portable/actions";
import { BALANCE_HEADER } from "../../src/model/spillHeaders";
import { WorkbookError } from "../../src/workbook/port";
import { formulaColumn, installCellMock } from "./mockCells";
import type { Write } from "./mockExcel";

const ops = (writes: Write[], op: string) => writes.filter((write) => write.op === op);

const NOW = new Date("2026-12-01T10:00:00Z");

describe.each([10, 10_000])("%i formulas", (n) => {
  test("the check is three syncs and writes nothing", async () => {
    const excel = installCellMock({ sheets: ["Model"] }, { Model: formulaColumn(n) });
    const check = await checkPortable(createExcelPort(), "workbook");
    expect(excel.syncs()).toBe(3);
    expect(check.conversions).toHaveLength(n);
    expect(excel.writes).toEqual([]);
  });

  test("making them portable is four syncs, with the whole column in one range write", async () => {
    const excel = installCellMock({ sheets: ["Model"] }, { Model: formulaColumn(n) });
    const outcome = await makePortable(createExcelPort(), "workbook", undefined, NOW);
    expect(outcome).toMatchObject({ status: "converted", converted: n });
    // Snapshot, locate, read, write. The write holds 10,000 hidden names too (one a converted
    // cell, so restore follows moved cells): about 120 bytes each, 1.2 MB, counted at their size
    // (a flat 512 bytes a name made it 5 MB, and two requests).
    expect(excel.syncs()).toBe(4);
    expect(Math.max(...excel.requests.map((request) => request.sentBytes))).toBeLessThan(4e6);
    const formulas = ops(excel.writes, "formulas");
    expect(formulas.map((w) => `${w.sheet}!${w.address}`)).toEqual([
      `Model!B1:B${n}`,
      `Portability!A1:L${n + 1}`,
      "Sources!A1:I2",
    ]);
    expect(excel.content("Model", `B${n}`)?.formula).toBe(`=A${n}/(1/3)`);
    // The user's number formats are theirs: a conversion sets none on the model sheet.
    expect(ops(excel.writes, "numberFormat").some((w) => w.sheet === "Model")).toBe(false);
    expect(excel.state.settings["ree.portable"]).toBe(
      JSON.stringify({ table: "REE_Portability", sheet: "Portability", tracked: true }),
    );
  });

  test("restoring is four syncs and gives back every original formula", async () => {
    const excel = installCellMock({ sheets: ["Model"] }, { Model: formulaColumn(n) });
    const port = createExcelPort();
    await makePortable(port, "workbook", undefined, NOW);
    const before = excel.syncs();
    const outcome = await restoreLiveFormulas(port, NOW);
    expect(excel.syncs() - before).toBe(4);
    expect(outcome).toMatchObject({ restored: n, refused: [] });
    for (const row of [1, n]) {
      expect(excel.content("Model", `B${row}`)?.formula).toBe(`=REE.MAGNET_CAPACITY(A${row})`);
    }
    expect(excel.content("Portability", `K${n + 1}`)?.value).toBe(NOW.toISOString());
  });
});

test("a spilled table: one more sync reads its area, which gets native formulas", async () => {
  // What Excel shows for the function: its own header, then the computed rows.
  const balance = [
    [...BALANCE_HEADER],
    [0, 2000, 400, 0, 1600, 0.2],
    [1, 2200, 400, 0, 1800, 400 / 2200],
  ];
  const excel = installCellMock(
    { sheets: ["Model"] },
    { Model: { A1: "=REE.SUPPLY_BALANCE(2,2000,0.1,400)" } },
    { shows: { "Model!A1": "Year" }, spills: { "Model!A1": balance } },
  );
  await makePortable(createExcelPort(), "workbook", undefined, NOW);
  expect(excel.syncs()).toBe(5);
  const [area] = ops(excel.writes, "formulas");
  expect(area).toMatchObject({ sheet: "Model", address: "A1:F3" });
  expect((area.value as unknown[][])[2]).toEqual([
    1,
    "=2000*(1+0.1)^1",
    "=400",
    0,
    "=MAX(0,B3-C3-D3)",
    "=(C3+D3)/B3",
  ]);
});

test("a cell changed after the conversion is listed and left alone by restore", async () => {
  const excel = installCellMock({ sheets: ["Model"] }, { Model: formulaColumn(3) });
  const port = createExcelPort();
  await makePortable(port, "workbook", undefined, NOW);
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem("Model").getRange("B2").formulas = [["=42"]];
    await context.sync();
  });
  const outcome = await restoreLiveFormulas(port, NOW);
  expect(outcome.restored).toBe(2);
  expect(outcome.refused).toEqual([
    { sheet: "Model", address: "B2", reason: "changed since converted" },
  ]);
  expect(excel.content("Model", "B2")?.formula).toBe("=42");
  expect(excel.content("Model", "B3")?.formula).toBe("=REE.MAGNET_CAPACITY(A3)");
});

test("restore after row 1 was deleted: each formula goes back to its moved cell", async () => {
  const years = {
    B1: '=REE.FACT("irel.magnet_plan_report_year")',
    B2: '=REE.FACT("irel.magnet_board_approval_year")',
    B3: '=REE.FACT("china.embargo_year")',
  };
  const excel = installCellMock({ sheets: ["Model"] }, { Model: years });
  const port = createExcelPort();
  await makePortable(port, "workbook", undefined, NOW);
  // The figures: 2025, 2025, 2010.
  expect(["B1", "B2", "B3"].map((a) => excel.content("Model", a)?.value)).toEqual([
    2025, 2025, 2010,
  ]);
  // Each converted cell has a hidden name that Excel moves with it.
  expect(ops(excel.writes, "addName").map((w) => w.address)).toEqual(["B1", "B2", "B3"]);
  expect(ops(excel.writes, "nameVisible").map((w) => w.value)).toEqual([false, false, false]);
  excel.deleteRows("Model", 1, 1);
  const outcome = await restoreLiveFormulas(port, NOW);
  expect(outcome.restored).toBe(2);
  expect(outcome.refused).toEqual([
    { sheet: "Model", address: "B1", reason: "its cells were deleted" },
  ]);
  expect(excel.content("Model", "B1")?.formula).toBe(years.B2);
  expect(excel.content("Model", "B2")?.formula).toBe(years.B3);
  expect(excel.content("Model", "B3")).toBeUndefined();
});

test("a failed write puts the original formulas back and removes the Portability sheet", async () => {
  // Snapshot, the two syncs of the read, then the write fails.
  const excel = installCellMock({ sheets: ["Model"], failOnSync: 4 }, { Model: formulaColumn(5) });
  const error = await makePortable(createExcelPort(), "workbook", undefined, NOW).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkbookError);
  for (let row = 1; row <= 5; row++) {
    expect(excel.content("Model", `B${row}`)?.formula).toBe(`=REE.MAGNET_CAPACITY(A${row})`);
  }
  expect(ops(excel.writes, "clear").filter((w) => w.sheet === "Model")).toEqual([]);
  expect(excel.state.sheets).toEqual(["Model"]);
});

test("selection scope reads only the selection's used range", async () => {
  const excel = installCellMock(
    { sheets: ["Model"], selection: "Model!B2:B3" },
    { Model: formulaColumn(5) },
  );
  const check = await checkPortable(createExcelPort(), "selection");
  expect(check.conversions.map((c) => c.address)).toEqual(["B2", "B3"]);
  expect(excel.syncs()).toBe(3);
});

test("without ExcelApi 1.12 a spilled table cannot be read, and the user is told why", async () => {
  installCellMock(
    { sheets: ["Model"], supported: ["ExcelApi 1.4", "ExcelApi 1.7"] },
    { Model: { A1: "=REE.PROJECT(6000,0.1,3)" } },
  );
  await expect(checkPortable(createExcelPort(), "workbook")).rejects.toMatchObject({
    message: expect.stringMatching(/ExcelApi 1\.12/),
  });
});
