/**
 * What the cells an insert writes figures into as values become: citation cards (ExcelApi 1.16),
 * or values with their citation in a cell note (where the host cannot store cards). One rule for
 * every insert that writes figures as values: a facts table, one figure, named inputs and the
 * model sheet's input block.
 */
import { factCard } from "../model/card";
import { factNote } from "./facts";
import type { Planned } from "./plan";
import { WorkbookError, type CardSupport } from "./port";

/** Cards, or values with notes; plain values when absent. */
export type FigureDress = "cards" | "noted";

/** Refuses cards on a host that cannot store them: the user chose cards, so no silent downgrade. */
export function requireCards(dress: FigureDress | undefined, support: CardSupport): void {
  if (dress === "cards" && !support.ok) {
    throw new WorkbookError(
      support.reason,
      'Choose "Values with a cell note" to keep each figure\'s citation beside it.',
    );
  }
}

const same = (a: { sheet: string; address: string }, b: { sheet: string; address: string }) =>
  a.sheet.toLowerCase() === b.sheet.toLowerCase() && a.address === b.address;

/**
 * The planned insert with its figure value cells made cards or given notes, as `dress` says; cards
 * name data version `version` (the add-in's by default).
 */
export function dressFigures(
  planned: Planned,
  dress: FigureDress | undefined,
  version?: string,
): Planned {
  const figures = (planned.figures ?? []).flatMap((use) =>
    use.cell ? [{ fact: use.fact, cell: use.cell }] : [],
  );
  if (figures.length === 0 || dress === undefined) return planned;
  const plan = planned.plan;
  const said = planned.summary.replace(/\.?$/, ".");
  if (dress === "cards") {
    // The card carries the citation: a note on the same cell would only repeat it.
    plan.notes = plan.notes?.filter((note) => !figures.some(({ cell }) => same(cell, note)));
    plan.cards = [
      ...(plan.cards ?? []),
      ...figures.map(({ fact, cell }) => ({ ...cell, card: factCard(fact, version) })),
    ];
    const how =
      figures.length === 1
        ? "The figure is a citation card"
        : `The ${figures.length} figures are citation cards`;
    return {
      ...planned,
      summary: `${said} ${how}: select one and open its card for the source and evidence.`,
    };
  }
  const noted = plan.notes ?? [];
  plan.notes = [
    ...noted,
    ...figures
      .filter(({ cell }) => !noted.some((note) => same(cell, note)))
      .map(({ fact, cell }) => ({ ...cell, text: factNote(fact) })),
  ];
  return { ...planned, summary: `${said} Each figure cites its source in a cell note.` };
}
