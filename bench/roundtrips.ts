// Excel round trips through the Office.js port (office-addin-mock, with Excel's request limits of
// test/excel/limits.ts). Small inserts: two syncs whatever they hold. Large ones (10 to 10,000 facts,
// making a 100,000-formula workbook portable): the largest request (≤ 4 MB), and syncs within two
// (read, write) plus one per 4 MB the action sends and receives in all, plus one for each further
// read phase (make portable first asks where the formulas are); their time through the mock is
// reported too. Tracing a cell (the model's gap, a cell with 1,000 precedents): at most 4 syncs.
import { createExcelPort } from "../src/excel";
import {
  insertFacts,
  insertFunctionReference,
  insertModelSheet,
  insertNamedInputs,
  insertReferenceTable,
  insertScenarioBlock,
  insertSensitivityGrid,
} from "../src/workbook/actions";
import { INTERNATIONAL } from "../src/model/formats";
import { makePortable } from "../src/workbook/portable/actions";
import { formulaCells } from "../src/workbook/reads";
import { traceCell } from "../src/workbook/trace/trace";
import { formulaColumn, installCellMock } from "../test/excel/mockCells";
import { installExcelMock, type ExcelMock } from "../test/excel/mockExcel";
import { manyFacts } from "../test/support/facts";
import { GRID_20 } from "./gridRecalc";
import type { BenchRow } from "./types";

/** At the selection, as the pane inserts them by default. */
const SCENARIO_OPTIONS = { placement: "selection" as const, presentation: INTERNATIONAL };

const MB = 2 ** 20;

async function syncsFor(run: () => Promise<unknown>): Promise<number> {
  const excel = installExcelMock({ sheets: ["Sheet1"], selection: "Sheet1!B2" });
  await run();
  return excel.syncs();
}

const row = (figure: string, syncs: number): BenchRow => ({
  figure,
  value: syncs,
  unit: "syncs",
  baseline: null,
  ratio: null,
  budgetKey: "syncsPerInsert",
  limits: "value",
});

/** Syncs, largest request and time of one large action against a fresh mock. */
async function largeRows(
  action: string,
  install: () => ExcelMock,
  run: () => Promise<unknown>,
  readPhases = 0,
): Promise<BenchRow[]> {
  const excel = install();
  const started = process.hrtime.bigint();
  await run();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const sizes = excel.requests.map((r) => r.sentBytes + r.receivedBytes);
  const total = sizes.reduce((sum, bytes) => sum + bytes, 0);
  const base = { baseline: null, ratio: null, limits: "value" as const };
  return [
    {
      ...base,
      figure: `${action}: syncs (${(total / MB).toFixed(1)} MB in all)`,
      value: excel.syncs(),
      unit: "syncs",
      budgetKey: "syncsBeyondOnePer4MB",
      budgetExtra: readPhases + Math.ceil(total / (4 * MB)),
    },
    {
      ...base,
      figure: `${action}: largest request`,
      value: Math.max(...sizes) / MB,
      unit: "MB",
      budgetKey: "requestPayloadMB",
    },
    { ...base, figure: `${action}: time through the mock`, value: ms, unit: "ms" },
  ];
}

/** Syncs and time of tracing one cell: the read of the workbook, then the walk in memory. */
async function traceRows(
  what: string,
  excel: ExcelMock,
  target: { sheet: string; address: string },
): Promise<BenchRow[]> {
  const before = excel.syncs();
  const started = process.hrtime.bigint();
  const { trace } = await traceCell(createExcelPort(), target);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const base = { baseline: null, ratio: null, limits: "value" as const };
  const figure = `trace ${what} (${trace.precedents.toLocaleString("en-US")} precedents, ${trace.facts.length} facts)`;
  return [
    {
      ...base,
      figure: `${figure}: syncs`,
      value: excel.syncs() - before,
      unit: "syncs",
      budgetKey: "syncsPerTrace",
    },
    { ...base, figure: `${figure}: time through the mock`, value: ms, unit: "ms" },
  ];
}

/** The model sheet's gap cell (found by its formula), and a cell summing 1,000 others. */
export async function traceBenchRows(): Promise<BenchRow[]> {
  const model = installCellMock({ sheets: ["Sheet1"], selection: "Sheet1!B2" }, {});
  await insertModelSheet(createExcelPort());
  const blocks = await createExcelPort().readCells({ sheets: model.state.sheets });
  const gap = formulaCells(blocks).find((cell) => /^=REE\.NDPR_GAP\([^"]*\)$/.test(cell.formula));
  if (!gap) throw new Error("The model sheet has no oxide gap formula");
  const rows = await traceRows("the model sheet's gap cell", model, gap);
  const cells: Record<string, string | number> = { B1: "=SUM(A1:A1000)" };
  for (let row = 1; row <= 1000; row++) cells[`A${row}`] = row;
  const wide = installCellMock({ sheets: ["Sheet1"] }, { Sheet1: cells });
  rows.push(
    ...(await traceRows("a cell with 1,000 precedents", wide, { sheet: "Sheet1", address: "B1" })),
  );
  return rows;
}

export async function roundTripRows(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const n of [10, 1_000, 10_000]) {
    const facts = manyFacts(n);
    rows.push(
      ...(await largeRows(
        `insert ${n.toLocaleString("en-US")} facts as live formulas`,
        () => installExcelMock({ sheets: ["Sheet1"], selection: "Sheet1!B2" }),
        () => insertFacts(createExcelPort(), facts, { live: true, placement: "selection" }),
      )),
    );
  }
  const cells = formulaColumn(100_000);
  rows.push(
    ...(await largeRows(
      "make a 100,000-formula workbook portable",
      () => installCellMock({ sheets: ["Model"] }, { Model: cells }),
      () => makePortable(createExcelPort(), "workbook"),
      // Before its cells are read, one more request finds where the formulas are.
      1,
    )),
  );
  rows.push(
    row(
      "insert reference table (world production)",
      await syncsFor(() =>
        insertReferenceTable(createExcelPort(), "world_production", { placement: "new-sheet" }),
      ),
    ),
    row(
      "insert named inputs",
      await syncsFor(() => insertNamedInputs(createExcelPort(), { placement: "new-sheet" })),
    ),
    row("insert supply-gap model sheet", await syncsFor(() => insertModelSheet(createExcelPort()))),
    row(
      "insert function reference sheet",
      await syncsFor(() => insertFunctionReference(createExcelPort())),
    ),
    ...(await traceBenchRows()),
    row(
      "insert scenario block",
      await syncsFor(() => insertScenarioBlock(createExcelPort(), SCENARIO_OPTIONS)),
    ),
    row(
      "insert 20 x 20 sensitivity grid",
      await syncsFor(() => insertSensitivityGrid(createExcelPort(), GRID_20, SCENARIO_OPTIONS)),
    ),
  );
  return rows;
}
