import {
  SCENARIO_INPUTS,
  inputScenarios,
  scenarioColumns,
  scenarioValue,
  scenarioValues,
} from "../../src/model/scenario";
import { SCENARIO_RESULTS, breakEven, scenarioResult, tornado } from "../../src/model/sensitivity";
import { expectKind } from "./helpers";

// The sources' figures these tests work from (evidence in the data set):
//   target 6,000 t/yr magnets (four articles agree); NdPr oxide 400 t/yr (repm_scheme), which names
//   IREL's "approximately 400-500" t/yr of Nd capacity (Discovery Alert) as related; 1/3 t oxide per
//   t magnet (derived: 400 t oxide -> 1,200 t magnets); FY25 imports "over 53,000 t" (repm_scheme)
//   and 53,700 t (Indian Express); China's share 84% (repm_scheme), 93% (Indian Express), "over
//   80%" (Moneycontrol); reserves 6.9 Mt (two articles); 2,900 t mined in 2024.

describe("scenario values of each input", () => {
  it("gives Preferred, Low and High with the fact each comes from", () => {
    const oxide = inputScenarios("domestic_oxide");
    expect([oxide.preferred.value, oxide.low.value, oxide.high.value]).toEqual([400, 400, 500]);
    expect(oxide.high.fact.id).toBe("irel.nd_capacity_t");
    expect(oxide.high.bound).toBe("high");
    const share = inputScenarios("china_share");
    expect([share.preferred.value, share.low.value, share.high.value]).toEqual([0.93, 0.8, 0.93]);
    expect(share.low.fact.source).toBe("moneycontrol_dependence");
    const imports = inputScenarios("magnet_imports");
    expect([imports.low.value, imports.high.value]).toEqual([53_000, 53_700]);
  });

  it("keeps history out of a range: China's 73-75% a decade earlier is no bound", () => {
    expect(inputScenarios("china_share").low.value).toBe(0.8);
  });

  it("marks only inputs whose sources differ as ranged", () => {
    const ranged = SCENARIO_INPUTS.filter((input) => inputScenarios(input.name).ranged);
    expect(ranged.map((input) => input.name)).toEqual([
      "domestic_oxide",
      "magnet_imports",
      "china_share",
    ]);
  });

  it("has a column per source that differs from the preferred figure somewhere", () => {
    expect(scenarioColumns().map((column) => column.name)).toEqual([
      "preferred",
      "low",
      "high",
      "moneycontrol_dependence",
      "repm_scheme",
    ]);
  });

  it("REE.SCENARIO's lookup: names any case, sources by id, clear #N/A otherwise", () => {
    expect(scenarioValue(" Domestic_Oxide ", "HIGH")).toBe(500);
    expect(scenarioValue("china_share", "repm_scheme")).toBe(0.84);
    expect(scenarioValue("magnet_imports", "repm_scheme")).toBe(53_000);
    expectKind(() => scenarioValue("domestic_oxde", "low"), "na", /Did you mean "domestic_oxide"/);
    expectKind(() => scenarioValue("domestic_oxide", "lowest"), "na", /preferred, low, high/);
    expectKind(
      () => scenarioValue("domestic_oxide", "moneycontrol_dependence"),
      "na",
      /gives no figure for domestic_oxide; it covers china_share/,
    );
    expectKind(() => scenarioValue("constructor", "low"), "na", /Unknown input/);
  });

  it("a source scenario keeps the preferred figure for inputs its article lacks", () => {
    const values = scenarioValues("moneycontrol_dependence");
    expect(values.china_share).toBe(0.8);
    expect(values.domestic_oxide).toBe(400);
  });
});

