/**
 * "Update to current" through the Office.js port against the mock Excel: a facts table inserted as
 * values with data 1.0.0 (figures by hand in test/data/fixtures/data-1.0.0.ts) gets each row's Low
 * and High with its Value, where they still show 1.0.0's, in the one write; a card whose figure
 * stayed but whose range changed is rewritten too. Excel reads an empty cell as "".
 */
import { createExcelPort } from "../../src/excel";
import { insertFacts } from "../../src/workbook/actions";
import type { EntityCard } from "../../src/model/card";
import { checkUpdate, updateToCurrent } from "../../src/workbook/vintage";
import { DATA_100, FACTS_AT_100, FX, FX_VALUE, IMPORTS } from "../data/fixtures/data-1.0.0";
import { installCellMock } from "./mockCells";
import type { Write } from "./mockExcel";

const ops = (writes: Write[], op: string) => writes.filter((write) => write.op === op);

/** Sheet1 with the two facts at A1 as 1.0.0 inserted them: values, or cards in the Value column. */
async function builtOn100(dress?: "cards") {
  const excel = installCellMock({ sheets: ["Sheet1"], selection: "Sheet1!A1" }, {});
  const port = createExcelPort();
  await insertFacts(port, FACTS_AT_100, {
    live: false,
    placement: "selection",
    data: DATA_100,
    dress,
  });
  // What the update writes: the writes after the insert's (the mock applies writes by index).
  const inserted = excel.writes.length;
  const written = (op: string) => ops(excel.writes.slice(inserted), op);
  const row = (n: number) =>
    ["A", "C", "D", "E"].map((c) => excel.content("Sheet1", `${c}${n}`)?.value);
  return { excel, port, row, written };
}

test("values: the rate's Low and High, the imports' Value and Low, in one write", async () => {
  const { excel, port, row, written } = await builtOn100();
  expect(row(2)).toEqual([FX, FX_VALUE, undefined, undefined]);
  expect(row(3)).toEqual([IMPORTS, 53000, 53000, undefined]);
  const before = excel.syncs();
  const plan = await checkUpdate(port);
  // Snapshot, where the cells are, the cells: no card to read.
  expect(excel.syncs() - before).toBe(3);
  expect(plan.values.map((u) => [u.address, u.bound ?? "value", u.old, u.new])).toEqual([
    ["D2", "low", null, 86.46],
    ["E2", "high", null, 87.09],
    ["C3", "value", 53000, 53700],
    ["D3", "low", 53000, null],
  ]);
  const outcome = await updateToCurrent(port, undefined, plan.values);
  expect(outcome.summary).toMatch(/^Updated to data 1\.1\.0: 1 value, 3 Low\/High cells and /);
  // The Low column's two cells are one range write.
  expect(written("formulas").map((w) => [w.address, w.value])).toEqual([
    ["C3", [[53700]]],
    ["D2:D3", [[86.46], [""]]],
    ["E2", [[87.09]]],
  ]);
  expect(row(2)).toEqual([FX, FX_VALUE, 86.46, 87.09]);
  expect(row(3)).toEqual([IMPORTS, 53700, undefined, undefined]);
});

test("values: a High the user typed is kept and reported", async () => {
  const { excel, port, row } = await builtOn100();
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("E2").formulas = [[88]];
    await context.sync();
  });
  const plan = await checkUpdate(port);
  expect(plan.edited).toEqual([{ sheet: "Sheet1", address: "E2" }]);
  const edited = excel.writes.length;
  const outcome = await updateToCurrent(port, undefined, plan.values);
  expect(outcome.edited).toEqual([{ sheet: "Sheet1", address: "E2" }]);
  expect(row(2)).toEqual([FX, FX_VALUE, 86.46, 88]);
  const update = ops(excel.writes.slice(edited), "formulas");
  expect(update.map((w) => w.address)).toEqual(["C3", "D2:D3"]);
});

test("cards: the rate's card is rewritten for its range alone, beside its Low and High", async () => {
  const { port, row, written } = await builtOn100("cards");
  const plan = await checkUpdate(port);
  expect(plan.values.map((u) => [u.address, u.bound ?? "value", u.old, u.new])).toEqual([
    ["D2", "low", null, 86.46],
    ["E2", "high", null, 87.09],
    ["D3", "low", 53000, null],
    ["C2", "value", FX_VALUE, FX_VALUE],
    ["C3", "value", 53000, 53700],
  ]);
  // The rate's card: no Low or High in 1.0.0 ("approximately", no bounds), 86.46-87.09 now. The
  // imports' card changes its figure, which the list shows as it is.
  expect(plan.values.find((u) => u.address === "C2")?.bounds).toEqual({
    old: { low: null, high: null },
    new: { low: 86.46, high: 87.09 },
  });
  expect(plan.values.find((u) => u.address === "C3")?.bounds).toBeUndefined();
  const outcome = await updateToCurrent(port, undefined, plan.values);
  expect(outcome.summary).toMatch(
    /: 0 values, 3 Low\/High cells, 2 cards and 0 formulas changed\./,
  );
  const cards = written("valuesAsJson");
  expect(cards.map((w) => w.address)).toEqual(["C2", "C3"]);
  const rate = (cards[0].value as EntityCard[][])[0][0];
  expect([rate.properties.Low, rate.properties.High].map((p) => p?.basicValue)).toEqual([
    86.46, 87.09,
  ]);
  expect(rate.properties["Data version"].basicValue).toBe("1.1.0");
  expect(row(2).slice(2)).toEqual([86.46, 87.09]);
});

test("cards: a figure ticked by the id the workbook pinned gets its card though a release renamed it", async () => {
  const { port, row, written } = await builtOn100("cards");
  // The pane passes the ticked figures by pinned id: FY25 imports only, the rate kept.
  const figures = new Set([IMPORTS]);
  const plan = await checkUpdate(port, undefined, figures);
  const outcome = await updateToCurrent(port, undefined, plan.values, figures);
  // The imports' card (53,000 "over" in 1.0.0) becomes 53,700 with its Low emptied beside it.
  expect(written("valuesAsJson").map((w) => w.address)).toEqual(["C3"]);
  expect(row(3).slice(2)).toEqual([undefined, undefined]);
  expect(outcome.summary).toMatch(/1 Low\/High cell, 1 card and 0 formulas changed\./);
});
