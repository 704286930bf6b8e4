// The sensitivity grid in the preview's engine: a 20 x 20 grid of REE formulas, exactly as the
// insert plans it, against the same grid made portable through the NATIVE rules (the formulas
// "make portable" writes). Recalculation after one edit of the input every cell reads (oxide per
// magnet), in the production-built engine of dist-baseline/recalc-engine.js, as recalc.ts does.
import { join } from "node:path";
import type { HyperFormula, Sheets } from "hyperformula";
import { parseRange, rangeAddress } from "../src/workbook/address";
import { INTERNATIONAL } from "../src/model/formats";
import { convertCell } from "../src/workbook/portable/convert";
import { blankSnapshot } from "../test/support/snapshot";
import {
  DEFAULT_GRID,
  planSensitivityGrid,
  type GridRequest,
} from "../src/workbook/sensitivityGrid";
import type * as RecalcEngine from "./baseline/recalc-engine";
import { median, msOf } from "./timing";
import type { BenchRow } from "./types";

const loadEngine = (): typeof RecalcEngine =>
  require(join(__dirname, "..", "dist-baseline", "recalc-engine.js"));

/** 20 targets (1,000 to 20,000 t) across, 20 oxide outputs (100 to 2,000 t) down. */
export const GRID_20: GridRequest = {
  ...DEFAULT_GRID,
  across: { input: "magnet_target", steps: { from: 1_000, to: 20_000, step: 1_000 } },
  down: { input: "domestic_oxide", steps: { from: 100, to: 2_000, step: 100 } },
};

const SNAPSHOT = blankSnapshot();

/** Oxide-per-magnet values typed into the grid's input cell, one recalculation each. */
const EDITS = Array.from({ length: 41 }, (_, i) => 0.3 + i * 0.002);

/** The grid's sheet as the insert writes it, REE formulas or their native translations. */
function gridSheet(native: boolean): { sheets: Sheets; input: { row: number; col: number } } {
  const { plan } = planSensitivityGrid(SNAPSHOT, GRID_20, "new-sheet", INTERNATIONAL);
  const block = plan.blocks.find((b) => b.sheet === "Sensitivity")!;
  const box = parseRange(block.address);
  const rows = block.cells.map((row, r) =>
    row.map((cell, c) => {
      if (cell.kind === "value") return cell.value;
      if (!native) return cell.formula;
      const address = rangeAddress({
        row: box.row + r,
        column: box.column + c,
        rows: 1,
        columns: 1,
      });
      const conversion = convertCell({
        sheet: block.sheet,
        address,
        formula: cell.formula,
        value: null,
      });
      const written = conversion?.cells[0][0] ?? cell;
      return written.kind === "formula" ? written.formula : written.value;
    }),
  );
  // The only other input, oxide per magnet, sits in column B under the header (row 4).
  return { sheets: { Sensitivity: rows }, input: { row: 3, col: 1 } };
}

function measure(build: () => HyperFormula, input: { row: number; col: number }): number {
  const hf = build();
  const times = EDITS.map((ratio) =>
    msOf(() => hf.setCellContents({ sheet: 0, ...input }, [[ratio]])),
  );
  // 6,000 / 3 - 400 is not checked here (the tests do); the grid must have computed a number.
  if (typeof hf.getCellValue({ sheet: 0, row: 6, col: 1 }) !== "number")
    throw new Error("the grid did not compute");
  hf.destroy();
  return median(times);
}

export function gridRecalcRows(): BenchRow[] {
  const { HyperFormula: Engine, createReeEngine, REE_ENGINE_OPTIONS } = loadEngine();
  const ree = gridSheet(false);
  const native = gridSheet(true);
  const runs = { ree: [] as number[], native: [] as number[] };
  for (let i = 0; i < 7; i++) {
    const order = i % 2 === 0 ? (["ree", "native"] as const) : (["native", "ree"] as const);
    for (const which of order) {
      runs[which].push(
        which === "ree"
          ? measure(() => createReeEngine(ree.sheets, REE_ENGINE_OPTIONS), ree.input)
          : measure(() => Engine.buildFromSheets(native.sheets, REE_ENGINE_OPTIONS), native.input),
      );
    }
  }
  const [reeMs, nativeMs] = [median(runs.ree), median(runs.native)];
  return [
    {
      figure: "recalculate a 20 x 20 sensitivity grid after one input edit vs native formulas",
      value: reeMs,
      unit: "ms",
      baseline: nativeMs,
      ratio: reeMs / nativeMs,
      budgetKey: "gridRecalcEditRatio",
      limits: "ratio",
    },
  ];
}
