// Figure 4: a 50,000-row model in HyperFormula written with REE.* formulas against the same model
// written with native formulas: time to build the workbook, and to recalculate after one input edit.
import { HyperFormula } from "hyperformula";
import type { Sheets } from "hyperformula";
import { createReeEngine, REE_ENGINE_OPTIONS } from "../src/preview/ree-plugin";
import { median } from "./timing";
import type { BenchRow } from "./types";

const ROWS = 50_000;

/** Inputs in B1:B3 (oxide per magnet, magnet target, growth); one model row per year offset. */
function sheet(formulas: (row: number) => string[]): Sheets {
  const rows: (string | number)[][] = [
    ["Oxide per magnet (t/t)", 1 / 3],
    ["Magnet target (t)", 6_000],
    ["Growth", 0.1],
  ];
  for (let r = 4; r <= ROWS + 3; r++) rows.push([400 + (r % 50), ...formulas(r)]);
  return { Model: rows };
}

// Each row: domestic oxide in A, then magnet capacity, oxide gap and self-sufficiency.
const reeModel = sheet((r) => [
  `=REE.MAGNET_CAPACITY(A${r},$B$1)`,
  `=REE.NDPR_GAP($B$2,A${r},$B$1)`,
  `=REE.SELF_SUFFICIENCY(B${r},$B$2)`,
]);
const nativeModel = sheet((r) => [`=A${r}/$B$1`, `=$B$2*$B$1-A${r}`, `=B${r}/$B$2`]);

function measure(build: () => HyperFormula): { buildMs: number; editMs: number } {
  const started = process.hrtime.bigint();
  const hf = build();
  const built = process.hrtime.bigint();
  hf.setCellContents({ sheet: 0, row: 0, col: 1 }, [[0.35]]);
  const edited = process.hrtime.bigint();
  const gap = hf.getCellValue({ sheet: 0, row: 3, col: 2 });
  if (typeof gap !== "number") throw new Error(`model did not compute: ${JSON.stringify(gap)}`);
  hf.destroy();
  return {
    buildMs: Number(built - started) / 1e6,
    editMs: Number(edited - built) / 1e6,
  };
}

export function recalcRows(): BenchRow[] {
  const options = { ...REE_ENGINE_OPTIONS, maxRows: ROWS + 100 };
  const runs = {
    ree: [] as { buildMs: number; editMs: number }[],
    native: [] as { buildMs: number; editMs: number }[],
  };
  for (let i = 0; i < 5; i++) {
    const order = i % 2 === 0 ? (["ree", "native"] as const) : (["native", "ree"] as const);
    for (const which of order) {
      runs[which].push(
        measure(() =>
          which === "ree"
            ? createReeEngine(reeModel, options)
            : HyperFormula.buildFromSheets(nativeModel, options),
        ),
      );
    }
  }
  const mid = (which: "ree" | "native", key: "buildMs" | "editMs") =>
    median(runs[which].map((run) => run[key]));
  const row = (figure: string, key: "buildMs" | "editMs", budgetKey: string): BenchRow => ({
    figure,
    value: mid("ree", key),
    unit: "ms",
    baseline: mid("native", key),
    ratio: mid("ree", key) / mid("native", key),
    budgetKey,
    limits: "ratio",
  });
  return [
    row(
      `build a ${ROWS.toLocaleString("en-US")}-row REE model vs native formulas`,
      "buildMs",
      "recalcBuildRatio",
    ),
    row("recalculate it after one input edit vs native formulas", "editMs", "recalcEditRatio"),
  ];
}