describe("results under Low and High of every ranged input (others preferred)", () => {
  const gap = scenarioResult("oxide_gap");
  const at = (name: string, input: string, scenario: "low" | "high") =>
    scenarioResult(name).compute({
      ...scenarioValues(),
      [input]: inputScenarios(input)[scenario].value,
    });

  it("NdPr oxide gap: 6,000 x 1/3 - 400 = 1,600; with 500 t, 2,000 - 500 = 1,500", () => {
    expect(gap.compute(scenarioValues())).toBeCloseTo(1600, 9);
    expect(at("oxide_gap", "domestic_oxide", "low")).toBeCloseTo(1600, 9);
    expect(at("oxide_gap", "domestic_oxide", "high")).toBeCloseTo(1500, 9);
    // Imports and China's share do not enter the gap: 1,600 either way.
    for (const input of ["magnet_imports", "china_share"])
      for (const scenario of ["low", "high"] as const)
        expect(at("oxide_gap", input, scenario)).toBeCloseTo(1600, 9);
  });

  it("self-sufficiency: 400 x 3 / 6,000 = 0.2; 500 x 3 / 6,000 = 0.25", () => {
    expect(at("self_sufficiency", "domestic_oxide", "low")).toBeCloseTo(0.2, 12);
    expect(at("self_sufficiency", "domestic_oxide", "high")).toBeCloseTo(0.25, 12);
  });

  it("imports from China: 0.8 x 53,700 = 42,960 to 0.93 x 53,700 = 49,941; 0.93 x 53,000 = 49,290", () => {
    expect(at("china_imports", "china_share", "low")).toBeCloseTo(42_960, 6);
    expect(at("china_imports", "china_share", "high")).toBeCloseTo(49_941, 6);
    expect(at("china_imports", "magnet_imports", "low")).toBeCloseTo(49_290, 6);
    expect(at("china_imports", "magnet_imports", "high")).toBeCloseTo(49_941, 6);
  });
});

describe("tornado", () => {
  it("orders bars by swing: China's share (6,981 t) before imports (651 t)", () => {
    const bars = tornado("china_imports");
    expect(bars.map((bar) => bar.input)).toEqual(["china_share", "magnet_imports"]);
    // 49,941 - 42,960 = 6,981; 49,941 - 49,290 = 651
    expect(bars[0].swing).toBeCloseTo(6981, 6);
    expect(bars[1].swing).toBeCloseTo(651, 6);
  });

  it("the gap swings only with domestic oxide: 1,600 to 1,500", () => {
    const [bar, ...rest] = tornado("oxide_gap");
    expect(rest).toEqual([]);
    expect([bar.input, bar.resultAtLow, bar.resultAtHigh]).toEqual(["domestic_oxide", 1600, 1500]);
  });

  it("every result has a tornado (empty where no input it reads is ranged)", () => {
    for (const result of SCENARIO_RESULTS) expect(Array.isArray(tornado(result.name))).toBe(true);
    expect(tornado("reserve_life")).toEqual([]);
  });
});

describe("break-even", () => {
  it("the oxide that closes the gap at 6,000 t and 1/3: 6,000 / 3 = 2,000 t, closed form", () => {
    const solved = breakEven("oxide_gap", "domestic_oxide", 0);
    expect(solved.method).toBe("closed form");
    expect(solved.value).toBeCloseTo(2000, 9);
  });

  it("the target 400 t of oxide fully supplies: 400 x 3 = 1,200 t, by bisection (1/target)", () => {
    const solved = breakEven("self_sufficiency", "magnet_target", 1);
    expect(solved.method).toBe("bisection");
    expect(solved.value).toBeCloseTo(1200, 6);
    expect(solved.detail).toMatch(/Bounded bisection/);
  });

  it("a target outside the bounds is #NUM!, an unrelated input #N/A", () => {
    expectKind(
      () => breakEven("self_sufficiency", "magnet_target", 1, undefined, { low: 2000, high: 9000 }),
      "num",
      /No magnet_target between 2000 and 9000/,
    );
    expectKind(() => breakEven("oxide_gap", "reserves", 0), "na", /does not depend on reserves/);
  });
});
