/**
 * What a cell rests on: its formula, the REE calls in it and the cells it reads, followed through
 * precedents on any sheet, down to the reference facts reached (through REE.FACT, a function's
 * default, a named input or a figure an insert wrote) and the inputs the user chose. The workbook
 * is read once (one snapshot, one read of every sheet in requests under Excel's limits) and walked
 * in memory with the project's own formula parser, so a trace costs the same few round trips
 * however many precedents the cell has, in Excel and in the preview alike.
 */
import { claimsForMetric, isDisputed, resolveFact, type CellValue, type Fact } from "../../data";
import { defaultSources, type FunctionSpec } from "../../model/functionCatalog";
import { NAMED_INPUTS } from "../namedInputs";
import { cellAddress, parseCell, parseRange, sheetReference } from "../address";
import type { ReadableWorkbookPort, SheetRef } from "../port";
import { reeSpec } from "../portable/convert";
import { calls, classify, parseFormula, type CallNode } from "../portable/formula";
import { recordedFigureCells } from "../vintage";
import { CellIndex, type WorkbookRead } from "./cells";
import { formulaReferences, referencesIn, type Reference } from "./references";

export type { WorkbookRead };

/** A reference fact the cell rests on, and every way the trace reached it. */
export interface TracedFact {
  fact: Fact;
  /** How: 'REE.FACT("…") in B18', "default of oxide_per_magnet in REE.NDPR_GAP (B18)", … */
  via: string[];
  /** The other sources' claims about the same metric. */
  otherClaims: readonly Fact[];
  /** Claims on the same basis give different figures. */
  disputed: boolean;
}

/** An input the data set does not give: a value the user typed, or a figure they changed. */
export interface Assumption {
  /** "B9", "Inputs!C3", or the formula cell a typed number sits in. */
  where: string;
  cell: SheetRef;
  label: string | null;
  value: CellValue;
  why: string;
}

export interface TraceNode {
  /** As the formula wrote it: "B5", "Inputs!C3", "A1#", "A:A", "REPM_Target_t". */
  ref: string;
  /** The cell; null for a defined name. */
  cell: SheetRef | null;
  /** The text to the left of the cell in its row (the model's row label). */
  label: string | null;
  formula: string | null;
  value: CellValue;
  /** REE functions the formula calls, e.g. ["REE.NDPR_GAP"]. */
  reeCalls: string[];
  /** Facts this node itself reads or holds. */
  facts: TracedFact[];
  /** Reference tables its REE calls look figures up in. */
  tables: string[];
  /** Set when the node is an input of the user's: why. */
  assumption?: string;
  children: TraceNode[];
  /** "again": shown in full elsewhere in the tree; "cycle": a reference back to a cell on the path. */
  repeat?: "again" | "cycle";
}

export interface CellTrace {
  root: TraceNode;
  /** Every fact reached, once each, in the order first reached. */
  facts: TracedFact[];
  assumptions: Assumption[];
  /** Distinct cells the root reads, directly or not. */
  precedents: number;
  /** Formulas that could not be read, names that refer to nothing readable. */
  problems: string[];
}

const fold = (text: string) => text.toLowerCase();

/** "B5" on the formula's own sheet, "Inputs!B5" on another. */
function display(cell: SheetRef, from: string): string {
  return fold(cell.sheet) === fold(from) ? cell.address : sheetReference(cell);
}

const placeKey = (cell: SheetRef) => `${fold(cell.sheet)}!${cell.address}`;

/** The fact a defined name stands for: a named input's, or a fact id or metric used as the name. */
function nameFact(name: string): Fact | undefined {
  // The insert numbers a name that is taken (REPM_Target_t_2).
  const base = fold(name).replace(/_\d+$/, "");
  const input = NAMED_INPUTS.find(
    (entry) => fold(entry.name) === fold(name) || fold(entry.name) === base,
  );
  return resolveFact(input ? input.fact : name);
}

/** True when what a cell shows is the fact's figure. */
const showsFact = (value: CellValue, fact: Fact) =>
  typeof value === "number" && Math.abs(value - fact.value) <= 1e-12 * Math.abs(fact.value);

class Walk {
  private readonly figures = new Map<string, string>();
  private readonly factsById = new Map<string, TracedFact>();
  readonly assumptions: Assumption[] = [];
  readonly problems: string[] = [];
  private readonly expanded = new Set<string>();
  private readonly onPath = new Set<string>();

  constructor(
    read: WorkbookRead,
    private readonly index: CellIndex,
  ) {
    for (const { cell, factId } of recordedFigureCells(read.snapshot, [...read.blocks])) {
      if (factId) this.figures.set(placeKey({ sheet: cell.sheet, address: cell.address }), factId);
    }
  }

