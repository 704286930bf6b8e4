/**
 * What every REE function becomes in a workbook without the add-in, in one table (NATIVE) keyed by
 * function name: a native Excel formula over the same arguments, the value of a reference-data
 * lookup, or, for a spilled table, native formulas cell by cell or its values. Only functions every
 * Excel version has are used (no LAMBDA, LET or dynamic arrays): the colleague who opens the
 * workbook may run an older Excel than its author, and an add-in cannot tell which.
 *
 * Omitted arguments become the data set's default as a number; a cell reference given for a
 * parameter with a data-set default keeps that default for an empty cell, as the function does.
 */
import { resolveFact, tableByName, type CellValue } from "../../data";
import { requireNumber } from "../../model/coerce";
import type { FunctionSpec } from "../../model/functionCatalog";
import * as model from "../../model";
import { IMPORT_TOTALS } from "../../model/defaults";
import { cellAddress, type CellPosition } from "../address";
import { formula, value } from "../cells";
import type { CellInput } from "../port";
import { exactLiteral, quote, type Argument } from "./formula";

/** Why a call cannot become a native formula; the cell keeps its value instead, saying why. */
export class NotNative extends Error {}

/** A spilled result on the sheet: where it starts, its size and the values it shows. */
export interface SpillArea {
  start: CellPosition;
  values: CellValue[][];
}

/** One REE call being rewritten: its arguments by parameter name, and the sources it reads. */
export class Call {
  readonly cited = new Set<string>();

  constructor(
    readonly spec: FunctionSpec,
    private readonly args: readonly Argument[],
  ) {}

  argument(name: string): Argument {
    const index = this.spec.parameters.findIndex((parameter) => parameter.name === name);
    if (index < 0) throw new Error(`${this.spec.name} has no parameter ${name}`);
    return this.args[index] ?? { kind: "omitted" };
  }

  omitted(name: string): boolean {
    return this.argument(name).kind === "omitted";
  }

  /** A constant argument's value, undefined when omitted; NotNative when it comes from the sheet. */
  constant(name: string): number | string | boolean | undefined {
    const arg = this.argument(name);
    if (arg.kind === "omitted") return undefined;
    if (arg.kind === "constant") return arg.value;
    throw new NotNative(`its ${name} comes from ${arg.text}`);
  }

  /** The value of a fact used as a default, citing its source. */
  factDefault(id: string): number {
    const fact = model.requireFact(id);
    this.cited.add(fact.source);
    return fact.value;
  }

  /**
   * The parameter as an operand of a native formula: the argument (parenthesised unless atomic),
   * or `fallback` as a number when omitted. An argument from the sheet keeps the fallback for an
   * empty cell or spaces, as the function does.
   */
  operand(name: string, fallback: number | null = this.catalogDefault(name)): string {
    const arg = this.argument(name);
    switch (arg.kind) {
      case "omitted":
        if (fallback === null) throw new NotNative(`${name} is missing`);
        return operandNumber(fallback);
      case "constant":
        return operandNumber(requireNumber(arg.value, name));
      default:
        if (fallback !== null) return orDefault(arg.text, fallback);
        return arg.kind === "reference" || arg.atomic ? arg.text : `(${arg.text})`;
    }
  }

  /** A range (or array constant) argument, as written. */
  range(name: string): string {
    const arg = this.argument(name);
    if (arg.kind === "reference" || (arg.kind === "expression" && arg.text.startsWith("{"))) {
      return arg.text;
    }
    throw new NotNative(`its ${name} is not a range`);
  }

  private catalogDefault(name: string): number | null {
    const from = this.spec.parameters.find((parameter) => parameter.name === name)?.defaultFrom;
    return from === undefined ? null : this.factDefault(from);
  }
}

/**
 * `given`, or `fallback` where it is empty or only spaces: a cell, a name, a table column, or a
 * formula that returns one (INDEX, OFFSET, IF...), so every form gets the guard. TRIM(CLEAN())
 * drops spaces, tabs and line breaks (Excel 2010+, LibreOffice, HyperFormula).
 */
const orDefault = (given: string, fallback: number): string =>
  `IF(TRIM(CLEAN(${given}))="",${exactLiteral(fallback)},${given})`;

const operandNumber = (n: number): string => {
  const literal = exactLiteral(n);
  return n < 0 && !literal.startsWith("(") ? `(${literal})` : literal;
};

export type Rule =
  /** A native formula (without "=") over the call's operands. */
  | { kind: "formula"; native(call: Call): string }
  /**
   * Reference data: its value when every argument is a constant, from the same lookup the REE
   * function calls with the arguments in parameter order (model/lookupCalls.ts).
   */
  | {
      kind: "lookup";
      value(...args: unknown[]): number | string | boolean;
      cites(call: Call): Iterable<string>;
    }
  /** A spilled table: native formulas cell by cell when `cells` is given, else its values. */
  | {
      kind: "spill";
      cells?(call: Call, area: SpillArea): CellInput[][];
      cites(call: Call): Iterable<string>;
    };

