/**
 * Scenarios and sensitivity over the model's inputs. Each input is a default of the data set
 * (defaults.ts); its claims (one per source, sharing a metric key) and the ranges they state give
 * the Preferred, Low and High scenarios and one scenario per source. Results are the supply
 * formulas of gap.ts, conversions.ts, trade.ts and balance.ts over those inputs. Excel's Data
 * Tables and Goal Seek do not work over custom functions; these do the same work in plain cells.
 */
import { claimsForMetric, comparableBasis, resolveFact, type Fact } from "../data";
import { reserveLife } from "./balance";
import { magnetCapacity } from "./conversions";
import { DEFAULT_FACTS, requireFact, type DefaultName } from "./defaults";
import { naError, numError } from "./errors";
import { ndprGap } from "./gap";
import { didYouMean, normalizeName } from "./names";
import { importVolume, selfSufficiency } from "./trade";

export type InputName =
  | "magnet_target"
  | "domestic_oxide"
  | "oxide_per_magnet"
  | "magnet_imports"
  | "china_share"
  | "reserves"
  | "production";

export interface ScenarioInput {
  name: InputName;
  label: string;
  /** The model default this input is (defaults.ts), so the figure has one source of truth. */
  defaultName: DefaultName;
}

/** The inputs the scenario results read, in the order a block lists them. */
export const SCENARIO_INPUTS: readonly ScenarioInput[] = [
  { name: "magnet_target", label: "Target magnet output", defaultName: "magnetTarget" },
  { name: "domestic_oxide", label: "Domestic NdPr oxide output", defaultName: "domesticOxide" },
  {
    name: "oxide_per_magnet",
    label: "NdPr oxide per tonne of magnet",
    defaultName: "oxidePerMagnet",
  },
  { name: "magnet_imports", label: "India's magnet imports, FY25", defaultName: "magnetImports" },
  {
    name: "china_share",
    label: "China's share of India's magnet imports",
    defaultName: "chinaMagnetShare",
  },
  { name: "reserves", label: "India's rare earth reserves", defaultName: "reserves" },
  {
    name: "production",
    label: "India's rare earth mine production, 2024",
    defaultName: "production",
  },
];

/** A scenario value and the fact it comes from; `bound` says which field of the fact it is. */
export interface Sourced {
  value: number;
  fact: Fact;
  bound: "value" | "low" | "high";
}

export interface InputScenarios {
  input: ScenarioInput;
  preferred: Sourced;
  low: Sourced;
  high: Sourced;
  /** Each source's own claim, by source id (only sources that state this input). */
  bySource: ReadonlyMap<string, Sourced>;
  /** True when the sources' figures (and ranges) span more than one value. */
  ranged: boolean;
}

const INPUT_BY_NAME = new Map(SCENARIO_INPUTS.map((input) => [normalizeName(input.name), input]));

export function scenarioInput(name: string): ScenarioInput {
  const input = INPUT_BY_NAME.get(normalizeName(name));
  if (input) return input;
  const names = SCENARIO_INPUTS.map((candidate) => candidate.name);
  throw naError(
    `Unknown input "${name}": use one of ${names.join(", ")}.${didYouMean(name, names)}`,
  );
}

/** Most precise statement first, as the preferred rule ranks them. */
const PRECISION = ["exact", "approx", "range", "over", "under"];

function bounds(fact: Fact): Sourced[] {
  const at = (bound: Sourced["bound"], value: number | null | undefined): Sourced[] =>
    value === null || value === undefined ? [] : [{ value, fact, bound }];
  return [...at("value", fact.value), ...at("low", fact.low), ...at("high", fact.high)];
}

/**
 * The claims that bound an input: every claim of its metric that counts the same thing the same
 * way as the preferred one, and the figures in the same unit that the preferred claim itself names
 * as related (IREL's 400-500 t/yr of Nd capacity beside 400 t/yr of NdPr oxide), whose notes say
 * what they count. Figures that only point at it (China's share a decade earlier) are history, not
 * a range.
 */
