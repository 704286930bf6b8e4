/**
 * The insert actions the task pane calls. Each is one snapshot (the read that checks the target)
 * and one apply (the write), so at most two round trips to Excel whatever its size, and nothing is
 * written when the target at the selection holds anything. Each also pins the figures it wrote.
 */
import type { Fact } from "../data";
import { FACT_COLUMNS, planFactCell, planFacts } from "./facts";
import { dressFigures, requireCards, type FigureDress } from "./figureCells";
import { planFormulaCell } from "./formulaCell";
import { planFunctionReference } from "./functionReference";
import { planModelSheet } from "./modelSheet";
import { INPUT_COLUMNS, NAMED_INPUTS, planNamedInputs } from "./namedInputs";
import type { Listed, Placement, Planned } from "./plan";
import { WorkbookError, type SheetRef, type WorkbookPort, type WorkbookSnapshot } from "./port";
import { planReferenceTable, requireTable } from "./referenceTable";
import { planSeriesTable } from "./seriesTable";
import { pinMetadata, trackInsert, type DataVintage } from "./vintage";
import { planBreakEven, breakEvenSize, type BreakEvenRequest } from "./breakEven";
import { INTERNATIONAL, presentFormat, type Presentation } from "../model/formats";
import { planScenarioBlock, scenarioBlockSize } from "./scenarioBlock";
import { planSensitivityGrid, sensitivityGridSize, type GridRequest } from "./sensitivityGrid";
import { planTornado, tornadoSize } from "./tornado";

export type { FigureDress, Listed, Placement, Presentation };

export type InsertOutcome =
  | { status: "inserted"; target: SheetRef; summary: string; listed?: Listed }
  /** Nothing was written; the pane asks the user (new sheet, or pick another cell). */
  | { status: "target-not-empty"; target: SheetRef };

interface Size {
  rows: number;
  columns: number;
}

/** How an insert writes its figures: as cards or with notes (dress), and how numbers read. */
export interface Dressing {
  dress?: FigureDress;
  presentation?: Presentation;
}

async function insert(
  port: WorkbookPort,
  placement: Placement,
  size: Size,
  plan: (snapshot: WorkbookSnapshot) => Planned,
  dressing: Dressing = {},
  data?: DataVintage,
): Promise<InsertOutcome> {
  requireCards(dressing.dress, port.cardSupport());
  const atSelection = placement === "selection";
  const snapshot = await port.snapshot(atSelection ? { probe: size } : {});
  if (atSelection) {
    if (!snapshot.probe) throw new Error("The workbook host did not check the target range");
    if (!snapshot.probe.isEmpty)
      return { status: "target-not-empty", target: snapshot.probe.target };
  }
  // Figures written as values become cards, or get their citation as a note, where asked.
  const planned = dressFigures(plan(snapshot), dressing.dress, data?.version);
  const presentation = dressing.presentation ?? INTERNATIONAL;
  // Indian presentation regroups every grouped number format the insert writes (lakh, crore);
  // signed where the cell may show a negative: a formula, or a negative figure.
  if (presentation.indian) {
    for (const block of planned.plan.blocks) {
      block.numberFormats = block.numberFormats?.map((row, r) =>
        row.map((format, c) => {
          if (format === null) return null;
          const cell = block.cells[r]?.[c];
          const signed =
            cell?.kind === "formula" || (typeof cell?.value === "number" && cell.value < 0);
          return presentFormat(format, presentation, "", signed);
        }),
      );
    }
  }
  // Every insert records the data version and the figures it wrote (see vintage.ts).
  planned.plan.metadata.push(...pinMetadata(snapshot.metadata, planned.figures ?? [], data));
  trackInsert(planned.plan, snapshot, planned.target, planned.figures ?? []);
  await port.apply(planned.plan);
  const { target, summary, listed } = planned;
  return { status: "inserted", target, summary, listed };
}

/** How facts go in: live =REE.FACT formulas or values, where, and how values are dressed. */
export interface FactOptions {
  live: boolean;
  placement: Placement;
  dress?: FigureDress;
  presentation?: Presentation;
  /** The data set the facts come from, whose version the workbook pins: the add-in's by default. */
  data?: DataVintage;
}

/** An insert of facts: live formulas are never dressed, only values become cards or get notes. */
function insertFactsPlanned(
  port: WorkbookPort,
  options: FactOptions,
  size: Size,
  plan: (snapshot: WorkbookSnapshot) => Planned,
): Promise<InsertOutcome> {
  return insert(
    port,
    options.placement,
    size,
    plan,
    { dress: options.live ? undefined : options.dress, presentation: options.presentation },
    options.data,
  );
}

/**
 * Facts as a formatted table with citation columns (values or live =REE.FACT formulas; values may
 * be cards or carry notes) + Sources.
 */
