import {
  croreToUsd,
  evDemand,
  magnetCapacity,
  metalFraction,
  metalToOxide,
  oxideRequired,
  oxideToMetal,
  parseElement,
  usdToCrore,
} from "../../src/model/conversions";
import { expectKind } from "./helpers";

// The articles: 400 t/yr of NdPr oxide "supports only 1,200 MT/year of magnet production".
const ratio = 400 / 1200;

describe("NdPr oxide and magnets", () => {
  it("400 t of oxide supports 1,200 t of magnets", () => {
    expect(magnetCapacity(400, ratio)).toBeCloseTo(1200, 9); // 400 / (1/3)
  });
  it("6,000 t of magnets need 2,000 t of oxide", () => {
    expect(oxideRequired(6000, ratio)).toBeCloseTo(2000, 9); // 6000 x 1/3
  });
  it("rejects negative tonnes (#NUM!) and a zero ratio (#DIV/0!)", () => {
    expectKind(() => magnetCapacity(-5, ratio), "num", /oxide_t must be zero or more t \(got -5\)/);
    expectKind(() => magnetCapacity(400, 0), "div0", /oxide_per_magnet is zero/);
    expectKind(() => oxideRequired(100, -1), "num", /oxide_per_magnet must be more than zero/);
  });
});

describe("rupees and dollars", () => {
  // Policy Circle: "₹ 1,345 crore (US $155 million)" -> 1345e7 / 155e6 = 86.774 INR per USD.
  const implied = 1345e7 / 155e6;
  it("INR 1,345 crore is USD 155 million at the implied rate, and back", () => {
    expect(croreToUsd(1345, implied)).toBeCloseTo(155, 9);
    expect(usdToCrore(155, implied)).toBeCloseTo(1345, 9);
  });
  it("at 80 INR/USD, 1,345 crore = 13,450,000,000 / 80 / 1e6 = 168.125 million", () => {
    expect(croreToUsd(1345, 80)).toBeCloseTo(168.125, 9);
  });
  it("a zero rate is #DIV/0!", () => expectKind(() => croreToUsd(1, 0), "div0"));
});

describe("EV demand", () => {
  it("a million EVs at 1.5 kg each hold 1,500 t", () => {
    expect(evDemand(1_000_000, 1.5)).toBe(1500); // 1e6 x 1.5 / 1000
  });
  it("negative vehicles are #NUM!", () => expectKind(() => evDemand(-1, 1.5), "num", /vehicles/));
});

describe("oxide and metal (IUPAC 2021 atomic weights Nd 144.242, Pr 140.90766, O 15.999)", () => {
  it("Nd2O3 is 2 x 144.242 / (2 x 144.242 + 3 x 15.999) = 288.484 / 336.481 = 0.85736 Nd", () => {
    expect(metalFraction("Nd")).toBeCloseTo(0.857356, 6);
    expect(oxideToMetal(400, "Nd")).toBeCloseTo(342.942, 3);
  });
  it("Pr6O11 is 6 x 140.90766 / (845.44596 + 175.989) = 845.44596 / 1021.43496 = 0.827704 Pr", () => {
    expect(metalFraction("Pr")).toBeCloseTo(0.827704, 6);
    expect(metalToOxide(100, "Pr")).toBeCloseTo(120.8161, 4); // 100 / 0.827704
  });
  it("reads element names and oxide formulas; unknown elements are #N/A", () => {
    expect(parseElement(" neodymium ")).toBe("Nd");
    expect(parseElement("PR6O11")).toBe("Pr");
    expectKind(() => parseElement("NdFe"), "na", /"NdPr" \(didymium oxide, by default 75% Nd2O3/);
    expectKind(() => parseElement("constructor"), "na", /Use "Nd".*"Pr".*"NdPr"/);
    expectKind(() => parseElement("toString"), "na");
  });
});

describe("NdPr (didymium) oxide, by default 75% Nd2O3 and 25% Pr6O11 by mass (an assumption)", () => {
  // Metal fractions above: Nd in Nd2O3 288.484 / 336.481 = 0.857355987; Pr in Pr6O11
  // 845.44596 / 1021.43496 = 0.827704155.
  it("400 t of NdPr oxide holds 0.75 x 0.857355987 + 0.25 x 0.827704155 = 0.849943029 metal: 339.977 t", () => {
    expect(parseElement("NdPr")).toBe("NdPr");
    expect(parseElement(" didymium ")).toBe("NdPr");
    expect(parseElement("Nd-Pr")).toBe("NdPr");
    expect(parseElement("PrNd oxide")).toBe("NdPr");
    expect(metalFraction("NdPr")).toBeCloseTo(0.849943029, 9);
    expect(oxideToMetal(400, "NdPr")).toBeCloseTo(339.977212, 6); // 400 x 0.849943029
    expect(metalToOxide(100, "NdPr")).toBeCloseTo(117.654945, 6); // 100 / 0.849943029
  });
  it("another split: 80:20 gives 0.8 x 0.857355987 + 0.2 x 0.827704155 = 0.851425621, 340.570 t", () => {
    expect(oxideToMetal(400, "NdPr", 0.8)).toBeCloseTo(340.570248, 6);
    expect(oxideToMetal(400, "NdPr", 1)).toBeCloseTo(oxideToMetal(400, "Nd"), 12);
    expect(oxideToMetal(400, "NdPr", 0)).toBeCloseTo(oxideToMetal(400, "Pr"), 12);
  });
  it("a split outside 0-1 is #NUM!; a split for Nd or Pr alone is #VALUE!", () => {
    expectKind(() => oxideToMetal(400, "NdPr", 75), "num", /nd2o3_share must be a share/);
    expectKind(() => metalToOxide(100, "Nd", 0.75), "value", /NdPr oxide only/);
  });
});
