/**
 * The data vintage a workbook was built on. Every insert records the data-set version and the
 * figure of each fact it wrote (workbook settings), so when the add-in's data set is newer the pane
 * can list what changed and let the user either update the workbook or keep its figures: live
 * =REE.FACT formulas then ask for the pinned version (=REE.FACT(id, , "1.0.0")) and functions that
 * read a changed fact as a default get it pinned the same way.
 */
import {
  DATA_VERSION,
  factById,
  factNamedIn,
  figuresAt,
  resolveFact,
  sourceById,
  type Fact,
} from "../data";
import { NAMESPACE } from "../model/functionCatalog";
import { cellAddress, parseQualified, parseRange, qualified } from "./address";
import { formula, value } from "./cells";
import { PlanBuilder, count, metadataWrite, type FigureUse, type Overwrite } from "./plan";
import type {
  MetadataWrite,
  ReadableWorkbookPort,
  SheetRef,
  WorkbookSnapshot,
  WritePlan,
} from "./port";
import { reeSpec } from "./portable/convert";
import {
  classify,
  mapCalls,
  parseFormula,
  quote,
  render,
  type CallNode,
  type FormulaNode,
} from "./portable/formula";
import { cardBounds, factCard } from "../model/card";
import { cardCells, contentOf, formulaCells, type CardCellRead } from "./reads";

/** The data-set version the workbook's figures are pinned to. */
export const DATA_VERSION_KEY = "ree.dataVersion";
/** Fact id -> the figure the workbook was given. */
export const PINNED_KEY = "ree.pinned";
/** Fact id -> the cells ('Sheet'!$B$5) an insert wrote that figure into as a value. */
export const PINNED_CELLS_KEY = "ree.pinnedCells";
/** The add-in data version the user chose not to take ("Keep pinned"). */
export const KEPT_KEY = "ree.vintageKept";
/** Value cell ('Sheet'!$C$2) -> the cell beside it holding the fact id (an inserted table's Id). */
export const PINNED_ID_CELLS_KEY = "ree.pinnedIdCells";
/** Value cell -> the cells in its row holding the figure's low and high (an inserted table's). */
export const PINNED_BOUND_CELLS_KEY = "ree.pinnedBoundCells";
/**
 * Fact id -> the low and high of the figure the workbook was given. A pin from before bounds were
 * recorded has none: the reverse change log gives them (pinnedBoundsOf).
 */
export const PINNED_BOUNDS_KEY = "ree.pinnedBounds";

/** A figure's low and high; null where the data states none. */
export type Bounds = Pick<Fact, "low" | "high">;

/** The data the actions compare against (and an insert pins): the add-in's, or another for tests. */
export interface DataVintage {
  version: string;
  fact(id: string): Fact | undefined;
}

const ADDIN_DATA: DataVintage = { version: DATA_VERSION.version, fact: factById };

type Pins = Record<string, number>;
type PinnedCells = Record<string, string[]>;
type IdCells = Record<string, string>;
type BoundCells = Record<string, { low: string; high: string }>;
/** Tracking name -> the range the insert wrote, as it was written ('Sheet'!$A$1:$M$9). */
type Blocks = Record<string, string>;

/** Metadata key: the hidden name over each insert that wrote figures as values. */
export const PINNED_BLOCKS_KEY = "ree.pinnedBlocks";
const BLOCK_NAME = "REE_Pinned";

/**
 * A hidden workbook name over the range an insert writes figures into, and the metadata that says
 * where it started: Excel moves the name with its cells when rows or columns are inserted or
 * deleted above or beside it (not when a sort moves contents), so "Update to current" finds the
 * figures where they are now. One name per insert, however many figures.
 */
export function trackInsert(
  plan: WritePlan,
  snapshot: WorkbookSnapshot,
  target: SheetRef,
  uses: readonly FigureUse[],
): void {
  if (!uses.some((use) => use.cell)) return;
  const taken = new Set(
    [
      ...snapshot.definedNames,
      ...snapshot.tables.map((table) => table.name),
      ...plan.names.map((name) => name.name),
      ...plan.tables.map((table) => table.name),
    ].map((name) => name.toLowerCase()),
  );
  let n = 1;
  while (taken.has(`${BLOCK_NAME}_${n}`.toLowerCase())) n++;
  const name = `${BLOCK_NAME}_${n}`;
  const comment = "Follows figures an insert wrote; Update to current uses it.";
  plan.names.push({ ...target, name, comment, hidden: true });
  const blocks = readJson<Blocks>(snapshot.metadata[PINNED_BLOCKS_KEY]);
  blocks[name] = qualified(target.sheet, target.address);
  plan.metadata.push(metadataWrite(snapshot.metadata, PINNED_BLOCKS_KEY, JSON.stringify(blocks)));
}