function rangeFacts(preferred: Fact): Fact[] {
  const claims = claimsForMetric(preferred.metric).filter((claim) =>
    comparableBasis(claim, preferred),
  );
  const related = (preferred.related ?? [])
    .flatMap((name) => resolveFact(name) ?? [])
    .filter((fact) => fact.unit === preferred.unit);
  return [...claims, ...related];
}

const scenariosCache = new Map<InputName, InputScenarios>();

/** Preferred, Low, High and per-source values of one input, each with the fact it comes from. */
export function inputScenarios(name: string): InputScenarios {
  const input = scenarioInput(name);
  const cached = scenariosCache.get(input.name);
  if (cached) return cached;
  const fact = requireFact(DEFAULT_FACTS[input.defaultName]);
  const preferred: Sourced = { value: fact.value, fact, bound: "value" };
  // Ties keep the preferred claim, so a bound cites it rather than a related figure.
  const candidates = [preferred, ...rangeFacts(fact).flatMap(bounds)];
  const low = candidates.reduce((best, next) => (next.value < best.value ? next : best));
  const high = candidates.reduce((best, next) => (next.value > best.value ? next : best));
  const bySource = new Map<string, Sourced>();
  const claims = claimsForMetric(fact.metric).filter((claim) => comparableBasis(claim, fact));
  for (const claim of [...claims].sort(
    (a, b) =>
      Number(b.id === fact.id) - Number(a.id === fact.id) ||
      PRECISION.indexOf(a.qualifier) - PRECISION.indexOf(b.qualifier),
  )) {
    if (!bySource.has(claim.source))
      bySource.set(claim.source, { value: claim.value, fact: claim, bound: "value" });
  }
  const result = { input, preferred, low, high, bySource, ranged: low.value !== high.value };
  scenariosCache.set(input.name, result);
  return result;
}

export type ScenarioKind = "preferred" | "low" | "high" | "source";

export interface ScenarioColumn {
  /** What REE.SCENARIO takes: "preferred", "low", "high" or a source id. */
  name: string;
  kind: ScenarioKind;
}

/**
 * The scenarios a block shows: Preferred, Low, High, then one per source whose figure for some
 * input differs from the preferred one (a source that agrees everywhere adds nothing).
 */
export function scenarioColumns(): ScenarioColumn[] {
  const sources = new Set<string>();
  for (const input of SCENARIO_INPUTS) {
    const scenarios = inputScenarios(input.name);
    for (const [source, claim] of scenarios.bySource)
      if (claim.value !== scenarios.preferred.value) sources.add(source);
  }
  return [
    { name: "preferred", kind: "preferred" },
    { name: "low", kind: "low" },
    { name: "high", kind: "high" },
    ...[...sources].sort().map((name) => ({ name, kind: "source" as const })),
  ];
}

/** Every source that states some input, sorted: the source scenarios REE.SCENARIO takes. */
function sourceIds(): string[] {
  const ids = SCENARIO_INPUTS.flatMap((input) => [...inputScenarios(input.name).bySource.keys()]);
  return [...new Set(ids)].sort();
}

/** A scenario name as typed: "preferred", "low", "high" or a source id (any case, spaces). */
function scenarioKey(scenario: string): string {
  const key = normalizeName(scenario);
  if (key === "preferred" || key === "low" || key === "high") return key;
  const source = sourceIds().find((id) => normalizeName(id) === key);
  if (source) return source;
  const names = ["preferred", "low", "high", ...sourceIds()];
  throw naError(
    `Unknown scenario "${scenario}": use one of ${names.join(", ")}.${didYouMean(scenario, names)}`,
  );
}

/** An input's value under a scenario; undefined when a source scenario's article does not give it. */
export function scenarioFigure(input: string, scenario: string): Sourced | undefined {
  const scenarios = inputScenarios(input);
  const key = scenarioKey(scenario);
  if (key === "preferred" || key === "low" || key === "high") return scenarios[key];
  return scenarios.bySource.get(key);
}

