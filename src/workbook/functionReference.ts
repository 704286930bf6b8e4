/** The function reference sheet: one row per REE function, from the same catalog as the help pages. */
import { CATALOG, syntaxOf, type FunctionSpec } from "../model/functionCatalog";
import { value } from "./cells";
import { GridBuilder, PlanBuilder, count, type Grid, type Planned } from "./plan";
import type { WorkbookSnapshot } from "./port";

const FUNCTION_COLUMNS = [
  "Function",
  "Category",
  "Syntax",
  "Summary",
  "Parameters",
  "Returns",
  "Example",
  "Example result",
  "Working",
] as const;

function parameters(spec: FunctionSpec): string {
  if (spec.parameters.length === 0) return "none";
  return spec.parameters
    .map((p) => `${p.name}${p.optional ? " (optional)" : ""}: ${p.description}`)
    .join("; ");
}

function exampleResult(result: FunctionSpec["example"]["result"]): string | number {
  if (typeof result !== "object") return result;
  const rows = result.rows === undefined ? "" : `, ${count(result.rows, "row")}`;
  return `spills a table: ${result.header.join(" | ")}${rows}`;
}

function functionsGrid(): Grid {
  const grid = new GridBuilder(FUNCTION_COLUMNS.length);
  grid.heading(FUNCTION_COLUMNS);
  for (const spec of CATALOG) {
    grid.row([
      value(`REE.${spec.name}`),
      value(spec.category),
      value(syntaxOf(spec)),
      value(spec.summary),
      value(parameters(spec)),
      value(`${spec.returns.description}${spec.returns.spill ? " (spills)" : ""}`),
      // Text, never evaluated: the example formula is shown, not run.
      value(spec.example.formula),
      value(exampleResult(spec.example.result)),
      value(spec.example.working),
    ]);
  }
  return grid.build();
}

export function planFunctionReference(
  snapshot: WorkbookSnapshot,
  builder = new PlanBuilder(snapshot),
): Planned {
  const sheet = builder.newSheet("REE functions");
  builder.print(sheet);
  const target = builder.block(sheet, { row: 0, column: 0 }, functionsGrid());
  const table = builder.table(target, "REE_Functions");
  builder.columnWidths(sheet, [150, 80, 330, 380, 520, 300, 300, 200, 380]);
  return builder.finish(
    target,
    `${count(CATALOG.length, "function")} listed as table ${table} on sheet ${sheet}`,
  );
}
