/**
 * Named inputs: a small cited block whose value cells carry workbook names (REPM_Target_t ...), so
 * a model reads like a sentence: =REE.NDPR_GAP(REPM_Target_t, NdPr_Oxide_Domestic_t).
 */
import { resolveFact, type Fact } from "../data";
import { value } from "./cells";
import { factCitation } from "../data";
import { unitFormat } from "../model/formats";
import { cellAddress, sheetReference } from "./address";
import { GridBuilder, count, PlanBuilder, type Grid, type Placement, type Planned } from "./plan";
import type { WorkbookSnapshot } from "./port";
import { listSources } from "./sources";
import { MODEL_INPUTS } from "../model/modelInputs";

/** Workbook name -> fact id (or metric key: the preferred claim is used), from the model inputs' table. */
export const NAMED_INPUTS: readonly { name: string; fact: string }[] = MODEL_INPUTS.flatMap(
  (input) => (input.name && input.fact ? [{ name: input.name, fact: input.fact }] : []),
);

export const INPUT_COLUMNS = ["Input", "Name", "Value", "Unit", "Source"] as const;
const VALUE_COLUMN = 2;
/** Excel limits a name's comment to 255 characters. */
const COMMENT_MAX = 255;

function namedInputFacts(): { name: string; fact: Fact }[] {
  return NAMED_INPUTS.map(({ name, fact }) => {
    const found = resolveFact(fact);
    if (!found) throw new Error(`Named input ${name}: fact "${fact}" is not in the data set`);
    return { name, fact: found };
  });
}

/** The block with the intended names; the plan may suffix them when a name is taken. */
function namedInputsGrid(inputs: { name: string; fact: Fact }[]): Grid {
  const grid = new GridBuilder(INPUT_COLUMNS.length);
  grid.heading(INPUT_COLUMNS);
  for (const { name, fact } of inputs) {
    grid.row(
      [
        value(fact.label),
        value(name),
        value(fact.value),
        value(fact.unit),
        value(factCitation(fact)),
      ],
      [null, null, unitFormat(fact.unit)],
    );
  }
  return grid.build();
}

export function planNamedInputs(snapshot: WorkbookSnapshot, placement: Placement): Planned {
  const inputs = namedInputFacts();
  const builder = new PlanBuilder(snapshot);
  const { sheet, start } = builder.place(placement, "REE inputs");
  const cells = inputs.map((_, index) => ({
    sheet,
    address: cellAddress({ row: start.row + 1 + index, column: start.column + VALUE_COLUMN }),
  }));
  // Names are decided first so the Name column shows the name each value really carries.
  const names = inputs.map(({ name, fact }, index) =>
    builder.definedName(
      name,
      cells[index],
      `${fact.label}. ${factCitation(fact)}`.slice(0, COMMENT_MAX),
    ),
  );
  const grid = namedInputsGrid(inputs.map((input, index) => ({ ...input, name: names[index] })));
  // A plain block, not a table: sorting a table would move values away from their names.
  const target = builder.block(sheet, start, grid);
  builder.columnWidths(sheet, [260, 170, 90, 80, 420]);
  const sources = listSources(
    builder,
    inputs.map(({ fact }) => fact.source),
  );
  return builder.finish(
    target,
    `${count(names.length, "named input")} on ${sheetReference(target)}; ${sources}`,
    {
      listed: { label: "Names", items: names },
      figures: inputs.map(({ fact }, index) => ({ fact, cell: cells[index] })),
    },
  );
}
