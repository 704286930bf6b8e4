/**
 * Sensitivity over the scenario inputs (scenario.ts): the results the workbook's blocks compute,
 * the supply formulas of gap.ts, conversions.ts, trade.ts and balance.ts over those inputs; the
 * tornado and the break-even. Excel's Data Tables and Goal Seek do not work over custom
 * functions; these do the same work in plain cells. Kept apart from scenario.ts so REE.SCENARIO
 * does not carry them into functions.js.
 */
import { reserveLife } from "./balance";
import { magnetCapacity } from "./conversions";
import { naError, numError } from "./errors";
import { ndprGap } from "./gap";
import { itemParser } from "./names";
import {
  inputScenarios,
  scenarioInput,
  scenarioValues,
  type InputName,
  type InputValues,
  type Sourced,
} from "./scenario";
import { importVolume, selfSufficiency } from "./trade";

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

export const scenarioResult = itemParser("result", SCENARIO_RESULTS, (result) => result.name);

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