/**
 * Where a cell an insert wrote is now: moved as far as the name over its insert moved; null when
 * the insert's cells were deleted. A cell no name covers is where it was written.
 */
function mover(snapshot: WorkbookSnapshot): (cell: SheetRef) => SheetRef | null {
  const formulas = new Map(
    Object.entries(snapshot.nameFormulas ?? {}).map(([name, formula]) => [
      name.toLowerCase(),
      formula,
    ]),
  );
  const tracked = Object.entries(readJson<Blocks>(snapshot.metadata[PINNED_BLOCKS_KEY])).flatMap(
    ([name, written]) => {
      const now = formulas.get(name.toLowerCase());
      if (now === undefined) return [];
      try {
        const was = parseQualified(written);
        return [
          {
            was,
            box: parseRange(was.address),
            now: now.includes("#REF!") ? null : parseQualified(now),
          },
        ];
      } catch {
        return [];
      }
    },
  );
  return (cell) => {
    const at = parseRange(cell.address);
    const block = tracked.find(
      ({ was, box }) =>
        was.sheet.toLowerCase() === cell.sheet.toLowerCase() &&
        at.row >= box.row &&
        at.row < box.row + box.rows &&
        at.column >= box.column &&
        at.column < box.column + box.columns,
    );
    if (!block) return cell;
    if (!block.now) return null;
    const moved = parseRange(block.now.address);
    return {
      sheet: block.now.sheet,
      address: cellAddress({
        row: at.row + moved.row - block.box.row,
        column: at.column + moved.column - block.box.column,
      }),
    };
  };
}

function readJson<T extends object>(text: string | undefined): T {
  try {
    const parsed: unknown = JSON.parse(text ?? "");
    return parsed && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as T)
      : ({} as T);
  } catch {
    return {} as T;
  }
}

/**
 * The settings an insert adds: the data version on the first insert, and the figure (value, low,
 * high) and value cells of each fact the data set knows that the workbook had not pinned yet, with
 * the Id, Low and High cells beside a value cell where the insert wrote them. Existing pins stay:
 * only "Update to current" moves them. `data` is the data set the facts come from.
 */
export function pinMetadata(
  metadata: Readonly<Record<string, string>>,
  uses: readonly FigureUse[],
  data: DataVintage = ADDIN_DATA,
): MetadataWrite[] {
  const pins = readJson<Pins>(metadata[PINNED_KEY]);
  const bounds = readJson<Record<string, Bounds>>(metadata[PINNED_BOUNDS_KEY]);
  const cells = readJson<PinnedCells>(metadata[PINNED_CELLS_KEY]);
  const idCells = readJson<IdCells>(metadata[PINNED_ID_CELLS_KEY]);
  const boundCells = readJson<BoundCells>(metadata[PINNED_BOUND_CELLS_KEY]);
  for (const { fact, cell, idCell, boundCells: bound } of uses) {
    if (data.fact(fact.id)?.id !== fact.id) continue;
    if (!(fact.id in pins)) {
      pins[fact.id] = fact.value;
      bounds[fact.id] = { low: fact.low, high: fact.high };
    }
    if (!cell) continue;
    const at = qualified(cell.sheet, cell.address);
    const list = (cells[fact.id] ??= []);
    if (!list.includes(at)) list.push(at);
    if (idCell) idCells[at] = qualified(idCell.sheet, idCell.address);
    if (bound) {
      boundCells[at] = {
        low: qualified(bound.low.sheet, bound.low.address),
        high: qualified(bound.high.sheet, bound.high.address),
      };
    }
  }
  const writes: MetadataWrite[] = [];
  if (!metadata[DATA_VERSION_KEY] && Object.keys(pins).length > 0) {
    writes.push(metadataWrite(metadata, DATA_VERSION_KEY, data.version));
  }
  // Each record is written only where this insert changed it.
  const records: [string, object][] = [
    [PINNED_KEY, pins],
    [PINNED_BOUNDS_KEY, bounds],
    [PINNED_CELLS_KEY, cells],
    [PINNED_ID_CELLS_KEY, idCells],
    [PINNED_BOUND_CELLS_KEY, boundCells],
  ];
  for (const [key, record] of records) {
    const text = JSON.stringify(record);
    if (text !== JSON.stringify(readJson(metadata[key]))) {
      writes.push(metadataWrite(metadata, key, text));
    }
  }
  return writes;
}

