/**
 * Break-even: the value of one input that brings a result to a target (the domestic oxide that
 * closes the NdPr gap), where Goal Seek gives wrong answers over custom functions. Where the result
 * is linear in the input the answer is a live formula, exact by two evaluations of the result;
 * otherwise a bounded bisection's value. The cell's note names the method.
 */
import { ModelError } from "../model/errors";
import { SCENARIO_INPUTS, inputScenarios, scenarioInput } from "../model/scenario";
import { breakEven, scenarioResult } from "../model/sensitivity";
import { cellAddress, type CellPosition } from "./address";
import { exactLiteral } from "./portable/formula";
import { formula, value } from "./cells";
import type { Presentation } from "../model/formats";
import { GridBuilder, PlanBuilder, type Placement, type Planned } from "./plan";
import { WorkbookError, type WorkbookSnapshot } from "./port";
import {
  inputFormat,
  inputUnit,
  preferredInputRows,
  resultFormat,
  resultFormula,
} from "./scenarioBlock";
import { listSources } from "./sources";

export const BREAK_EVEN_SHEET = "Break-even";

export interface BreakEvenRequest {
  result: string;
  input: string;
  target: number;
}

export const DEFAULT_BREAK_EVEN: BreakEvenRequest = {
  result: "oxide_gap",
  input: "domestic_oxide",
  target: 0,
};

function shape(request: BreakEvenRequest) {
  const result = scenarioResult(request.result);
  const input = scenarioInput(request.input);
  if (!result.inputs.includes(input.name)) {
    throw new WorkbookError(
      `${result.label} does not depend on ${input.label}.`,
      `Choose one of: ${result.inputs.join(", ")}.`,
    );
  }
  if (!Number.isFinite(request.target))
    throw new WorkbookError("The target is not a number.", "Type a number for the target.");
  const others = SCENARIO_INPUTS.filter(
    (other) => result.inputs.includes(other.name) && other.name !== input.name,
  );
  return { result, input, others };
}

/** The model's answer; a target it cannot reach is a problem the user acts on. */
function solve(result: string, input: string, target: number) {
  try {
    return breakEven(result, input, target);
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    throw new WorkbookError(error.message, "Choose another target or another input to solve for.");
  }
}

export function breakEvenSize(request: BreakEvenRequest): { rows: number; columns: number } {
  return { rows: 4 + shape(request).others.length, columns: 4 };
}

export function planBreakEven(
  snapshot: WorkbookSnapshot,
  request: BreakEvenRequest,
  placement: Placement,
  presentation: Presentation,
): Planned {
  const { result, input, others } = shape(request);
  // Solved first: a target the result cannot reach is an error before anything is planned.
  const solved = solve(result.name, input.name, request.target);
  const builder = new PlanBuilder(snapshot);
  const { sheet, start } = builder.place(placement, BREAK_EVEN_SHEET);
  const at = (row: number, column: number) =>
    cellAddress({ row: start.row + row, column: start.column + column } as CellPosition);
  const grid = new GridBuilder(4);
  grid.heading([
    `Break-even: the ${input.label.toLowerCase()} that brings ${result.label} to the target`,
  ]);
  const header = ["Input", "Value", "Unit", "Source / method"];
  const { cells, figures } = preferredInputRows(grid, header, others, presentation, (row) => ({
    sheet,
    address: at(row, 1),
  }));
  const targetRow = grid.row(
    [
      value(`Target ${result.label}`),
      value(request.target),
      value(result.unit),
      value("Your target: edit it"),
    ],
    [null, resultFormat(result.name, presentation, false)],
  );
  const targetCell = at(targetRow, 1);
  let answer;
  if (solved.method === "closed form") {
    // x0 + (target - R(x0)) x (x1 - x0) / (R(x1) - R(x0)): exact for a result linear in the input.
    const x0 = inputScenarios(input.name).preferred.value;
    const x1 = x0 === 0 ? 1 : 2 * x0;
    const r = (x: number) =>
      resultFormula(result.name, { ...cells, [input.name]: exactLiteral(x) });
    answer = formula(
      `=${exactLiteral(x0)}+(${targetCell}-${r(x0)})*(${exactLiteral(x1)}-${exactLiteral(x0)})/(${r(x1)}-${r(x0)})`,
    );
  } else {
    answer = value(solved.value);
  }
  const answerRow = grid.row(
    [value(`${input.label} at break-even`), answer, value(inputUnit(input)), value(solved.method)],
    [null, inputFormat(input, presentation, false)],
    true,
  );
  const target = builder.block(sheet, start, grid.build());
  builder.note({ sheet, address: at(answerRow, 1) }, solved.detail);
  builder.columnWidths(sheet, [300, 110, 150, 420]);
  const sources = listSources(
    builder,
    figures.map((figure) => figure.fact.source),
  );
  return builder.finish(
    target,
    `Break-even of ${input.label} for ${result.label} = ${request.target} inserted on ${sheet} at ${target.address} (${solved.method}); ${sources}`,
    { figures },
  );
}