/** REE.SCENARIO: a number, or #N/A naming what the source does cover. */
export function scenarioValue(input: string, scenario: string): number {
  const figure = scenarioFigure(input, scenario);
  if (figure) return figure.value;
  const source = scenarioKey(scenario);
  const covered = SCENARIO_INPUTS.filter((other) =>
    inputScenarios(other.name).bySource.has(source),
  ).map((other) => other.name);
  throw naError(
    `Source "${source}" gives no figure for ${scenarioInput(input).name}; it covers ${covered.join(", ")}. Use "preferred" for the data set's figure.`,
  );
}

export type InputValues = Readonly<Record<InputName, number>>;

/** Every input's value under a scenario; inputs a source does not cover keep the preferred value. */
export function scenarioValues(scenario = "preferred"): InputValues {
  return Object.fromEntries(
    SCENARIO_INPUTS.map((input) => [
      input.name,
      (scenarioFigure(input.name, scenario) ?? inputScenarios(input.name).preferred).value,
    ]),
  ) as Record<InputName, number>;
}

export type ResultName =
  "oxide_gap" | "magnet_gap" | "self_sufficiency" | "china_imports" | "reserve_life";

export interface ScenarioResult {
  name: ResultName;
  label: string;
  unit: string;
  /** The inputs it reads. */
  inputs: readonly InputName[];
  /** Inputs it is linear in (affine), so a break-even is a closed form; others need bisection. */
  linearIn: readonly InputName[];
  compute(values: InputValues): number;
}

export const SCENARIO_RESULTS: readonly ScenarioResult[] = [
  {
    name: "oxide_gap",
    label: "NdPr oxide gap (shortfall +, surplus -)",
    unit: "t/yr NdPr oxide",
    inputs: ["magnet_target", "domestic_oxide", "oxide_per_magnet"],
    linearIn: ["magnet_target", "domestic_oxide", "oxide_per_magnet"],
    compute: (v) =>
      ndprGap({
        targetMagnetT: v.magnet_target,
        domesticOxideT: v.domestic_oxide,
        oxidePerMagnet: v.oxide_per_magnet,
        basis: "oxide",
      }),
  },
  {
    name: "magnet_gap",
    label: "Magnet gap",
    unit: "t/yr magnets",
    inputs: ["magnet_target", "domestic_oxide", "oxide_per_magnet"],
    linearIn: ["magnet_target", "domestic_oxide"],
    compute: (v) =>
      ndprGap({
        targetMagnetT: v.magnet_target,
        domesticOxideT: v.domestic_oxide,
        oxidePerMagnet: v.oxide_per_magnet,
        basis: "magnet",
      }),
  },
  {
    name: "self_sufficiency",
    label: "Self-sufficiency in magnets",
    unit: "%",
    inputs: ["magnet_target", "domestic_oxide", "oxide_per_magnet"],
    linearIn: ["domestic_oxide"],
    compute: (v) =>
      selfSufficiency(magnetCapacity(v.domestic_oxide, v.oxide_per_magnet), v.magnet_target),
  },
  {
    name: "china_imports",
    label: "Magnet imports from China",
    unit: "t magnets",
    inputs: ["china_share", "magnet_imports"],
    linearIn: ["china_share", "magnet_imports"],
    compute: (v) => importVolume(v.china_share, v.magnet_imports),
  },
  {
    name: "reserve_life",
    label: "Reserve life at 2024 mine production",
    unit: "years",
    inputs: ["reserves", "production"],
    linearIn: ["reserves"],
    compute: (v) => reserveLife(v.reserves, v.production),
  },
];

const RESULT_BY_NAME = new Map(
  SCENARIO_RESULTS.map((result) => [normalizeName(result.name), result]),
);

export function scenarioResult(name: string): ScenarioResult {
  const result = RESULT_BY_NAME.get(normalizeName(name));
  if (result) return result;
  const names = SCENARIO_RESULTS.map((candidate) => candidate.name);
  throw naError(
    `Unknown result "${name}": use one of ${names.join(", ")}.${didYouMean(name, names)}`,
  );
}

export interface TornadoBar {
  input: InputName;
  low: Sourced;
  high: Sourced;
  resultAtLow: number;
  resultAtHigh: number;
  /** |result at high - result at low|: what the bars are ordered by. */
  swing: number;
}