const sameBounds = (a: Bounds, b: Bounds) => a.low === b.low && a.high === b.high;

/** A recorded low and high, each a number or null; undefined for anything else. */
function boundsRecord(entry: unknown): Bounds | undefined {
  if (!entry || typeof entry !== "object") return undefined;
  const { low, high } = entry as Record<string, unknown>;
  const figure = (side: unknown) =>
    side === null || (typeof side === "number" && Number.isFinite(side));
  return figure(low) && figure(high)
    ? { low: low as number | null, high: high as number | null }
    : undefined;
}

/**
 * The low and high a fact was pinned with: as recorded, or, for a pin from before bounds were
 * recorded, as the workbook's data version gave them (the reverse change log) when that version
 * gave the pinned value too. Null when neither tells (an insert after an upgrade pinned the newer
 * data's figure in a workbook on an older version).
 */
function pinnedBoundsOf(
  recorded: Readonly<Record<string, unknown>>,
  version: string | undefined,
  id: string,
  pinned: number,
): Bounds | null {
  const bounds = boundsRecord(recorded[id]);
  if (bounds) return bounds;
  const named = version ? factNamedIn(id, version, factById) : undefined;
  const figures = version && named ? figuresAt(named, version) : undefined;
  return figures && figures.value === pinned ? { low: figures.low, high: figures.high } : null;
}

/**
 * A pinned figure that the add-in's data set now gives differently (or no longer has): its value,
 * or its low or high.
 */
export interface VintageChange {
  id: string;
  label: string;
  unit: string;
  pinned: number;
  /** null when the data set no longer has the fact. */
  current: number | null;
  /**
   * Set when the change moves the figure's low or high: the pinned ones and the current ones. A
   * pin whose bounds the workbook cannot tell (see pinnedBoundsOf) is compared by value only.
   */
  bounds?: { pinned: Bounds; current: Bounds };
  /** Citation of the current figure's source (or the source key). */
  source: string;
}

/**
 * The pinned figures whose value, low or high differ in `currentFacts` (the add-in's data set by
 * default), and those it no longer has.
 */
export function compareVintage(
  metadata: Readonly<Record<string, string>>,
  currentFacts: (id: string) => Fact | undefined = factById,
): VintageChange[] {
  const recorded = readJson<Record<string, unknown>>(metadata[PINNED_BOUNDS_KEY]);
  const version = metadata[DATA_VERSION_KEY];
  return Object.entries(readJson<Pins>(metadata[PINNED_KEY])).flatMap(([id, pinned]) => {
    const fact = currentFacts(id);
    const was = pinnedBoundsOf(recorded, version, id, pinned);
    const now = fact ? { low: fact.low, high: fact.high } : null;
    const moved = was && now && !sameBounds(was, now) ? { pinned: was, current: now } : undefined;
    if (fact && fact.value === pinned && !moved) return [];
    const source = fact ? sourceById(fact.source) : undefined;
    return [
      {
        id,
        label: fact?.label ?? id,
        unit: fact?.unit ?? "",
        pinned,
        current: fact?.value ?? null,
        ...(moved ? { bounds: moved } : {}),
        source: source
          ? `${source.publisher}, '${source.title}', ${source.date}`
          : (fact?.source ?? ""),
      },
    ];
  });
}

export interface VintageState {
  /** The version the workbook is pinned to; null when no insert has pinned anything yet. */
  workbookVersion: string | null;
  addinVersion: string;
  /** Set when the user kept the pinned figures against this add-in version. */
  kept: boolean;
  changes: VintageChange[];
}

function stateOf(snapshot: WorkbookSnapshot, data: DataVintage): VintageState {
  const metadata = snapshot.metadata;
  return {
    workbookVersion: metadata[DATA_VERSION_KEY] || null,
    addinVersion: data.version,
    kept: metadata[KEPT_KEY] === data.version,
    changes: compareVintage(metadata, (id) => data.fact(id)),
  };
}