export async function insertFacts(
  port: WorkbookPort,
  facts: readonly Fact[],
  options: FactOptions,
): Promise<InsertOutcome> {
  if (facts.length === 0) {
    throw new WorkbookError(
      "There are no facts to insert.",
      "Select one or more facts, then insert again.",
    );
  }
  const size = { rows: facts.length + 1, columns: FACT_COLUMNS.length };
  return insertFactsPlanned(port, options, size, (snapshot) => planFacts(snapshot, facts, options));
}

/** One figure in the selected cell (live, a value or a card), cited in its note or its card. */
export async function insertFactCell(
  port: WorkbookPort,
  fact: Fact,
  options: FactOptions,
): Promise<InsertOutcome> {
  return insertFactsPlanned(port, options, { rows: 1, columns: 1 }, (snapshot) =>
    planFactCell(snapshot, fact, options),
  );
}

/** A formula the Cell view built, in the selected cell (asked first when it holds anything). */
export async function insertFormulaCell(
  port: WorkbookPort,
  text: string,
  options: { placement: Placement },
): Promise<InsertOutcome> {
  return insert(port, options.placement, { rows: 1, columns: 1 }, (snapshot) =>
    planFormulaCell(snapshot, text, options.placement),
  );
}

/** A reference table (partners, companies, timeline, value_chain, world_production ...) + Sources. */
export async function insertReferenceTable(
  port: WorkbookPort,
  tableName: string,
  options: { placement: Placement; presentation?: Presentation },
): Promise<InsertOutcome> {
  const table = requireTable(tableName);
  const size = { rows: table.rows.length + 1, columns: table.columns.length + 4 };
  return insert(
    port,
    options.placement,
    size,
    (snapshot) => planReferenceTable(snapshot, table, options.placement),
    options,
  );
}

/** Named inputs (REPM_Target_t ...) on cited value cells (or cards) + Sources. */
export async function insertNamedInputs(
  port: WorkbookPort,
  options: { placement: Placement; dress?: FigureDress; presentation?: Presentation },
): Promise<InsertOutcome> {
  const size = { rows: NAMED_INPUTS.length + 1, columns: INPUT_COLUMNS.length };
  return insert(
    port,
    options.placement,
    size,
    (snapshot) => planNamedInputs(snapshot, options.placement),
    options,
  );
}

/**
 * The supply-gap model, always on a new sheet "Supply gap model" (made unique) + Sources; the
 * input block's figures may be cards or carry notes.
 */
export async function insertModelSheet(
  port: WorkbookPort,
  dressing: Dressing = {},
): Promise<InsertOutcome> {
  return insert(port, "new-sheet", { rows: 0, columns: 0 }, planModelSheet, dressing);
}

/** A time series (REE.SERIES's data) as a cited table with a line chart, on a new sheet. */
export async function insertSeriesTable(
  port: WorkbookPort,
  key: string,
  presentation?: Presentation,
): Promise<InsertOutcome> {
  return insert(
    port,
    "new-sheet",
    { rows: 0, columns: 0 },
    (snapshot) => planSeriesTable(snapshot, key),
    { presentation },
  );
}

/** One row per REE function, always on a new sheet "REE functions" (made unique). */
export async function insertFunctionReference(port: WorkbookPort): Promise<InsertOutcome> {
  return insert(port, "new-sheet", { rows: 0, columns: 0 }, planFunctionReference);
}

/** Scenario options every scenario insert takes: where, and how numbers read. */
interface ScenarioOptions {
  placement: Placement;
  presentation: Presentation;
}

/** The scenario block: inputs under Preferred, Low, High and each source, live results + Sources. */
export async function insertScenarioBlock(
  port: WorkbookPort,
  options: ScenarioOptions,
): Promise<InsertOutcome> {
  return insert(
    port,
    options.placement,
    scenarioBlockSize(),
    (snapshot) => planScenarioBlock(snapshot, options.placement, options.presentation),
    options,
  );
}

/**
 * An insert of one scenario analysis for a request: probed at the planner's size for it, planned
 * where and as the options ask.
 */
function scenarioInsert<Request>(
  size: (request: Request) => Size,
  plan: (
    snapshot: WorkbookSnapshot,
    request: Request,
    placement: Placement,
    presentation: Presentation,
  ) => Planned,
) {
  // Async, so a request the planner refuses (while sizing) rejects like any failed insert.
  return async (
    port: WorkbookPort,
    request: Request,
    options: ScenarioOptions,
  ): Promise<InsertOutcome> =>
    insert(
      port,
      options.placement,
      size(request),
      (snapshot) => plan(snapshot, request, options.placement, options.presentation),
      options,
    );
}

/** A two-way sensitivity grid of formulas over two inputs' steps + Sources. */
export const insertSensitivityGrid = scenarioInsert<GridRequest>(
  sensitivityGridSize,
  planSensitivityGrid,
);

/** A tornado of one result over its inputs' sourced ranges, with a bar chart + Sources. */
export const insertTornado = scenarioInsert<string>(tornadoSize, planTornado);

/** The input value that brings a result to a target, its method in the cell's note + Sources. */
export const insertBreakEven = scenarioInsert<BreakEvenRequest>(breakEvenSize, planBreakEven);