  get facts(): TracedFact[] {
    return [...this.factsById.values()];
  }

  get precedents(): number {
    return this.expanded.size;
  }

  private reach(fact: Fact, via: string): TracedFact {
    let traced = this.factsById.get(fact.id);
    if (!traced) {
      traced = {
        fact,
        via: [],
        otherClaims: claimsForMetric(fact.metric).filter((claim) => claim.id !== fact.id),
        disputed: isDisputed(fact.metric),
      };
      this.factsById.set(fact.id, traced);
    }
    if (!traced.via.includes(via)) traced.via.push(via);
    return traced;
  }

  private assume(node: TraceNode, cell: SheetRef, where: string, why: string, value: CellValue) {
    node.assumption ??= why;
    this.assumptions.push({ where, cell, label: node.label, value, why });
  }

  /** The node for a cell, its precedents walked (each cell in full once; cycles stop). */
  cellNode(cell: SheetRef, ref: string, fromName?: string): TraceNode {
    const sheet = this.index.sheetName(cell.sheet) ?? cell.sheet;
    const { row, column } = parseCell(cell.address);
    const at = { sheet, address: cellAddress({ row, column }) };
    const content = this.index.at(sheet, row, column);
    const node: TraceNode = {
      ref,
      cell: at,
      label: this.index.label(sheet, row, column),
      formula: content?.formula ?? null,
      value: content?.value ?? null,
      reeCalls: [],
      facts: [],
      tables: [],
      children: [],
    };
    const key = placeKey(at);
    if (this.onPath.has(key)) return { ...node, repeat: "cycle" };
    if (this.expanded.has(key)) return { ...node, repeat: "again" };
    this.expanded.add(key);
    this.onPath.add(key);
    if (node.formula !== null) this.formulaNode(node, at, node.formula);
    else this.valueNode(node, at, fromName);
    this.onPath.delete(key);
    return node;
  }

  /** A value: a figure an insert wrote, a named input's figure, or the user's own input. */
  private valueNode(node: TraceNode, cell: SheetRef, fromName?: string) {
    if (node.value === null) return;
    const recorded = this.figures.get(placeKey(cell));
    const fact = recorded ? resolveFact(recorded) : fromName ? nameFact(fromName) : undefined;
    const where = sheetReference(cell);
    if (fact && showsFact(node.value, fact)) {
      const how = recorded ? `figure inserted in ${where}` : `named input ${fromName}`;
      node.facts.push(this.reach(fact, how));
    } else if (fact) {
      this.assume(
        node,
        cell,
        where,
        `changed from the data set's ${fact.id} (${fact.value} ${fact.unit})`,
        node.value,
      );
    } else if (typeof node.value !== "string" || !/^#/.test(node.value)) {
      this.assume(node, cell, where, "typed in the workbook, not from the data set", node.value);
    }
  }

  private formulaNode(node: TraceNode, cell: SheetRef, formula: string) {
    let nodes;
    try {
      nodes = parseFormula(formula);
    } catch (error) {
      this.problems.push(`${sheetReference(cell)}: ${(error as Error).message}`);
      return;
    }
    for (const call of calls(nodes)) {
      const spec = reeSpec(call.name);
      if (spec) this.reeCall(node, cell, call, spec);
    }
    this.references(node, cell.sheet, referencesIn(nodes));
  }

  /** Facts an REE call reads: REE.FACT's id, the defaults of omitted arguments, typed numbers. */
  private reeCall(node: TraceNode, cell: SheetRef, call: CallNode, spec: FunctionSpec) {
    const name = `REE.${spec.name}`;
    if (!node.reeCalls.includes(name)) node.reeCalls.push(name);
    for (const source of defaultSources(spec)) {
      if ("table" in source && !node.tables.includes(source.table)) node.tables.push(source.table);
    }
    const where = sheetReference(cell);
    spec.parameters.forEach((parameter, i) => {
      const argument = classify(call.args[i] ?? []);
      if (spec.name === "FACT" && i === 0) {
        const id = this.textOf(argument, cell.sheet);
        const fact = id === null ? undefined : resolveFact(id);
        if (fact) node.facts.push(this.reach(fact, `${name}("${id}") in ${where}`));
        return;
      }
      if (argument.kind === "constant" && typeof argument.value === "number") {
        this.assume(node, cell, where, `typed in ${name} as ${parameter.name}`, argument.value);
        return;
      }
      if (!parameter.defaultFrom) return;
      const empty = argument.kind === "omitted" || this.isEmptyCell(argument, cell.sheet);
      const fact = empty ? resolveFact(parameter.defaultFrom) : undefined;
      if (fact) {
        const why = argument.kind === "reference" ? `${argument.text} is empty` : "omitted";
        node.facts.push(
          this.reach(fact, `default of ${parameter.name} in ${name} (${why}, ${where})`),
        );
      }
    });
  }