/** One read: the workbook's pinned version and the figures that changed since. */
export async function checkVintage(
  port: ReadableWorkbookPort,
  data: DataVintage = ADDIN_DATA,
): Promise<VintageState> {
  return stateOf(await port.snapshot(), data);
}

const FACT = `${NAMESPACE}.FACT`;

/** A call with argument `index` set to `nodes` (empty arguments added before it as needed). */
function withArgument(call: CallNode, index: number, nodes: FormulaNode[]): CallNode {
  const args = [...call.args];
  while (args.length <= index) args.push([]);
  args[index] = nodes;
  return { ...call, args };
}

const omitted = (call: CallNode, index: number): boolean =>
  !call.args[index] || classify(call.args[index]).kind === "omitted";

/** The id (or metric key) a constant first argument names. */
function idOf(call: CallNode): string | undefined {
  const id = call.args[0] && classify(call.args[0]);
  return id?.kind === "constant" && typeof id.value === "string" ? id.value : undefined;
}

/**
 * True when a formula's id names a changed fact: the id the workbook pinned (which a later release
 * may have retired, as 1.1.0 did "india.magnet_imports.fy25_t"), or the fact it resolves to now.
 */
function readsChanged(id: string | undefined, changed: ReadonlySet<string>): boolean {
  if (id === undefined) return false;
  const named = id.trim().toLowerCase();
  const now = resolveFact(id)?.id;
  return [...changed].some((pinned) => pinned.toLowerCase() === named || pinned === now);
}

/**
 * The formula with `rewrite` applied to every call (inner calls first); null when the text does
 * not parse or no call changed (`rewrite` returns the call itself to keep it).
 */
function rewriteCalls(text: string, rewrite: (call: CallNode) => CallNode): string | null {
  let tree: FormulaNode[];
  try {
    tree = parseFormula(text);
  } catch {
    return null;
  }
  let touched = false;
  const rewritten = mapCalls(tree, (call) => {
    const next = rewrite(call);
    if (next !== call) touched = true;
    return next;
  });
  return touched ? `=${render(rewritten)}` : null;
}

/**
 * The formula with every read of a changed fact pinned to `version`: REE.FACT calls get it as
 * their vintage; an omitted argument whose default is a changed fact gets =REE.FACT(id, , version).
 * Null when the formula reads no changed fact.
 */
export function pinFormula(
  text: string,
  changed: ReadonlySet<string>,
  version: string,
): string | null {
  const vintage: FormulaNode[] = [{ kind: "string", text: quote(version) }];
  const pinnedFact = (id: string): FormulaNode[] => [
    { kind: "call", name: FACT, args: [[{ kind: "string", text: quote(id) }], [], vintage] },
  ];
  return rewriteCalls(text, (call) => {
    const spec = reeSpec(call.name);
    if (!spec) return call;
    if (spec.name === "FACT") {
      if (!readsChanged(idOf(call), changed) || !omitted(call, 2)) return call;
      return withArgument(call, 2, vintage);
    }
    return spec.parameters.reduce((result, parameter, index) => {
      if (!readsChanged(parameter.defaultFrom, changed) || !omitted(result, index)) return result;
      return withArgument(result, index, pinnedFact(parameter.defaultFrom as string));
    }, call);
  });
}

/** The formula with the vintage dropped from REE.FACT calls for changed facts; null if none had one. */
export function unpinFormula(text: string, changed: ReadonlySet<string>): string | null {
  return rewriteCalls(text, (call) => {
    const fact = reeSpec(call.name)?.name === "FACT";
    if (!fact || !readsChanged(idOf(call), changed) || call.args.length < 3) return call;
    const args = call.args.slice(0, 2);
    // =REE.FACT("id",) would ask for field "": drop an empty field too.
    if (classify(args[1]).kind === "omitted") args.pop();
    return { ...call, args };
  });
}

/** One cell "Update to current" would change, as the user confirms it. */
export interface ValueUpdate extends SheetRef {
  fact: string;
  label: string;
  /** Set for the Low or High cell in a figure's row (an inserted table's); absent for the figure. */
  bound?: "low" | "high";
  /** The figure the cell shows and the one it gets; null: the cell is (or becomes) empty. */
  old: number | null;
  new: number | null;
  /** A card whose figure stays the same but whose low or high changes: its bounds, before and after. */
  bounds?: { old: Bounds; new: Bounds };
  /**
   * How the cell is known to be the insert's: "id" when the fact id sits beside it in the row the
   * insert wrote (an inserted facts table); "address" when only its address and figure say so
   * (a model sheet's or named inputs' cell); "card" when the cell holds a card of ours that names
   * its fact and the data version it came from.
   */
  proof: "id" | "address" | "card";
}

