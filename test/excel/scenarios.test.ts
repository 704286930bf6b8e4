/**
 * The scenario inserts through the Office.js port (office-addin-mock): one read and one write each,
 * whatever their size, nothing written over a cell that holds something, the tornado's chart a
 * clustered bar chart, and every scenario value's citation in a cell note.
 */
import { createExcelPort } from "../../src/excel";
import {
  insertBreakEven,
  insertScenarioBlock,
  insertSensitivityGrid,
  insertTornado,
} from "../../src/workbook/actions";
import { INTERNATIONAL } from "../../src/model/formats";
import { planScenarioBlock } from "../../src/workbook/scenarioBlock";
import { DEFAULT_BREAK_EVEN } from "../../src/workbook/breakEven";
import { DEFAULT_GRID } from "../../src/workbook/sensitivityGrid";
import { installExcelMock } from "./mockExcel";
import { blankSnapshot } from "../support/snapshot";

const atSelection = { placement: "selection" as const, presentation: INTERNATIONAL };
const GRID_20 = {
  ...DEFAULT_GRID,
  across: { input: "magnet_target", steps: { from: 1000, to: 20000, step: 1000 } },
  down: { input: "domestic_oxide", steps: { from: 100, to: 2000, step: 100 } },
};

const fresh = (filled: string[] = []) =>
  installExcelMock({ sheets: ["Sheet1"], selection: "Sheet1!B2", filled });

test.each([
  ["scenario block", () => insertScenarioBlock(createExcelPort(), atSelection)],
  ["20 x 20 grid", () => insertSensitivityGrid(createExcelPort(), GRID_20, atSelection)],
  ["tornado", () => insertTornado(createExcelPort(), "china_imports", atSelection)],
  ["break-even", () => insertBreakEven(createExcelPort(), DEFAULT_BREAK_EVEN, atSelection)],
])("%s: one read and one write", async (_, run) => {
  const excel = fresh();
  expect((await run()).status).toBe("inserted");
  expect(excel.syncs()).toBe(2);
});

test.each([
  ["scenario block", () => insertScenarioBlock(createExcelPort(), atSelection)],
  ["grid", () => insertSensitivityGrid(createExcelPort(), DEFAULT_GRID, atSelection)],
  ["tornado", () => insertTornado(createExcelPort(), "oxide_gap", atSelection)],
])("%s: a user's cell inside the block stops the insert after one read", async (_, run) => {
  const excel = fresh(["Sheet1!D6"]);
  expect((await run()).status).toBe("target-not-empty");
  expect(excel.syncs()).toBe(1);
  expect(excel.writes).toEqual([]);
});

test("the tornado's chart is a clustered bar chart over the change columns", async () => {
  const excel = fresh();
  await insertTornado(createExcelPort(), "china_imports", atSelection);
  const chart = excel.writes.find((write) => write.op === "addChart");
  expect(chart?.value).toMatchObject({ type: "BarClustered" });
});

test("every scenario value carries its citation in a note", () => {
  const { plan } = planScenarioBlock(blankSnapshot(), "new-sheet", INTERNATIONAL);
  // 7 inputs x 5 scenarios (Preferred, Low, High, Moneycontrol, repm_scheme)
  expect(plan.notes).toHaveLength(35);
  expect(
    plan.notes?.find((note) => /irel\.nd_capacity_t \(the high end/.test(note.text)),
  ).toBeDefined();
});
