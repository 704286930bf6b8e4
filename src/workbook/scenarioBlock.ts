/**
 * The scenario block: one column per scenario (Preferred, Low, High, then one per source whose
 * figures differ), one row per model input with each value cited in its note, and the model's
 * results as live REE formulas over each column, so editing a scenario value recalculates it.
 * The result formulas here are the one place the scenario results become formulas; the
 * sensitivity grid and the tornado write them too.
 */
import { factCitation, sourceById } from "../data";
import {
  SCENARIO_INPUTS,
  inputScenarios,
  scenarioColumns,
  scenarioFigure,
  type InputName,
  type ScenarioColumn,
  type ScenarioInput,
  type Sourced,
} from "../model/scenario";
import { SCENARIO_RESULTS, type ResultName } from "../model/sensitivity";
import { cellAddress, type CellPosition } from "./address";
import { formula, value } from "./cells";
import { FORMAT, presentFormat, unitFormat, type Presentation } from "../model/formats";
import { GridBuilder, PlanBuilder, type Placement, type Planned } from "./plan";
import type { SheetRef, WorkbookSnapshot } from "./port";
import { listSources } from "./sources";
import type { FigureUse } from "./plan";

export const SCENARIO_SHEET = "Scenarios";

/** Where each input's cell is, for a result formula: a result's own inputs are enough. */
export type InputCells = Readonly<Partial<Record<InputName, string>>>;

/** Each result as a formula over its inputs' cells (without "="): REE where the catalog has it. */
const RESULT_FORMULAS: Readonly<Record<ResultName, (at: (input: InputName) => string) => string>> =
  {
    oxide_gap: (at) =>
      `REE.NDPR_GAP(${at("magnet_target")},${at("domestic_oxide")},${at("oxide_per_magnet")})`,
    magnet_gap: (at) =>
      `REE.NDPR_GAP(${at("magnet_target")},${at("domestic_oxide")},${at("oxide_per_magnet")},"magnet")`,
    self_sufficiency: (at) =>
      `REE.SELF_SUFFICIENCY(REE.MAGNET_CAPACITY(${at("domestic_oxide")},${at("oxide_per_magnet")}),${at("magnet_target")})`,
    china_imports: (at) => `${at("china_share")}*${at("magnet_imports")}`,
    reserve_life: (at) => `REE.RESERVE_LIFE(${at("reserves")},${at("production")})`,
  };

export function resultFormula(result: ResultName, cells: InputCells): string {
  return RESULT_FORMULAS[result]((input) => {
    const address = cells[input];
    // A planner bug, not a user's input: every plan places each input its results read.
    if (address === undefined) throw new Error(`${result} reads ${input}, which has no cell`);
    return address;
  });
}

const RESULT_FORMATS: Readonly<Record<ResultName, string>> = {
  oxide_gap: FORMAT.tonnes,
  magnet_gap: FORMAT.tonnes,
  self_sufficiency: FORMAT.share,
  china_imports: FORMAT.tonnes,
  reserve_life: FORMAT.oneDecimal,
};

/**
 * The number format of a result; with `unitInCell`, its unit shown in the cell (where no Unit
 * column says it) when it is tonnes or years; `precise` shows tonnes to two decimals (a grid's
 * 5,000 / 3 - 500 = 1,166.67).
 */
export function resultFormat(
  result: ResultName,
  presentation: Presentation,
  unitInCell: boolean,
  precise = false,
): string {
  const unit = unitInCell ? (SCENARIO_RESULTS.find((r) => r.name === result)?.unit ?? "") : "";
  const format = RESULT_FORMATS[result];
  // A result may be negative (a surplus): signed grouping.
  return presentFormat(
    precise && format === FORMAT.tonnes ? FORMAT.twoDecimals : format,
    presentation,
    unit,
    true,
  );
}

/** An input's unit as a reader says it: "t/yr magnets", "t NdPr oxide per t of magnet", "%". */
export function inputUnit(input: ScenarioInput): string {
  const fact = inputScenarios(input.name).preferred.fact;
  if (!fact.basis || !fact.unit.startsWith("t")) return fact.unit;
  return fact.unit === "t/t" ? `t ${fact.basis}` : `${fact.unit} ${fact.basis}`;
}

/** The number format of an input's values; with `unitInCell`, its unit shown in the cell. */
export function inputFormat(
  input: ScenarioInput,
  presentation: Presentation,
  unitInCell: boolean,
): string | null {
  const fact = inputScenarios(input.name).preferred.fact;
  const format = unitFormat(fact.unit);
  return format === null ? null : presentFormat(format, presentation, unitInCell ? fact.unit : "");
}

/** A scenario value's note: which claim, which bound of it, and the citation. */
export function figureNote(figure: Sourced, why = ""): string {
  const bound = figure.bound === "value" ? "" : ` (the ${figure.bound} end of its range)`;
  return `${why}${figure.fact.id}${bound}: ${factCitation(figure.fact)}`;
}

/**
 * A header row, then one row per input at its preferred figure: label, value, unit and citation.
 * The editable inputs a sensitivity grid, a tornado or a break-even computes over: each value cell
 * (column 1 of its row, where `valueCell` places it) with the fact it holds, and how the caller's
 * formulas refer to it (`reference`, e.g. absolute in a grid that is filled across).
 */