const native = (build: (call: Call) => string): Rule => ({ kind: "formula", native: build });
const lookup = (
  value: (...args: never[]) => number | string | boolean,
  cites: (call: Call) => Iterable<string> = () => [],
): Rule => ({ kind: "lookup", value: value as (...args: unknown[]) => number | string, cites });

/** The fact a constant id argument names, if any: its source is what the figure cites. */
function factSource(call: Call, name: string): string[] {
  const id = call.constant(name);
  const fact = typeof id === "string" ? resolveFact(id) : undefined;
  return fact ? [fact.source] : typeof id === "string" ? [id] : [];
}

function tableSources(name: string): string[] {
  return [...new Set(tableByName(name)?.rows.map((row) => row.source) ?? [])];
}

function importRow(call: Call): model.ImportSource {
  const text = (name: string) => {
    const given = call.constant(name);
    return given === undefined ? undefined : String(given).trim();
  };
  const row = model.importShare(
    text("exporter") ?? "",
    text("importer") ?? model.DEFAULT_IMPORTER,
    text("product"),
  );
  call.cited.add(row.source);
  return row;
}

/** US DOJ/FTC 2010 bands, as model/concentration.ts reads them (a test keeps the two in step). */
const MODERATE_FROM = 1_500;
const HIGH_ABOVE = 2_500;

/** Header row as shown, then one row per year of the spill, each built from its row number. */
function spillRows(
  call: Call,
  area: SpillArea,
  width: number,
  row: (index: number, at: (column: number) => string) => CellInput[],
): CellInput[][] {
  const [header, ...body] = area.values;
  if (header.length !== width)
    throw new NotNative(`${call.spec.name} spills ${header.length} columns`);
  return [
    header.map((cell) => value(cell)),
    ...body.map((_, index) =>
      row(index, (column) =>
        cellAddress({ row: area.start.row + 1 + index, column: area.start.column + column }),
      ),
    ),
  ];
}

/** base x (1 + rate)^n, written plainly for n = 0. */
const grown = (base: string, rate: string, n: number): string =>
  n === 0 ? base : `${base}*(1+${rate})^${n}`;

/**
 * The metal fraction of the call's element as a native operand. For NdPr with an Nd2O3 share from
 * the sheet it is the model's weighting written out, with the assumed share for an empty cell; a
 * share given for Nd or Pr is an error in the function, so the cell keeps that error.
 */
function metalFraction(c: Call): string {
  const element = model.parseElement(String(c.constant("element")));
  if (c.omitted("nd2o3_share")) return exactLiteral(model.metalFraction(element));
  if (element !== "NdPr") throw new NotNative("nd2o3_share applies to NdPr only");
  const share = c.operand("nd2o3_share", model.ASSUMED_ND2O3_SHARE);
  const nd = exactLiteral(model.metalFraction("Nd"));
  const pr = exactLiteral(model.metalFraction("Pr"));
  return `(${share}*${nd}+(1-${share})*${pr})`;
}