/**
 * One bar per ranged input the result reads: the result with that input at its Low and at its
 * High, every other input preferred. Widest swing first (ties in input order), as a tornado reads.
 */
export function tornado(resultName: string): TornadoBar[] {
  const result = scenarioResult(resultName);
  const base = scenarioValues("preferred");
  return result.inputs
    .map((name) => inputScenarios(name))
    .filter((scenarios) => scenarios.ranged)
    .map(({ input, low, high }) => {
      const resultAtLow = result.compute({ ...base, [input.name]: low.value });
      const resultAtHigh = result.compute({ ...base, [input.name]: high.value });
      return {
        input: input.name,
        low,
        high,
        resultAtLow,
        resultAtHigh,
        swing: Math.abs(resultAtHigh - resultAtLow),
      };
    })
    .sort((a, b) => b.swing - a.swing);
}

export type BreakEvenMethod = "closed form" | "bisection";

export interface BreakEven {
  value: number;
  method: BreakEvenMethod;
  /** The method in words, for the cell's note. */
  detail: string;
}

/** Bisection stops when the bracket is this small relative to the answer, or after this many halvings. */
const BISECTION_TOLERANCE = 1e-12;
const BISECTION_STEPS = 200;

/**
 * The input value that brings a result to `target`, other inputs as given. Where the result is
 * linear in the input, two evaluations fix the line and the answer is exact (closed form); else a
 * bisection between `bounds` (default: 1/1,000 to 1,000 times the input's value), which must
 * bracket the target.
 */
export function breakEven(
  resultName: string,
  inputName: string,
  target: number,
  values: InputValues = scenarioValues("preferred"),
  bounds?: { low: number; high: number },
): BreakEven {
  const result = scenarioResult(resultName);
  const input = scenarioInput(inputName).name;
  if (!result.inputs.includes(input))
    throw naError(
      `${result.name} does not depend on ${input}: use one of ${result.inputs.join(", ")}.`,
    );
  const at = (x: number) => result.compute({ ...values, [input]: x });
  if (result.linearIn.includes(input)) {
    const [x0, x1] = [values[input], values[input] === 0 ? 1 : 2 * values[input]];
    const [y0, y1] = [at(x0), at(x1)];
    if (y1 === y0) throw numError(`${result.name} does not change with ${input}.`);
    const value = x0 + ((target - y0) * (x1 - x0)) / (y1 - y0);
    return {
      value,
      method: "closed form",
      detail: `Closed form: ${result.name} is linear in ${input}, so ${input} = x0 + (target - result(x0)) x (x1 - x0) / (result(x1) - result(x0)), exact.`,
    };
  }
  const scale = values[input] === 0 ? 1 : Math.abs(values[input]);
  let [lo, hi] = bounds ? [bounds.low, bounds.high] : [scale / 1000, scale * 1000];
  let fLo = at(lo) - target;
  const fHi = at(hi) - target;
  if (fLo === 0) return bisected(lo, lo, hi);
  if (fHi === 0) return bisected(hi, lo, hi);
  if (Math.sign(fLo) === Math.sign(fHi)) {
    throw numError(
      `No ${input} between ${lo} and ${hi} brings ${result.name} to ${target} (it runs from ${at(lo)} to ${at(hi)}).`,
    );
  }
  const [from, to] = [lo, hi];
  for (
    let step = 0;
    step < BISECTION_STEPS && hi - lo > BISECTION_TOLERANCE * Math.abs(hi);
    step++
  ) {
    const mid = (lo + hi) / 2;
    const fMid = at(mid) - target;
    if (fMid === 0) return bisected(mid, from, to);
    if (Math.sign(fMid) === Math.sign(fLo)) [lo, fLo] = [mid, fMid];
    else hi = mid;
  }
  return bisected((lo + hi) / 2, from, to);

  function bisected(value: number, from: number, to: number): BreakEven {
    return {
      value,
      method: "bisection",
      detail: `Bounded bisection: ${result.name} is not linear in ${input}; halving [${from}, ${to}] until the bracket is within ${BISECTION_TOLERANCE} of the answer. A value, not a formula: insert again after editing inputs.`,
    };
  }
}