export function preferredInputRows(
  grid: GridBuilder,
  header: readonly string[],
  inputs: readonly ScenarioInput[],
  presentation: Presentation,
  valueCell: (row: number) => SheetRef,
  reference: (row: number) => string = (row) => valueCell(row).address,
): { cells: InputCells; figures: FigureUse[] } {
  grid.heading(header);
  const cells: Partial<Record<InputName, string>> = {};
  const figures = inputs.map((input) => {
    const figure = inputScenarios(input.name).preferred;
    const row = grid.row(
      [value(input.label), value(figure.value), value(inputUnit(input)), value(figureNote(figure))],
      [null, inputFormat(input, presentation, false)],
    );
    cells[input.name] = reference(row);
    return { fact: figure.fact, cell: valueCell(row) };
  });
  return { cells, figures };
}

function columnHeader(column: ScenarioColumn): string {
  if (column.kind !== "source") return column.name[0].toUpperCase() + column.name.slice(1);
  const source = sourceById(column.name);
  return source && source.publisher !== "unknown"
    ? `${source.publisher} (${column.name})`
    : column.name;
}

export interface ScenarioLayout {
  /** Input cells by scenario name then input. */
  inputs: Record<string, InputCells>;
  /** Result cells by scenario name then result. */
  results: Record<string, Record<ResultName, string>>;
}

/** Rows and columns the block covers, for the emptiness probe before planning. */
export function scenarioBlockSize(): { rows: number; columns: number } {
  return {
    rows: 3 + SCENARIO_INPUTS.length + 2 + SCENARIO_RESULTS.length + 1,
    columns: 2 + scenarioColumns().length,
  };
}

export function planScenarioBlock(
  snapshot: WorkbookSnapshot,
  placement: Placement,
  presentation: Presentation,
  builder = new PlanBuilder(snapshot),
): Planned & { layout: ScenarioLayout } {
  const { sheet, start } = builder.place(placement, SCENARIO_SHEET);
  builder.print(sheet);
  const columns = scenarioColumns();
  const size = scenarioBlockSize();
  const grid = new GridBuilder(size.columns);
  const at = (row: number, column: number): string =>
    cellAddress({ row: start.row + row, column: start.column + column } as CellPosition);

  grid.heading(["Scenarios: the model's inputs as each source states them"]);
  grid.row([
    value(
      "Values are editable (each cell's note cites it); results are live formulas over each column. Low and High: the lowest and highest figure the sources state. A source column keeps the preferred figure where its article gives none.",
    ),
  ]);
  grid.heading(["Input", "Unit", ...columns.map(columnHeader)]);

  const inputs: Record<string, Partial<Record<InputName, string>>> = {};
  const notes: { address: string; text: string }[] = [];
  const figures: FigureUse[] = [];
  const cited = new Set<string>();
  for (const input of SCENARIO_INPUTS) {
    const format = inputFormat(input, presentation, false);
    const cells = columns.map((column) => {
      const own = scenarioFigure(input.name, column.name);
      const figure = own ?? inputScenarios(input.name).preferred;
      const why = own ? "" : `Not in ${column.name}: the preferred figure stands in. `;
      return { figure, why };
    });
    const row = grid.row(
      [
        value(input.label),
        value(inputUnit(input)),
        ...cells.map(({ figure }) => value(figure.value)),
      ],
      [null, null, ...cells.map(() => format)],
    );
    cells.forEach(({ figure, why }, index) => {
      const address = at(row, 2 + index);
      (inputs[columns[index].name] ??= {})[input.name] = address;
      notes.push({ address, text: figureNote(figure, why) });
      cited.add(figure.fact.source);
      if (!why && figure.bound === "value")
        figures.push({ fact: figure.fact, cell: { sheet, address } });
    });
  }
  grid.row([]);
  grid.heading(["Result", "Unit", ...columns.map(columnHeader)]);
  const results: Record<string, Record<ResultName, string>> = {};
  for (const result of SCENARIO_RESULTS) {
    const format = resultFormat(result.name, presentation, false);
    const row = grid.row(
      [
        value(result.label),
        value(result.unit),
        ...columns.map((column) => formula(`=${resultFormula(result.name, inputs[column.name])}`)),
      ],
      [null, null, ...columns.map(() => format)],
    );
    columns.forEach((column, index) => {
      (results[column.name] ??= {} as Record<ResultName, string>)[result.name] = at(row, 2 + index);
    });
  }
  grid.row([
    value("Not in this article"),
    value(""),
    ...columns.map((column) =>
      value(
        column.kind === "source"
          ? SCENARIO_INPUTS.filter((input) => !scenarioFigure(input.name, column.name))
              .map((input) => input.name)
              .join(", ")
          : "",
      ),
    ),
  ]);

  const target = builder.block(sheet, start, grid.build());
  for (const note of notes) builder.note({ sheet, address: note.address }, note.text);
  builder.columnWidths(sheet, [300, 170, ...columns.map(() => 110)]);
  const sources = listSources(builder, cited);
  return {
    ...builder.finish(
      target,
      `Scenario block inserted on ${sheet} at ${target.address}: ${SCENARIO_INPUTS.length} inputs under ${columns.length} scenarios, ${SCENARIO_RESULTS.length} live results each; ${sources}`,
      { figures },
    ),
    layout: { inputs, results },
  };
}
