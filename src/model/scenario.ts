/**
 * Scenarios over the model's inputs. Each input is a default of the data set (defaults.ts); its
 * claims (one per source, sharing a metric key) and the ranges they state give the Preferred, Low
 * and High scenarios and one scenario per source. REE.SCENARIO reads them; the results over them,
 * the tornado and the break-even are in sensitivity.ts, which only the workbook's inserts need.
 */
import { claimsForMetric, comparableBasis, resolveFact, type Fact } from "../data";
import { DEFAULT_FACTS, requireFact, type DefaultName } from "./defaults";
import { naError } from "./errors";
import { itemParser } from "./names";

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

export const scenarioInput = itemParser("input", SCENARIO_INPUTS, (input) => input.name);

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
    scenarios.bySource.forEach((claim, source) => {
      if (claim.value !== scenarios.preferred.value) sources.add(source);
    });
  }
  return [
    { name: "preferred", kind: "preferred" },
    { name: "low", kind: "low" },
    { name: "high", kind: "high" },
    ...Array.from(sources)
      .sort()
      .map((name) => ({ name, kind: "source" as const })),
  ];
}

/** Every source that states some input, sorted: the source scenarios REE.SCENARIO takes. */
function sourceIds(): string[] {
  const ids = SCENARIO_INPUTS.flatMap((input) =>
    Array.from(inputScenarios(input.name).bySource.keys()),
  );
  return Array.from(new Set(ids)).sort();
}

let scenarioParser: ((typed: string) => string) | undefined;

/** A scenario name as typed: "preferred", "low", "high" or a source id (any case, spaces). */
function scenarioKey(scenario: string): string {
  // Built once: each call then reads the typed text once, however long it is.
  scenarioParser ??= itemParser(
    "scenario",
    ["preferred", "low", "high", ...sourceIds()],
    (name) => name,
  );
  return scenarioParser(scenario);
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
