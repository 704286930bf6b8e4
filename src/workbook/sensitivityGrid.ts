/**
 * A two-way sensitivity grid: a result for every pair of values of two inputs, written as ordinary
 * formulas over ordinary input cells. Excel's Data Table shows #CALC! over a custom function; a
 * grid of formulas recalculates everywhere, and each of its cells can be read on its own.
 */
import { SCENARIO_INPUTS, scenarioInput, type InputName } from "../model/scenario";
import { scenarioResult } from "../model/sensitivity";
import { columnLetters, type CellPosition } from "./address";
import { formula, value } from "./cells";
import type { Presentation } from "../model/formats";
import { GridBuilder, PlanBuilder, count, type Placement, type Planned } from "./plan";
import { WorkbookError, type WorkbookSnapshot } from "./port";
import { inputFormat, preferredInputRows, resultFormat, resultFormula } from "./scenarioBlock";
import { listSources } from "./sources";

export const GRID_SHEET = "Sensitivity";

/** From, to and step of one axis, in the input's unit. */
export interface Steps {
  from: number;
  to: number;
  step: number;
}

export interface GridRequest {
  result: string;
  /** The input across the columns, and the one down the rows. */
  across: { input: string; steps: Steps };
  down: { input: string; steps: Steps };
}

/** The default: magnet target 3,000 to 9,000 by 1,000 against oxide 200 to 1,000 by 100. */
export const DEFAULT_GRID: GridRequest = {
  result: "oxide_gap",
  across: { input: "magnet_target", steps: { from: 3000, to: 9000, step: 1000 } },
  down: { input: "domestic_oxide", steps: { from: 200, to: 1000, step: 100 } },
};

/** Most values one axis takes: a grid is for reading, and 200 x 200 is 40,000 formulas. */
export const MAX_STEPS = 200;

/**
 * The axis values from..to by step. Each is from + i x step rounded to 12 significant digits, so
 * 0.1 steps give 0.3, not 0.30000000000000004; `to` is included when a step lands on it.
 */
export function axisValues({ from, to, step }: Steps): number[] {
  const finite = [from, to, step].every(Number.isFinite);
  if (!finite || step <= 0 || to < from) {
    throw new WorkbookError(
      `The steps "${from} to ${to} by ${step}" give no values.`,
      "Use a step above zero and a last value at or above the first.",
    );
  }
  const n = Math.floor((to - from) / step + 1e-9) + 1;
  if (n > MAX_STEPS) {
    throw new WorkbookError(
      `${from} to ${to} by ${step} is ${n.toLocaleString("en-US")} values; a grid takes at most ${MAX_STEPS} per axis.`,
      "Use a larger step or a narrower range.",
    );
  }
  return Array.from({ length: n }, (_, i) => Number((from + i * step).toPrecision(12)));
}

/** "$B$4", "C$9", "$B10": a reference that stays put when the grid's formulas are copied. */
function ref(at: CellPosition, fixRow: boolean, fixColumn: boolean): string {
  return `${fixColumn ? "$" : ""}${columnLetters(at.column)}${fixRow ? "$" : ""}${at.row + 1}`;
}

/** The other inputs the result reads (cited, editable), then the axis header row and the grid. */
function layout(request: GridRequest) {
  const result = scenarioResult(request.result);
  const across = scenarioInput(request.across.input).name;
  const down = scenarioInput(request.down.input).name;
  for (const name of [across, down]) {
    if (!result.inputs.includes(name)) {
      throw new WorkbookError(
        `${result.label} does not depend on ${name}.`,
        `Choose two of: ${result.inputs.join(", ")}.`,
      );
    }
  }
  if (across === down) {
    throw new WorkbookError("The grid needs two different inputs.", "Choose another input.");
  }
  const others = SCENARIO_INPUTS.filter(
    (input) => result.inputs.includes(input.name) && input.name !== across && input.name !== down,
  );
  const columnValues = axisValues(request.across.steps);
  const rowValues = axisValues(request.down.steps);
  // Title, explanation, header, the other inputs, a blank row, the axis row, then the grid.
  const headerRow = 3 + others.length + 1;
  return { result, across, down, others, columnValues, rowValues, headerRow };
}

export function sensitivityGridSize(request: GridRequest): { rows: number; columns: number } {
  const { columnValues, rowValues, headerRow } = layout(request);
  return { rows: headerRow + 1 + rowValues.length, columns: Math.max(4, 1 + columnValues.length) };
}

export function planSensitivityGrid(
  snapshot: WorkbookSnapshot,
  request: GridRequest,
  placement: Placement,
  presentation: Presentation,
  builder = new PlanBuilder(snapshot),
): Planned {
  const { result, across, down, others, columnValues, rowValues, headerRow } = layout(request);
  const size = sensitivityGridSize(request);
  const { sheet, start } = builder.place(placement, GRID_SHEET);
  builder.print(sheet);
  const at = (row: number, column: number): CellPosition => ({
    row: start.row + row,
    column: start.column + column,
  });
  const label = (name: InputName) => SCENARIO_INPUTS.find((input) => input.name === name)!.label;
  const grid = new GridBuilder(size.columns);
  grid.heading([
    `Sensitivity of ${result.label} (${result.unit}): ${label(across)} across, ${label(down)} down`,
  ]);
  grid.row([
    value(
      "Every cell is a formula over the axis values and the inputs below: edit any of them. (Excel's Data Table shows #CALC! over custom functions; these formulas do not.)",
    ),
  ]);
  const header = ["Other input", "Value", "Unit", "Source"];
  const { cells, figures } = preferredInputRows(
    grid,
    header,
    others,
    presentation,
    (row) => ({ sheet, address: ref(at(row, 1), false, false) }),
    (row) => ref(at(row, 1), true, true),
  );
  grid.row([]);
  const acrossInput = scenarioInput(across);
  const downInput = scenarioInput(down);
  grid.row(
    [value(`${label(down)} \\ ${label(across)}`), ...columnValues.map((x) => value(x))],
    [null, ...columnValues.map(() => inputFormat(acrossInput, presentation, true))],
    true,
  );
  const format = resultFormat(result.name, presentation, false, true);
  rowValues.forEach((y, i) => {
    const row = headerRow + 1 + i;
    grid.row(
      [
        value(y),
        ...columnValues.map((_, j) => {
          const refs = {
            ...cells,
            [across]: ref(at(headerRow, 1 + j), true, false),
            [down]: ref(at(row, 0), false, true),
          };
          return formula(`=${resultFormula(result.name, refs)}`);
        }),
      ],
      [inputFormat(downInput, presentation, true), ...columnValues.map(() => format)],
    );
  });
  const target = builder.block(sheet, start, grid.build());
  builder.columnWidths(sheet, [300, ...columnValues.map(() => 90)]);
  const sources = listSources(
    builder,
    figures.map((figure) => figure.fact.source),
  );
  return builder.finish(
    target,
    `Sensitivity grid of ${result.label} inserted on ${sheet} at ${target.address}: ${count(rowValues.length * columnValues.length, "formula")} over ${label(across)} (${columnValues.length} values) and ${label(down)} (${rowValues.length}); ${sources}`,
    { figures },
  );
}