/** What "Update to current" would change: the user sees it before anything is written. */
export interface UpdatePlan {
  values: ValueUpdate[];
  /** Formula cells whose pinned vintage would be dropped. */
  formulas: number;
  /** Cells an insert wrote a changed figure into that no longer prove to be the insert's. */
  edited: SheetRef[];
}

export interface VintageOutcome {
  summary: string;
  /** Cells holding a pinned figure that the user has changed since: left alone. */
  edited: SheetRef[];
}

type CellBlocks = Awaited<ReturnType<ReadableWorkbookPort["readCells"]>>;

const same = (a: SheetRef, b: SheetRef) =>
  a.sheet.toLowerCase() === b.sheet.toLowerCase() && a.address === b.address;
const cellKey = (cell: SheetRef) => `${cell.sheet.toLowerCase()}!${cell.address}`;

/**
 * The cards out of date: from another data version than `data`'s, whose fact `data` now gives
 * another figure, low or high. A card from this version, or whose figures are unchanged, or whose
 * fact the data no longer has, is left as it is.
 */
function cardUpdates(
  cards: readonly CardCellRead[],
  data: DataVintage,
  figures?: ReadonlySet<string>,
): ValueUpdate[] {
  return cards.flatMap(({ sheet, address, identity }): ValueUpdate[] => {
    const current = data.fact(identity.factId);
    if (!current || identity.version === data.version) return [];
    const [was, now] = [{ low: identity.low, high: identity.high }, cardBounds(current)];
    const sameFigure = current.value === identity.value;
    if (sameFigure && sameBounds(was, now)) return [];
    // A figure the user chose to keep pinned keeps its card too. The list names a figure by the id
    // the workbook pinned, which a later release may have renamed (the card's own id).
    if (figures && !figures.has(current.id) && !figures.has(identity.factId)) return [];
    return [
      {
        sheet,
        address,
        fact: current.id,
        label: current.label,
        old: identity.value,
        new: current.value,
        // Only the bounds change: the list says which.
        ...(sameFigure ? { bounds: { old: was, new: now } } : {}),
        proof: "card",
      },
    ];
  });
}

/** A value cell an insert wrote a figure into, where it is now, and whose figure it holds. */
export interface RecordedFigureCell {
  cell: SheetRef;
  /** The fact its id cell names now ("" when it names none), else the fact recorded. */
  factId: string;
  recordedFact: string;
  /** True when an id cell was recorded beside it (an inserted table's Id column). */
  hasId: boolean;
  /** The Low and High cells recorded in its row, where they are now (an inserted table's). */
  boundCells?: { low: SheetRef; high: SheetRef };
}

/**
 * A facts table's Low and High beside a figure written before they were recorded (workbooks of
 * the 1.0.0 and 1.1.0 data): the two cells right of it, when the nearest "Value" above it in its
 * column heads "Value", "Low", "High" (a facts table's header; a card or a typed text between
 * does not end the table). What each scan up a column finds is kept in `memo` for the rows it
 * passed, so a large table is read once.
 */
function headedBounds(
  blocks: CellBlocks,
  cell: SheetRef,
  memo: Map<string, number | null>,
): { low: SheetRef; high: SheetRef } | undefined {
  const at = parseRange(cell.address);
  const beside = (row: number, offset: number): SheetRef => ({
    sheet: cell.sheet,
    address: cellAddress({ row, column: at.column + offset }),
  });
  const shown = (row: number, offset: number) => contentOf(blocks, beside(row, offset))?.[0][0];
  const key = (row: number) => `${cell.sheet.toLowerCase()}!${at.column}:${row}`;
  const passed: number[] = [];
  let header: number | null = null;
  for (let row = at.row - 1; row >= 0; row--) {
    const known = memo.get(key(row));
    if (known !== undefined) {
      header = known;
      break;
    }
    passed.push(row);
    const figure = shown(row, 0);
    if (figure?.formula === null && figure.value === "Value") {
      const names = [shown(row, 1), shown(row, 2)].map((c) =>
        c?.formula === null ? c.value : null,
      );
      header = names[0] === "Low" && names[1] === "High" ? row : null;
      break;
    }
  }
  for (const row of passed) memo.set(key(row), header);
  return header === null ? undefined : { low: beside(at.row, 1), high: beside(at.row, 2) };
}

