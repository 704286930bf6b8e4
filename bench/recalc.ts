// Figure 4: a 50,000-row model in HyperFormula written with REE.* formulas against the same model
// written with native formulas: time to build the workbook, and to recalculate after one input edit.
// Both run in the engine as webpack builds it for production (dist-baseline/recalc-engine.js), so the
// REE functions are the production-built adapters, as in Excel, not the TypeScript run from source.
import { join } from "node:path";
import type { HyperFormula, Sheets } from "hyperformula";
import type * as RecalcEngine from "./baseline/recalc-engine";
import { median, msOf } from "./timing";
import type { BenchRow } from "./types";

/** Loaded when this figure runs, not when run.ts starts: the other in-process timings run lean. */
const loadEngine = (): typeof RecalcEngine =>
  require(join(__dirname, "..", "dist-baseline", "recalc-engine.js"));

const ROWS = 50_000;
/** Oxide-per-magnet values typed into B1, one recalculation each. */
const EDITS = [0.35, 0.34, 0.36];

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
const reeModel = () =>
  sheet((r) => [
    `=REE.MAGNET_CAPACITY(A${r},$B$1)`,
    `=REE.NDPR_GAP($B$2,A${r},$B$1)`,
    `=REE.SELF_SUFFICIENCY(B${r},$B$2)`,
  ]);
const nativeModel = () => sheet((r) => [`=A${r}/$B$1`, `=$B$2*$B$1-A${r}`, `=B${r}/$B$2`]);

function measure(build: () => HyperFormula): { buildMs: number; editMs: number } {
  const started = process.hrtime.bigint();
  const hf = build();
  const built = process.hrtime.bigint();
  // Several edits per workbook: one edit's time moved with whichever garbage collection it met.
  const editTimes = EDITS.map((ratio) =>
    msOf(() => hf.setCellContents({ sheet: 0, row: 0, col: 1 }, [[ratio]])),
  );
  const gap = hf.getCellValue({ sheet: 0, row: 3, col: 2 });
  if (typeof gap !== "number") throw new Error(`model did not compute: ${JSON.stringify(gap)}`);
  hf.destroy();
  return { buildMs: Number(built - started) / 1e6, editMs: median(editTimes) };
}

export function recalcRows(): BenchRow[] {
  const { HyperFormula: Engine, createReeEngine, REE_ENGINE_OPTIONS } = loadEngine();
  const reeSheets = reeModel();
  const nativeSheets = nativeModel();
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
            ? createReeEngine(reeSheets, options)
            : Engine.buildFromSheets(nativeSheets, options),
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
