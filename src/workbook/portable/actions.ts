/**
 * "Make portable" and "Restore live formulas", through the port only. A check reads the workbook
 * (snapshot, cells, spill areas: three round trips at most, whatever its size) and lists what would
 * change; making portable reads again, refuses if the list changed meanwhile, and writes every
 * conversion, its Portability record and any new Sources in one apply. No other cell is touched.
 */
import { parseQualified, parseRange, sheetReference } from "../address";
import { EMPTY, formula, value } from "../cells";
import { PlanBuilder, count, type Overwrite } from "../plan";
import {
  WorkbookError,
  type CellInput,
  type ReadableWorkbookPort,
  type SheetRef,
  type SpillRead,
  type WorkbookSnapshot,
} from "../port";
import { cardCells, contentOf, formulaCells, type CellContent } from "../reads";
import { listSources } from "../sources";
import { convertCell, isSpillAnchor, type Conversion } from "./convert";
import {
  fingerprint,
  portabilityTable,
  readRecords,
  recordConversions,
  type PortabilityRecord,
} from "./record";

export type PortableScope = "workbook" | "selection";

/** What making the scope portable would do: one entry per cell (or table) with an REE formula. */
export interface PortableCheck {
  scope: PortableScope;
  conversions: Conversion[];
  /** Citation cards of ours in the scope: values already, so they are left as they are. */
  cards: number;
}

export type PortableOutcome =
  | { status: "converted"; converted: number; leftLive: number; summary: string }
  | { status: "nothing"; summary: string }
  /** The workbook changed since the check: nothing was written; here is the new list. */
  | { status: "changed"; check: PortableCheck };

export interface RestoreOutcome {
  restored: number;
  /** Records not restored, and why (changed since conversion, sheet gone). */
  refused: { sheet: string; address: string; reason: string }[];
  summary: string;
}

async function survey(
  port: ReadableWorkbookPort,
  scope: PortableScope,
): Promise<{ snapshot: WorkbookSnapshot; check: PortableCheck }> {
  const snapshot = await port.snapshot();
  const blocks = await port.readCells(
    scope === "workbook" ? { sheets: snapshot.sheetNames } : "selection",
  );
  const cells = formulaCells(blocks);
  const anchors = cells.filter((cell) => isSpillAnchor(cell.formula));
  const spills = new Map<string, SpillRead["spill"]>();
  if (anchors.length > 0) {
    for (const read of await port.readSpills(anchors)) {
      spills.set(`${read.anchor.sheet}!${read.anchor.address}`, read.spill);
    }
  }
  const conversions = cells.flatMap((cell) => {
    const conversion = convertCell(cell, spills.get(`${cell.sheet}!${cell.address}`));
    return conversion ? [conversion] : [];
  });
  const cards = (await cardCells(port, blocks)).length;
  return { snapshot, check: { scope, conversions, cards } };
}

/** " 3 citation cards left as they are: ..." when the scope holds cards; "" when it holds none. */
function cardsLeft(cards: number): string {
  return cards > 0
    ? ` ${count(cards, "citation card")} left as ${cards === 1 ? "it is" : "they are"}: a card is a value saved in the workbook and needs no add-in.`
    : "";
}

/** Lists what making the workbook (or the selection) portable would change. Nothing is written. */
export async function checkPortable(
  port: ReadableWorkbookPort,
  scope: PortableScope,
): Promise<PortableCheck> {
  return (await survey(port, scope)).check;
}

const same = (a: PortableCheck, b: PortableCheck): boolean =>
  JSON.stringify(a.conversions) === JSON.stringify(b.conversions);

/** What a converted cell held before: its formula at the top left, nothing where its table spilled. */
function before(conversion: Conversion): CellInput[][] {
  return conversion.cells.map((row, r) =>
    row.map((_, c) => (r === 0 && c === 0 ? formula(conversion.original) : EMPTY)),
  );
}

/**
 * Converts every REE formula of the scope. With `checked` (the list the user saw), nothing is
 * written if the workbook no longer gives the same list.
 */