/**
 * Each value cell an insert wrote a figure into, once, where it is now (cells of deleted inserts
 * are left out). A cell with an id cell recorded beside it belongs to whichever fact that id cell
 * names now (a sort moves a table's rows, and the id moves with its figure). What the cell shows
 * is the caller's to compare with the fact.
 */
export function recordedFigureCells(
  snapshot: WorkbookSnapshot,
  blocks: CellBlocks,
): RecordedFigureCell[] {
  const whereNow = mover(snapshot);
  const cells = readJson<PinnedCells>(snapshot.metadata[PINNED_CELLS_KEY]);
  const idCells = readJson<IdCells>(snapshot.metadata[PINNED_ID_CELLS_KEY]);
  const boundCells = readJson<BoundCells>(snapshot.metadata[PINNED_BOUND_CELLS_KEY]);
  const headers = new Map<string, number | null>();
  const seen = new Set<string>();
  return Object.entries(cells).flatMap(([recordedFact, list]) =>
    list.flatMap((at) => {
      if (seen.has(at)) return [];
      seen.add(at);
      const hasId = idCells[at] !== undefined;
      try {
        const cell = whereNow(parseQualified(at));
        const idCell = hasId ? whereNow(parseQualified(idCells[at])) : null;
        // The insert's cells were deleted: nothing of it is left.
        if (cell === null) return [];
        let factId = recordedFact;
        if (hasId) {
          const id = idCell && contentOf(blocks, idCell)?.[0][0];
          factId = id?.formula === null && typeof id.value === "string" ? id.value.trim() : "";
        }
        // The Low and High are in the insert's block too: they moved as the figure did.
        const beside = boundCells[at];
        const low = beside && whereNow(parseQualified(beside.low));
        const high = beside && whereNow(parseQualified(beside.high));
        const bounds = low && high ? { low, high } : headedBounds(blocks, cell, headers);
        return [{ cell, factId, recordedFact, hasId, ...(bounds ? { boundCells: bounds } : {}) }];
      } catch {
        return [];
      }
    }),
  );
}

/**
 * Whether a cell an insert wrote a figure into still shows the pinned figure (a value, not a
 * formula), already shows the current one, or shows something the user put there. A null figure is
 * an empty cell.
 */
function standing(
  blocks: CellBlocks,
  cell: SheetRef,
  pinned: number | null,
  current: number | null,
): "pinned" | "current" | "edited" {
  const shown = contentOf(blocks, cell)?.[0][0];
  const shows = (figure: number | null) =>
    figure === null ? shown?.value === null || shown?.value === "" : shown?.value === figure;
  if (shown?.formula === null && shows(pinned)) return "pinned";
  return shown && shows(current) ? "current" : "edited";
}

/**
 * The cells to update: a value cell, and the Low and High cells in its row, each only if it still
 * shows the pinned version's figure; a cell without an id cell beside it is matched by address
 * and figure, and the user sees it in the list before confirming.
 */
function valueUpdates(
  snapshot: WorkbookSnapshot,
  blocks: CellBlocks,
  changes: readonly VintageChange[],
  cards: readonly CardCellRead[],
): { values: ValueUpdate[]; edited: SheetRef[] } {
  // A card carries its own fact and version (cardUpdates): its cell is not a pinned value.
  const carded = new Set(cards.map(cellKey));
  const pins = readJson<Pins>(snapshot.metadata[PINNED_KEY]);
  const changed = new Map(changes.map((change) => [change.id, change]));
  const values: ValueUpdate[] = [];
  const edited: SheetRef[] = [];
  for (const { cell, factId, recordedFact, hasId, boundCells } of recordedFigureCells(
    snapshot,
    blocks,
  )) {
    const card = carded.has(cellKey(cell));
    const change = changed.get(factId);
    const recordedChange = changed.get(recordedFact);
    if (!change || change.current === null) {
      // The row no longer names a changed fact: if it was meant to, the user changed it.
      if (!card && recordedChange && recordedChange.current !== null && !(factId in pins)) {
        edited.push(cell);
      }
      continue;
    }
    const update = (
      at: SheetRef,
      old: number | null,
      next: number | null,
      bound?: "low" | "high",
    ) => {
      const now = standing(blocks, at, old, next);
      if (now === "edited") edited.push(at);
      if (now !== "pinned") return;
      values.push({
        ...at,
        fact: change.id,
        label: change.label,
        ...(bound ? { bound } : {}),
        old,
        new: next,
        proof: hasId ? "id" : "address",
      });
    };
    // A figure the user changed makes the row theirs: its Low and High stay too.
    const figureNow = card ? "pinned" : standing(blocks, cell, change.pinned, change.current);
    if (!card && change.pinned !== change.current) update(cell, change.pinned, change.current);
    else if (figureNow === "edited" && change.bounds) edited.push(cell);
    // The row's Low and High go with its figure (beside a card too: those are plain values).
    if (boundCells && change.bounds && figureNow !== "edited") {
      const { pinned, current } = change.bounds;
      for (const bound of ["low", "high"] as const) {
        if (pinned[bound] !== current[bound]) {
          update(boundCells[bound], pinned[bound], current[bound], bound);
        }
      }
    }
  }
  return { values, edited };
}

