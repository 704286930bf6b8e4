/**
 * What the pane can ask the workbook for, and how failures read. The writers in src/workbook/actions
 * load on first use: the first screen never pays for them.
 */
import type { Fact } from "../../data";
import type {
  FigureDress,
  InsertOutcome,
  Listed,
  Placement,
  Presentation,
} from "../../workbook/actions";
import type { BreakEvenRequest } from "../../workbook/breakEven";
import type { GridRequest } from "../../workbook/sensitivityGrid";
import { INTERNATIONAL } from "../../model/formats";
import { WorkbookError, type WorkbookPort } from "../../workbook/port";

export type { InsertOutcome, Listed, Placement };

export type InsertRequest =
  | {
      kind: "facts";
      facts: readonly Fact[];
      live: boolean;
      placement: Placement;
      dress?: FigureDress;
    }
  | { kind: "fact-cell"; fact: Fact; live: boolean; placement: Placement; dress?: FigureDress }
  | { kind: "formula"; formula: string; placement: Placement }
  | { kind: "table"; table: string; placement: Placement }
  | { kind: "names"; placement: Placement; dress?: FigureDress }
  | { kind: "series"; series: string }
  | { kind: "model"; dress?: FigureDress }
  | { kind: "functions" }
  | { kind: "scenarios"; placement: Placement }
  | { kind: "grid"; grid: GridRequest; placement: Placement }
  | { kind: "tornado"; result: string; placement: Placement }
  | { kind: "break-even"; breakEven: BreakEvenRequest; placement: Placement };

/** Runs a request; `presentation` (lakh/crore grouping or not) applies to every insert. */
export async function runInsert(
  port: WorkbookPort,
  request: InsertRequest,
  presentation: Presentation = INTERNATIONAL,
): Promise<InsertOutcome> {
  const actions = await import(/* webpackChunkName: "actions" */ "../../workbook/actions");
  switch (request.kind) {
    case "facts":
      return actions.insertFacts(port, request.facts, {
        live: request.live,
        placement: request.placement,
        dress: request.dress,
        presentation,
      });
    case "fact-cell":
      return actions.insertFactCell(port, request.fact, {
        live: request.live,
        placement: request.placement,
        dress: request.dress,
        presentation,
      });
    case "formula":
      return actions.insertFormulaCell(port, request.formula, { placement: request.placement });
    case "table":
      return actions.insertReferenceTable(port, request.table, {
        placement: request.placement,
        presentation,
      });
    case "names":
      return actions.insertNamedInputs(port, {
        placement: request.placement,
        dress: request.dress,
        presentation,
      });
    case "series":
      return actions.insertSeriesTable(port, request.series, presentation);
    case "model":
      return actions.insertModelSheet(port, { dress: request.dress, presentation });
    case "functions":
      return actions.insertFunctionReference(port);
    case "scenarios":
      return actions.insertScenarioBlock(port, { placement: request.placement, presentation });
    case "grid":
      return actions.insertSensitivityGrid(port, request.grid, {
        placement: request.placement,
        presentation,
      });
    case "tornado":
      return actions.insertTornado(port, request.result, {
        placement: request.placement,
        presentation,
      });
    case "break-even":
      return actions.insertBreakEven(port, request.breakEven, {
        placement: request.placement,
        presentation,
      });
  }
}

/** The same request aimed at a new sheet (after the user declined a non-empty target). */
export function onNewSheet(request: InsertRequest): InsertRequest {
  return "placement" in request ? { ...request, placement: "new-sheet" } : request;
}

// By shape as well as class: the error may come from another bundle's copy of port.ts.
function isWorkbookError(error: unknown): error is WorkbookError {
  return (
    error instanceof WorkbookError ||
    (error instanceof Error && error.name === "WorkbookError" && "action" in error)
  );
}

export interface Problem {
  title: string;
  action: string;
}

/** A failure as the user reads it: what happened, then what to do. */
export function describeProblem(error: unknown): Problem {
  if (isWorkbookError(error)) return { title: error.message, action: error.action };
  const detail = error instanceof Error && error.message ? `: ${error.message}` : "";
  return {
    title: `Excel could not complete the request${detail}`,
    action: "Try again. If it keeps failing, close and reopen the add-in.",
  };
}