export const NATIVE: Readonly<Record<string, Rule>> = {
  FACT: lookup(model.factCall, (call) => factSource(call, "id")),
  SOURCE: lookup(model.sourceCall, (call) => factSource(call, "id")),
  FACTS: {
    kind: "spill",
    cites: (call) => {
      const topic = call.constant("topic");
      return new Set(
        model
          .factsTable(topic === undefined ? undefined : String(topic))
          .slice(1)
          .map((row) => String(row[5])),
      );
    },
  },
  CLAIMS: {
    kind: "spill",
    cites: (call) => {
      const id = call.constant("id");
      const fact = typeof id === "string" ? resolveFact(id) : undefined;
      return new Set(
        model
          .claimsTable(fact?.metric ?? String(id))
          .slice(1)
          .map((row) => String(row[5])),
      );
    },
  },
  TABLE: { kind: "spill", cites: (call) => tableSources(String(call.constant("name") ?? "")) },
  SERIES: {
    kind: "spill",
    cites: (call) =>
      new Set(
        model.seriesPoints(String(call.constant("series") ?? "")).map((point) => point.source),
      ),
  },
  MAGNET_CAPACITY: native((c) => `${c.operand("oxide_t")}/${c.operand("oxide_per_magnet")}`),
  OXIDE_REQUIRED: native((c) => `${c.operand("magnet_t")}*${c.operand("oxide_per_magnet")}`),
  NDPR_GAP: native((c) => {
    const basis = c.constant("basis");
    const target = c.operand("target_magnet_t");
    const oxide = c.operand("domestic_oxide_t");
    const ratio = c.operand("oxide_per_magnet");
    return basis !== undefined && model.parseGapBasis(String(basis)) === "magnet"
      ? `${target}-${oxide}/${ratio}`
      : `${target}*${ratio}-${oxide}`;
  }),
  IMPORT_SHARE: lookup(model.importShareCall, (call) => [importRow(call).source]),
  IMPORT_VOLUME: native((c) => {
    const row = importRow(c);
    const total = IMPORT_TOTALS.find(
      (entry) =>
        model.sameName(entry.importer, row.importer) && model.sameName(entry.product, row.product),
    );
    return `${exactLiteral(row.share)}*${c.operand("total_t", total ? c.factDefault(total.fact) : null)}`;
  }),
  // Any text or boolean in the range is #VALUE!, as for REE.HHI: COUNTA counts every non-empty
  // cell, COUNT only the numbers (empty cells are skipped by both).
  HHI: native((c) => {
    const range = c.range("values");
    return `IF(COUNTA(${range})>COUNT(${range}),#VALUE!,SUMSQ(${range})/SUM(${range})^2*${model.HHI_MAX})`;
  }),
  CONCENTRATION: native((c) => {
    const hhi = c.operand("hhi");
    const band = (index: number) => quote(model.concentration(index));
    return `IF(${hhi}<${MODERATE_FROM},${band(0)},IF(${hhi}<=${HIGH_ABOVE},${band(HIGH_ABOVE)},${band(model.HHI_MAX)}))`;
  }),
  WORLD_SHARE: lookup(model.worldShareCall, () => tableSources("world_production")),
  SELF_SUFFICIENCY: native((c) => `${c.operand("domestic")}/${c.operand("demand")}`),
  IMPORT_RELIANCE: native((c) => {
    const [imports, exports] = [c.operand("imports"), c.operand("exports")];
    return `(${imports}-${exports})/(${c.operand("production")}+${imports}-${exports})`;
  }),
  RESERVE_LIFE: native((c) => `${c.operand("reserves_t")}/${c.operand("production_t")}`),
  CAGR: native((c) => `(${c.operand("end")}/${c.operand("start")})^(1/${c.operand("years")})-1`),
  PROJECT: {
    kind: "spill",
    cites: () => [],
    cells: (c, area) => {
      const [base, rate] = [c.operand("base"), c.operand("rate")];
      return spillRows(c, area, 2, (n) => [value(n), formula(`=${grown(base, rate, n)}`)]);
    },
  },
  EV_DEMAND: native(
    (c) => `${c.operand("vehicles")}*${c.operand("kg_per_vehicle")}/${model.KG_PER_TONNE}`,
  ),
  RECYCLED_SUPPLY: native((c) => `${c.operand("demand_t")}*${c.operand("share")}`),
  SUPPLY_BALANCE: {
    kind: "spill",
    cites: () => [],
    cells: (c, area) => {
      const demand = c.operand("demand");
      const growth = c.operand("growth");
      const domestic = c.operand("domestic");
      const start = c.omitted("start_year") ? null : c.operand("start_year");
      const domesticGrowth = c.omitted("domestic_growth") ? null : c.operand("domestic_growth");
      const recycling = c.omitted("recycling_share") ? null : c.operand("recycling_share");
      return spillRows(c, area, model.BALANCE_HEADER.length, (i, at) => {
        const [demandAt, domesticAt, recycledAt] = [at(1), at(2), at(3)];
        return [
          start === null ? value(i) : formula(i === 0 ? `=${start}` : `=${start}+${i}`),
          formula(`=${grown(demand, growth, i)}`),
          formula(`=${domesticGrowth === null ? domestic : grown(domestic, domesticGrowth, i)}`),
          recycling === null ? value(0) : formula(`=${demandAt}*${recycling}`),
          formula(`=MAX(0,${demandAt}-${domesticAt}-${recycledAt})`),
          formula(`=(${domesticAt}+${recycledAt})/${demandAt}`),
        ];
      });
    },
  },
  STOCKPILE_DAYS: native(
    (c) => `${c.operand("stock_t")}/${c.operand("annual_use_t")}*${model.DAYS_PER_YEAR}`,
  ),
  CRORE_TO_USD: native(
    (c) =>
      `${c.operand("inr_crore")}*${model.INR_PER_CRORE}/${c.operand("inr_per_usd")}/${model.USD_PER_MILLION}`,
  ),
  USD_TO_CRORE: native(
    (c) =>
      `${c.operand("usd_million")}*${model.USD_PER_MILLION}*${c.operand("inr_per_usd")}/${model.INR_PER_CRORE}`,
  ),
  OXIDE_TO_METAL: native((c) => `${c.operand("oxide_t")}*${metalFraction(c)}`),
  METAL_TO_OXIDE: native((c) => `${c.operand("metal_t")}/${metalFraction(c)}`),
  DATA_VERSION: lookup(model.dataVersion),
  // The figure a scenario names is reference data: its value, citing the fact's source.
  SCENARIO: lookup(model.scenarioCall, (call) => {
    const [input, scenario] = [call.constant("input"), call.constant("scenario")];
    const figure = model.scenarioFigure(String(input ?? ""), String(scenario ?? "preferred"));
    return figure ? [figure.fact.source] : [];
  }),
};