/**
 * The changed figures the user chose to update (`figures`: fact ids; all of them when absent), and
 * the others, which stay pinned.
 */
function choose(
  changes: readonly VintageChange[],
  figures?: ReadonlySet<string>,
): { update: VintageChange[]; keep: VintageChange[] } {
  const chosen = (change: VintageChange) => !figures || figures.has(change.id);
  return {
    update: changes.filter(chosen),
    keep: changes.filter((change) => !chosen(change)),
  };
}

const ids = (changes: readonly VintageChange[]) => new Set(changes.map((change) => change.id));

/**
 * What "Update to current" would change for the chosen figures (all by default), cell by cell
 * (address, fact, old, new), for the user to confirm. One snapshot and one read; nothing is written.
 */
export async function checkUpdate(
  port: ReadableWorkbookPort,
  data: DataVintage = ADDIN_DATA,
  figures?: ReadonlySet<string>,
): Promise<UpdatePlan> {
  const snapshot = await port.snapshot();
  const blocks = await port.readCells({ sheets: snapshot.sheetNames });
  const cards = await cardCells(port, blocks);
  const { update } = choose(stateOf(snapshot, data).changes, figures);
  const formulas = formulaWrites(blocks, (text) => unpinFormula(text, ids(update))).length;
  const planned = valueUpdates(snapshot, blocks, update, cards);
  return {
    ...planned,
    values: [...planned.values, ...cardUpdates(cards, data, figures)],
    formulas,
  };
}

/**
 * One snapshot, one read of every sheet (and of its cards, where it holds any), one write of what
 * `plan` puts in the builder.
 */
async function rewriteWorkbook(
  port: ReadableWorkbookPort,
  data: DataVintage,
  plan: (
    state: VintageState,
    builder: PlanBuilder,
    blocks: CellBlocks,
    cards: readonly CardCellRead[],
  ) => VintageOutcome,
): Promise<VintageOutcome> {
  const snapshot = await port.snapshot();
  const blocks = await port.readCells({ sheets: snapshot.sheetNames });
  const cards = await cardCells(port, blocks);
  const builder = new PlanBuilder(snapshot);
  const outcome = plan(stateOf(snapshot, data), builder, blocks, cards);
  await port.apply(builder.build());
  return outcome;
}

/** Each formula cell that `rewrite` changes, as a write that keeps the old formula for undo. */
function formulaWrites(blocks: CellBlocks, rewrite: (text: string) => string | null): Overwrite[] {
  return formulaCells(blocks).flatMap((cell) => {
    const next = rewrite(cell.formula);
    if (next === null) return [];
    return [{ ...cell, cells: [[formula(next)]], previous: [[formula(cell.formula)]] }];
  });
}

/**
 * "Keep pinned": formulas that read a changed fact ask for the workbook's version from now on, so
 * the workbook keeps the figures it was built on.
 */
export async function keepPinned(
  port: ReadableWorkbookPort,
  data: DataVintage = ADDIN_DATA,
): Promise<VintageOutcome> {
  return rewriteWorkbook(port, data, (state, builder, blocks) => {
    const version = state.workbookVersion ?? data.version;
    const changed = new Set(state.changes.map((change) => change.id));
    const writes = formulaWrites(blocks, (text) => pinFormula(text, changed, version));
    builder.overwrite(writes);
    builder.metadata(KEPT_KEY, data.version);
    return {
      summary: `Kept the figures of data ${version}: ${count(writes.length, "formula")} now ask for that version.`,
      edited: [],
    };
  });
}