  /** The single cell an argument names, on the formula's sheet unless it says another. */
  private singleCell(argument: ReturnType<typeof classify>, sheet: string): SheetRef | null {
    if (argument.kind !== "reference") return null;
    const area = this.index.areaOf(argument.text, sheet);
    if (!area || area.box.rows !== 1 || area.box.columns !== 1) return null;
    return { sheet: area.sheet, address: area.address };
  }

  private isEmptyCell(argument: ReturnType<typeof classify>, sheet: string): boolean {
    const cell = this.singleCell(argument, sheet);
    if (!cell) return false;
    const { row, column } = parseCell(cell.address);
    return this.index.at(cell.sheet, row, column) === undefined;
  }

  /** REE.FACT's id: typed, or in the one cell the argument names. */
  private textOf(argument: ReturnType<typeof classify>, sheet: string): string | null {
    if (argument.kind === "constant") return String(argument.value);
    const cell = this.singleCell(argument, sheet);
    if (!cell) return null;
    const { row, column } = parseCell(cell.address);
    const value = this.index.at(cell.sheet, row, column)?.value;
    return typeof value === "string" ? value : null;
  }

  private references(node: TraceNode, sheet: string, references: readonly Reference[]) {
    for (const reference of references) {
      if (reference.kind === "name") {
        const child = this.nameNode(reference.name, reference.text, sheet);
        if (child) node.children.push(child);
        continue;
      }
      const onSheet = reference.sheet ?? sheet;
      if (this.index.sheetName(onSheet) === undefined && reference.sheet !== null) {
        this.problems.push(`${reference.text}: the sheet ${reference.sheet} was not found.`);
        continue;
      }
      const { box } = reference;
      // A spill reference rests on its anchor: the spilled cells are that formula's result.
      if (reference.spill || (box.rows === 1 && box.columns === 1)) {
        const at = { sheet: onSheet, address: cellAddress(box) };
        node.children.push(this.cellNode(at, reference.text));
        continue;
      }
      for (const position of this.index.filledIn(onSheet, box)) {
        const at = { sheet: onSheet, address: cellAddress(position) };
        node.children.push(this.cellNode(at, display(at, sheet)));
      }
    }
  }

  /** A defined name: what it refers to, walked; undefined names (a LET variable …) are skipped. */
  private nameNode(name: string, text: string, sheet: string): TraceNode | null {
    const formula = this.index.nameFormula(name);
    if (formula === undefined) return null;
    const node: TraceNode = {
      ref: text,
      cell: null,
      label: null,
      formula,
      value: null,
      reeCalls: [],
      facts: [],
      tables: [],
      children: [],
    };
    const references = formulaReferences(formula);
    if (formula.includes("#REF!")) {
      this.problems.push(`The name ${name} refers to deleted cells (${formula}).`);
    }
    const single = references.length === 1 && references[0].kind === "area" ? references[0] : null;
    if (single && single.box.rows === 1 && single.box.columns === 1 && !single.spill) {
      const at = { sheet: single.sheet ?? sheet, address: cellAddress(single.box) };
      const child = this.cellNode(at, display(at, sheet), name);
      node.value = child.value;
      node.children.push(child);
    } else {
      this.references(node, sheet, references);
    }
    return node;
  }
}

/** The trace of one cell from what was read: pure, so the tests and the bench call it directly. */
export function traceFrom(
  read: WorkbookRead,
  target: SheetRef,
  index = new CellIndex(read),
): CellTrace {
  const walk = new Walk(read, index);
  const cell = { sheet: target.sheet, address: cellAddress(parseRange(target.address)) };
  const root = walk.cellNode(cell, cell.address);
  return {
    root,
    facts: walk.facts,
    assumptions: walk.assumptions,
    precedents: walk.precedents - 1,
    problems: walk.problems,
  };
}

/** One snapshot and one read of every sheet: what every trace and explanation works from. */
export async function readWorkbook(port: ReadableWorkbookPort): Promise<WorkbookRead> {
  const snapshot = await port.snapshot();
  const blocks = await port.readCells({ sheets: snapshot.sheetNames });
  return { snapshot, blocks };
}

/** The trace of `target` (default: the selected cell's top-left cell). */
export async function traceCell(
  port: ReadableWorkbookPort,
  target?: SheetRef,
): Promise<{ read: WorkbookRead; trace: CellTrace }> {
  const read = await readWorkbook(port);
  return { read, trace: traceFrom(read, target ?? read.snapshot.selection) };
}
