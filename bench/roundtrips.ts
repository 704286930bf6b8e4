// Figure 5: context.sync() calls per insert action through the Office.js port (office-addin-mock),
// at 10, 1,000 and 10,000 rows. The budget is absolute: two round trips whatever the size.
import { FACTS, type Fact } from "../src/data";
import { createExcelPort } from "../src/excel";
import {
  insertFacts,
  insertFunctionReference,
  insertModelSheet,
  insertNamedInputs,
  insertReferenceTable,
} from "../src/workbook/actions";
import { installExcelMock } from "../test/excel/mockExcel";
import type { BenchRow } from "./types";

function manyFacts(n: number): Fact[] {
  return Array.from({ length: n }, (_, i) => {
    const fact = FACTS[i % FACTS.length];
    return i < FACTS.length ? fact : { ...fact, id: `${fact.id}.copy${i}` };
  });
}

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

export async function roundTripRows(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const n of [10, 1_000, 10_000]) {
    const facts = manyFacts(n);
    rows.push(
      row(
        `insert ${n.toLocaleString("en-US")} facts as live formulas`,
        await syncsFor(() =>
          insertFacts(createExcelPort(), facts, { live: true, placement: "selection" }),
        ),
      ),
    );
  }
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
  );
  return rows;
}
