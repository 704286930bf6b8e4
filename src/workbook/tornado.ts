/**
 * A tornado of one result: how far it moves when each input runs over its sourced range (Low to
 * High, every other input at its preferred figure), widest swing first, as plain cells and a bar
 * chart. The inputs sit in cells the user can edit; every number a bar shows is a formula over
 * them, so the chart follows an edit. The order is the one the sources give today.
 */
import { SCENARIO_INPUTS } from "../model/scenario";
import { scenarioResult, tornado } from "../model/sensitivity";
import { cellAddress, rangeAddress, type CellPosition } from "./address";
import { formula, value } from "./cells";
import type { Presentation } from "../model/formats";
import { GridBuilder, PlanBuilder, type Placement, type Planned } from "./plan";
import { WorkbookError, type WorkbookSnapshot } from "./port";
import {
  figureNote,
  inputFormat,
  preferredInputRows,
  resultFormat,
  resultFormula,
} from "./scenarioBlock";
import { listSources } from "./sources";

export const TORNADO_SHEET = "Tornado";

const BAR_COLUMNS = [
  "Input",
  "Change at Low",
  "Change at High",
  "Low",
  "High",
  "Result at Low",
  "Result at High",
  "Swing",
] as const;

function shape(resultName: string) {
  const result = scenarioResult(resultName);
  const bars = tornado(result.name);
  if (bars.length === 0) {
    throw new WorkbookError(
      `No input of ${result.label} has a range in the sources, so there is no tornado to draw.`,
      "Choose another result.",
    );
  }
  const inputs = SCENARIO_INPUTS.filter((input) => result.inputs.includes(input.name));
  // Title, explanation, input header, inputs, base result, blank, bar header, bars.
  const barHeader = 3 + inputs.length + 2;
  return { result, bars, inputs, barHeader };
}

export function tornadoSize(resultName: string): { rows: number; columns: number } {
  const { bars, barHeader } = shape(resultName);
  return { rows: barHeader + 1 + bars.length, columns: BAR_COLUMNS.length };
}

export function planTornado(
  snapshot: WorkbookSnapshot,
  resultName: string,
  placement: Placement,
  presentation: Presentation,
  builder = new PlanBuilder(snapshot),
): Planned {
  const { result, bars, inputs, barHeader } = shape(resultName);
  const { sheet, start } = builder.place(placement, TORNADO_SHEET);
  builder.print(sheet);
  const at = (row: number, column: number) =>
    cellAddress({ row: start.row + row, column: start.column + column } as CellPosition);
  const grid = new GridBuilder(BAR_COLUMNS.length);
  grid.heading([`Tornado: ${result.label} (${result.unit}) over each input's sourced range`]);
  grid.row([
    value(
      "Each bar moves one input from its Low to its High figure, the others at the preferred figure; widest swing first. Every bar is a formula over the cells above: edit them and the chart follows.",
    ),
  ]);
  const header = ["Input", "Preferred", "Unit", "Source"];
  const { cells, figures } = preferredInputRows(grid, header, inputs, presentation, (row) => ({
    sheet,
    address: at(row, 1),
  }));
  const cited = new Set(figures.map((figure) => figure.fact.source));
  const baseRow = grid.row(
    [
      value(`${result.label}, every input preferred`),
      formula(`=${resultFormula(result.name, cells)}`),
      value(result.unit),
    ],
    [null, resultFormat(result.name, presentation, false)],
    true,
  );
  const baseCell = at(baseRow, 1);
  grid.row([]);
  grid.heading(BAR_COLUMNS);
  const format = resultFormat(result.name, presentation, false);
  const notes: { address: string; text: string }[] = [];
  for (const bar of bars) {
    const row = grid.rowCount;
    const input = inputs.find((candidate) => candidate.name === bar.input)!;
    const [low, high] = [at(row, 3), at(row, 4)];
    const resultWith = (cell: string) =>
      `=${resultFormula(result.name, { ...cells, [bar.input]: cell })}`;
    const inputFmt = inputFormat(input, presentation, false);
    grid.row(
      [
        value(input.label),
        formula(`=${at(row, 5)}-${baseCell}`),
        formula(`=${at(row, 6)}-${baseCell}`),
        value(bar.low.value),
        value(bar.high.value),
        formula(resultWith(low)),
        formula(resultWith(high)),
        formula(`=ABS(${at(row, 6)}-${at(row, 5)})`),
      ],
      [null, format, format, inputFmt, inputFmt, format, format, format],
    );
    notes.push({ address: low, text: figureNote(bar.low) });
    notes.push({ address: high, text: figureNote(bar.high) });
    cited.add(bar.low.fact.source).add(bar.high.fact.source);
  }
  const target = builder.block(sheet, start, grid.build());
  for (const note of notes) builder.note({ sheet, address: note.address }, note.text);
  builder.chart({
    sheet,
    type: "bar",
    title: `${result.label}: change from the preferred figure (${result.unit})`,
    dataAddress: rangeAddress({
      row: start.row + barHeader,
      column: start.column,
      rows: bars.length + 1,
      columns: 3,
    }),
    seriesNames: ["Change at Low", "Change at High"],
    sourceCalculated: false,
    anchor: rangeAddress({
      row: start.row + barHeader + bars.length + 2,
      column: start.column,
      rows: 16,
      columns: 6,
    }),
  });
  builder.columnWidths(sheet, [300, 110, 110, 90, 90, 110, 110, 90]);
  const sources = listSources(builder, cited);
  return builder.finish(
    target,
    `Tornado of ${result.label} inserted on ${sheet} at ${target.address}: ${bars.length} ranged input${bars.length === 1 ? "" : "s"}, widest swing first, with a bar chart; ${sources}`,
    { figures },
  );
}