/**
 * "1 value and 2 formulas", "1 value, 3 Low/High cells, 1 card and 2 formulas": Low/High cells and
 * cards only where there are any.
 */
function changedParts(values: number, bounds: number, cards: number, formulas: number): string {
  const parts = [
    count(values, "value"),
    ...(bounds > 0 ? [count(bounds, "Low/High cell")] : []),
    ...(cards > 0 ? [count(cards, "card")] : []),
  ];
  return `${parts.join(", ")} and ${count(formulas, "formula")}`;
}

/**
 * "Update to current" for the figures the user chose (`figures`, all by default): pinned vintages
 * are dropped from their REE.FACT formulas, values an insert wrote get the current figure where
 * they still prove to be the insert's, and their pins move to this version. The figures not chosen
 * stay pinned, as "Keep pinned" leaves them: their formulas ask for the workbook's version and the
 * workbook stays on it. With `confirmed` (the list the user saw), only those cells are changed,
 * and only if they still hold what the list showed.
 */
export async function updateToCurrent(
  port: ReadableWorkbookPort,
  data: DataVintage = ADDIN_DATA,
  confirmed?: readonly ValueUpdate[],
  figures?: ReadonlySet<string>,
): Promise<VintageOutcome> {
  return rewriteWorkbook(port, data, (state, builder, blocks, cards) => {
    const metadata = builder.snapshot.metadata;
    const { update, keep } = choose(state.changes, figures);
    const version = state.workbookVersion ?? data.version;
    const [updated, kept] = [ids(update), ids(keep)];
    const formulas = formulaWrites(blocks, (text) => {
      const live = unpinFormula(text, updated);
      return pinFormula(live ?? text, kept, version) ?? live;
    });
    const planned = valueUpdates(builder.snapshot, blocks, update, cards);
    planned.values.push(...cardUpdates(cards, data, figures));
    const values = confirmed
      ? planned.values.filter((change) =>
          confirmed.some(
            (shown) =>
              same(shown, change) &&
              shown.fact === change.fact &&
              shown.bound === change.bound &&
              shown.old === change.old &&
              shown.new === change.new,
          ),
        )
      : planned.values;
    const edited = planned.edited;
    const pins = readJson<Pins>(metadata[PINNED_KEY]);
    const bounds = readJson<Record<string, Bounds>>(metadata[PINNED_BOUNDS_KEY]);
    for (const change of update) {
      const fact = data.fact(change.id);
      if (!fact) continue;
      pins[change.id] = fact.value;
      bounds[change.id] = { low: fact.low, high: fact.high };
    }
    const [cardValues, plainValues] = [
      values.filter((change) => change.proof === "card"),
      values.filter((change) => change.proof !== "card"),
    ];
    const boundValues = plainValues.filter((change) => change.bound !== undefined);
    // An out-of-date card gets the card the current data makes, and nothing else changes in it.
    for (const cardChange of cardValues) {
      const fact = data.fact(cardChange.fact);
      const was = cards.find((card) => same(card, cardChange));
      if (fact && was) {
        builder.card(
          { sheet: cardChange.sheet, address: cardChange.address },
          factCard(fact, data.version),
          was.card,
        );
      }
    }
    builder.overwrite([
      ...formulas,
      ...plainValues.map((change) => ({
        sheet: change.sheet,
        address: change.address,
        cells: [[value(change.new)]],
        previous: [[value(change.old)]],
      })),
    ]);
    builder.metadata(PINNED_KEY, JSON.stringify(pins));
    builder.metadata(PINNED_BOUNDS_KEY, JSON.stringify(bounds));
    // A figure kept pinned keeps the workbook on its version, and the choice is remembered.
    builder.metadata(DATA_VERSION_KEY, keep.length > 0 ? version : data.version);
    builder.metadata(KEPT_KEY, keep.length > 0 ? data.version : "");
    const left =
      edited.length > 0 ? ` ${count(edited.length, "cell")} you changed kept yours.` : "";
    const pinned =
      keep.length > 0 ? ` Kept ${count(keep.length, "figure")} of data ${version}.` : "";
    return {
      summary: `Updated to data ${data.version}: ${changedParts(plainValues.length - boundValues.length, boundValues.length, cardValues.length, formulas.length)} changed.${pinned}${left}`,
      edited,
    };
  });
}
