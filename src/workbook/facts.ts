/** Facts as an Excel table with citation columns, as static values or live =REE.FACT() formulas. */
import type { Fact } from "../data";
import { cellAddress, sheetReference } from "./address";
import { formula, value } from "./cells";
import { factCitation } from "../data";
import { unitFormat } from "../model/formats";
import { factFormula } from "./factFormula";
import { GridBuilder, count, type Grid, type Placement, type Planned, PlanBuilder } from "./plan";
import type { CellInput, WorkbookSnapshot } from "./port";
import { sourceDisplayName } from "../model/sourceName";
import { QUALIFIER_WORDS } from "../model/qualifiers";
import { listSources } from "./sources";

export { QUALIFIER_WORDS };

export const FACT_COLUMNS = [
  "Id",
  "Label",
  "Value",
  "Low",
  "High",
  "Qualifier",
  "Unit",
  "Basis",
  "Period",
  "Source",
  "Locator",
  "Evidence",
  "Citation",
] as const;

const FACT_WIDTHS = [190, 260, 80, 80, 80, 70, 70, 110, 90, 100, 230, 360, 420];

/** A string literal inside a formula: quotes doubled. */
function figure(fact: Fact, live: boolean, field?: "low" | "high"): CellInput {
  const figureValue = field ? fact[field] : fact.value;
  if (figureValue === null) return value(null);
  return live ? formula(factFormula(fact.id, field)) : value(figureValue);
}

/** Header plus one row per fact. */
function factsGrid(facts: readonly Fact[], live: boolean): Grid {
  const grid = new GridBuilder(FACT_COLUMNS.length);
  grid.heading(FACT_COLUMNS);
  for (const fact of facts) {
    const format = unitFormat(fact.unit);
    grid.row(
      [
        value(fact.id),
        value(fact.label),
        figure(fact, live),
        figure(fact, live, "low"),
        figure(fact, live, "high"),
        value(fact.derived ? "derived" : QUALIFIER_WORDS[fact.qualifier]),
        value(fact.unit),
        value(fact.basis),
        value(fact.period),
        value(sourceDisplayName(fact.source)),
        value(fact.locator),
        value(fact.evidence),
        value(factCitation(fact)),
      ],
      [null, null, format, format, format],
    );
  }
  return grid.build();
}

export function planFacts(
  snapshot: WorkbookSnapshot,
  facts: readonly Fact[],
  options: { live: boolean; placement: Placement },
  builder = new PlanBuilder(snapshot),
): Planned {
  const { sheet, start } = builder.place(options.placement, "REE facts");
  const target = builder.block(sheet, start, factsGrid(facts, options.live));
  builder.print(sheet);
  const table = builder.table(target, "REE_Facts");
  builder.columnWidths(sheet, FACT_WIDTHS);
  const sources = listSources(
    builder,
    facts.map((fact) => fact.source),
  );
  const how = options.live ? "live =REE.FACT() formulas" : "values";
  const column = (name: (typeof FACT_COLUMNS)[number]) => start.column + FACT_COLUMNS.indexOf(name);
  return builder.finish(
    target,
    `${count(facts.length, "fact")} inserted as table ${table} (${how}) on ${sheetReference(target)}; ${sources}`,
    {
      figures: facts.map((fact, i) => {
        if (options.live) return { fact };
        const at = (column: number) => ({
          sheet,
          address: cellAddress({ row: start.row + 1 + i, column }),
        });
        // The Id beside the figure tells, at update time, whose figure the row holds; its Low and
        // High are updated with it.
        return {
          fact,
          cell: at(column("Value")),
          idCell: at(column("Id")),
          boundCells: { low: at(column("Low")), high: at(column("High")) },
        };
      }),
    },
  );
}

/** A figure's cell note: what it is, how it is stated, and where it comes from. */
export function factNote(fact: Fact): string {
  const how = fact.derived
    ? `Derived: ${fact.note ?? "computed from other figures"}`
    : `Stated as: ${QUALIFIER_WORDS[fact.qualifier]}`;
  const unit = fact.unit ? ` (${fact.unit}${fact.basis ? `, ${fact.basis}` : ""})` : "";
  return `${fact.label}${unit}. ${how}. Source: ${factCitation(fact)}`;
}

/** One figure in the selected cell, live or as a value, with its citation as the cell's note. */
export function planFactCell(
  snapshot: WorkbookSnapshot,
  fact: Fact,
  options: { live: boolean; placement: Placement },
): Planned {
  const builder = new PlanBuilder(snapshot);
  const { sheet, start } = builder.place(options.placement, "REE facts");
  const grid = new GridBuilder(1);
  grid.row([figure(fact, options.live)], [unitFormat(fact.unit)]);
  const target = builder.block(sheet, start, grid.build());
  const note = factNote(fact);
  builder.note(target, note);
  const how = options.live ? "a live =REE.FACT() formula" : "a value";
  return builder.finish(
    target,
    `${fact.label} inserted in ${sheetReference(target)} as ${how}, cited in the cell's note: ${note}`,
    { figures: [{ fact, cell: options.live ? undefined : target }] },
  );
}