export async function makePortable(
  port: ReadableWorkbookPort,
  scope: PortableScope,
  checked?: PortableCheck,
  now: Date = new Date(),
): Promise<PortableOutcome> {
  const { snapshot, check } = await survey(port, scope);
  if (checked && !same(checked, check)) return { status: "changed", check };
  const converted = check.conversions.filter((conversion) => conversion.how !== "live");
  const leftLive = check.conversions.length - converted.length;
  if (converted.length === 0) {
    return {
      status: "nothing",
      summary:
        (leftLive > 0
          ? `Nothing was converted: ${count(leftLive, "formula")} must stay live (see the notes).`
          : `There is no REE formula in the ${scope === "workbook" ? "workbook" : "selection"}.`) +
        cardsLeft(check.cards),
    };
  }
  const builder = new PlanBuilder(snapshot);
  builder.overwrite(
    converted.map((conversion): Overwrite => ({
      sheet: conversion.sheet,
      address: conversion.address,
      cells: conversion.cells,
      previous: before(conversion),
    })),
  );
  const sheet = recordConversions(builder, converted, now.toISOString());
  const sources = listSources(
    builder,
    converted.flatMap((conversion) => conversion.sources),
  );
  await port.apply(builder.build());
  const live = leftLive > 0 ? ` ${count(leftLive, "formula")} left live (see the notes).` : "";
  return {
    status: "converted",
    converted: converted.length,
    leftLive,
    summary: `${count(converted.length, "formula")} converted; the originals are on ${sheet}${sources ? `; ${sources}` : ""}.${live}${cardsLeft(check.cards)}`,
  };
}

/**
 * Where a record's cells are now: where its name points (Excel moves names with their cells when
 * rows or columns are inserted or deleted), or its recorded address for records made before names
 * were kept. A sort moves contents but not names: the fingerprint then tells the cells changed.
 */
function whereNow(
  record: PortabilityRecord,
  names: ReadonlyMap<string, string> | null,
): SheetRef | { reason: string } {
  if (record.problem) return { reason: record.problem };
  if (!record.trackedAs || !names) return record;
  const formula = names.get(record.trackedAs.toLowerCase());
  if (formula === undefined) {
    return { reason: `its name ${record.trackedAs} was deleted, so its cells cannot be found` };
  }
  const gone = { reason: "its cells were deleted" };
  if (formula.includes("#REF!")) return gone;
  try {
    const at = parseQualified(formula);
    const [was, now] = [parseRange(record.address), parseRange(at.address)];
    return was.rows === now.rows && was.columns === now.columns ? at : gone;
  } catch {
    return gone;
  }
}

const asInput = (cell: CellContent): CellInput =>
  cell.formula !== null ? formula(cell.formula) : value(cell.value);

/**
 * Writes the original formulas back wherever a cell still holds what the conversion wrote, and
 * marks those records restored. Cells changed since then are listed and left alone.
 */
export async function restoreLiveFormulas(
  port: ReadableWorkbookPort,
  now: Date = new Date(),
): Promise<RestoreOutcome> {
  const snapshot = await port.snapshot();
  const table = portabilityTable(snapshot);
  if (!table) {
    throw new WorkbookError(
      "This workbook has no Portability sheet, so there is nothing to restore.",
      "Make the workbook portable first, or restore the Portability sheet if it was deleted.",
    );
  }
  const blocks = await port.readCells({ sheets: snapshot.sheetNames });
  const records = readRecords(table, blocks).filter((record) => record.restoredAt === "");
  const refused: RestoreOutcome["refused"] = [];
  const writes: Overwrite[] = [];
  const restoredAt = value(now.toISOString());
  const names = snapshot.nameFormulas
    ? new Map(
        Object.entries(snapshot.nameFormulas).map(([name, formula]) => [
          name.toLowerCase(),
          formula,
        ]),
      )
    : null;
  for (const record of records) {
    const refuse = (reason: string) =>
      refused.push({ sheet: record.sheet, address: record.address, reason });
    const found = whereNow(record, names);
    if ("reason" in found) {
      refuse(found.reason);
      continue;
    }
    const current = contentOf(blocks, found);
    if (current === null || fingerprint(current) !== record.fingerprint) {
      refuse(current === null ? `sheet ${found.sheet} is gone` : "changed since converted");
      continue;
    }
    writes.push({
      sheet: found.sheet,
      address: found.address,
      cells: current.map((row, r) =>
        row.map((_, c) => (r === 0 && c === 0 ? formula(record.original) : EMPTY)),
      ),
      previous: current.map((row) => row.map(asInput)),
    });
    writes.push({ ...record.restoredCell, cells: [[restoredAt]], previous: [[EMPTY]] });
  }
  const restored = writes.length / 2;
  if (restored > 0) {
    const builder = new PlanBuilder(snapshot);
    builder.overwrite(writes);
    await port.apply(builder.build());
  }
  const kept =
    refused.length > 0
      ? ` ${count(refused.length, "cell")} left as they are: ${refused
          .slice(0, 5)
          .map((r) => `${sheetReference(r)} (${r.reason})`)
          .join(", ")}${refused.length > 5 ? ", ..." : ""}.`
      : "";
  return {
    restored,
    refused,
    summary:
      restored > 0 || refused.length > 0
        ? `${count(restored, "live formula")} restored.${kept}`
        : "Every converted cell has already been restored.",
  };
}
