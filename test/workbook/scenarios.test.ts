/**
 * The scenario block, sensitivity grid, tornado and break-even inserted into the HyperFormula
 * preview (REE functions registered) and read back. Expected values are worked by hand from the
 * sources: target 6,000 t/yr, oxide 400 t/yr (IREL's related Nd capacity 400-500), 1/3 t oxide per
 * t magnet, FY25 imports 53,700 t (Indian Express) or "over 53,000" (repm_scheme), China's share
 * 93% (Indian Express), 84% (repm_scheme), "over 80%" (Moneycontrol).
 */
import { createPreviewWorkbook, type PreviewSheet } from "../../src/preview/workbook";
import { parseRange } from "../../src/workbook/address";
import { DEFAULT_BREAK_EVEN, breakEvenSize, planBreakEven } from "../../src/workbook/breakEven";
import {
  planScenarioBlock,
  resultFormula,
  scenarioBlockSize,
} from "../../src/workbook/scenarioBlock";
import { planTornado, tornadoSize } from "../../src/workbook/tornado";
import {
  insertBreakEven,
  insertScenarioBlock,
  insertSensitivityGrid,
  insertTornado,
} from "../../src/workbook/actions";
import { FORMAT, INTERNATIONAL, indianGrouping, presentFormat } from "../../src/model/formats";
import { formatCellValue } from "../../src/preview/cellFormat";
import {
  DEFAULT_GRID,
  axisValues,
  planSensitivityGrid,
  sensitivityGridSize,
} from "../../src/workbook/sensitivityGrid";
import { selectionSnapshot } from "../support/snapshot";

const INDIAN = { indian: true };
const onNewSheet = { placement: "new-sheet" as const, presentation: INTERNATIONAL };

function sheetNamed(book: ReturnType<typeof createPreviewWorkbook>, name: string): PreviewSheet {
  const found = book.sheets().find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The row whose column A reads `label`, as an array of cells. */
const rowLabelled = (s: PreviewSheet, label: string) =>
  s.cells.find((row) => row[0]?.value === label) ?? [];

describe("scenario block", () => {
  const book = createPreviewWorkbook();
  let s: PreviewSheet;
  beforeAll(async () => {
    expect((await insertScenarioBlock(book.port, onNewSheet)).status).toBe("inserted");
    s = sheetNamed(book, "Scenarios");
  });

  it("has Preferred, Low, High and the differing sources as columns", () => {
    const header = rowLabelled(s, "Input").map((c) => c?.value);
    expect(header).toEqual([
      "Input",
      "Unit",
      "Preferred",
      "Low",
      "High",
      "Moneycontrol (moneycontrol_dependence)",
      "repm_scheme", // publisher unknown
    ]);
  });

  it("computes the gap and China volume per column with live formulas", () => {
    const gap = rowLabelled(s, "NdPr oxide gap (shortfall +, surplus -)");
    // Preferred 2,000 - 400 = 1,600; Low oxide 400 -> 1,600; High oxide 500 -> 1,500.
    expect(gap[2]?.value).toBeCloseTo(1600, 6);
    expect(gap[3]?.value).toBeCloseTo(1600, 6);
    expect(gap[4]?.value).toBeCloseTo(1500, 6);
    expect(gap[2]?.formula).toMatch(/^=REE\.NDPR_GAP\(C\d+,C\d+,C\d+\)$/);
    const china = rowLabelled(s, "Magnet imports from China");
    expect(china[2]?.value).toBeCloseTo(49_941, 6); // 0.93 x 53,700
    expect(china[3]?.value).toBeCloseTo(42_400, 6); // Low: 0.8 x 53,000
    expect(china[4]?.value).toBeCloseTo(49_941, 6); // High: 0.93 x 53,700
    expect(china[5]?.value).toBeCloseTo(42_960, 6); // Moneycontrol: 0.8 x 53,700 (preferred imports)
    expect(china[6]?.value).toBeCloseTo(44_520, 6); // repm_scheme: 0.84 x 53,000
    const self = rowLabelled(s, "Self-sufficiency in magnets");
    expect(self[4]?.value).toBeCloseTo(0.25, 9); // 500 x 3 / 6,000
  });

  it("recalculates when a scenario value is edited", () => {
    const oxide = rowLabelled(s, "Domestic NdPr oxide output");
    const row = s.cells.indexOf(oxide);
    book.setCell("Scenarios", `C${row + 1}`, "1000");
    const gap = rowLabelled(
      sheetNamed(book, "Scenarios"),
      "NdPr oxide gap (shortfall +, surplus -)",
    );
    expect(gap[2]?.value).toBeCloseTo(1000, 6); // 2,000 - 1,000
  });

  it("lists what a source's article does not cover", () => {
    const missing = rowLabelled(s, "Not in this article");
    expect(String(missing[5]?.value)).toMatch(/magnet_target, domestic_oxide/);
    expect(String(missing[5]?.value)).not.toMatch(/china_share/);
  });
});

describe("result formulas", () => {
  it("read only the result's own inputs, and refuse a plan that lacks one", () => {
    const cells = { magnet_target: "B4", domestic_oxide: "B5", oxide_per_magnet: "B6" };
    expect(resultFormula("oxide_gap", cells)).toBe("REE.NDPR_GAP(B4,B5,B6)");
    expect(resultFormula("china_imports", { china_share: "C1", magnet_imports: "C2" })).toBe(
      "C1*C2",
    );
    expect(() => resultFormula("oxide_gap", { magnet_target: "B4", domestic_oxide: "B5" })).toThrow(
      "oxide_gap reads oxide_per_magnet, which has no cell",
    );
  });
});

describe("sensitivity grid", () => {
  it("default grid: 1,600 at 6,000 x 400 and 1,166.67 at 5,000 x 500; corners by hand", async () => {
    const book = createPreviewWorkbook();
    expect((await insertSensitivityGrid(book.port, DEFAULT_GRID, onNewSheet)).status).toBe(
      "inserted",
    );
    const s = sheetNamed(book, "Sensitivity");
    const header = s.cells.find((row) => row[1]?.value === 3000)!;
    const columnOf = (target: number) => header.findIndex((c) => c?.value === target);
    const rowOf = (oxide: number) =>
      s.cells.find((row, i) => i > s.cells.indexOf(header) && row[0]?.value === oxide)!;
    const at = (target: number, oxide: number) => rowOf(oxide)[columnOf(target)];
    expect(at(6000, 400)?.value).toBeCloseTo(1600, 6); // 6,000 / 3 - 400
    expect(at(5000, 500)?.value).toBeCloseTo(1166.6666667, 6); // 5,000 / 3 - 500
    expect(at(3000, 200)?.value).toBeCloseTo(800, 6); // 1,000 - 200
    expect(at(9000, 200)?.value).toBeCloseTo(2800, 6); // 3,000 - 200
    expect(at(3000, 1000)?.value).toBeCloseTo(0, 6); // 1,000 - 1,000
    expect(at(9000, 1000)?.value).toBeCloseTo(2000, 6); // 3,000 - 1,000
    expect(at(6000, 400)?.formula).toMatch(/^=REE\.NDPR_GAP\([A-Z]+\$\d+,\$[A-Z]+\d+,\$B\$\d+\)$/);
    // 7 targets x 9 oxide values
    expect(header.filter((c) => typeof c?.value === "number")).toHaveLength(7);
  });

  it("axis values step exactly and refuse empty or huge axes", () => {
    expect(axisValues({ from: 0.1, to: 0.5, step: 0.1 })).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(() => axisValues({ from: 5, to: 1, step: 1 })).toThrow(/give no values/);
    expect(() => axisValues({ from: 0, to: 1000, step: 1 })).toThrow(/at most 200/);
  });
});

describe("tornado", () => {
  it("China imports: share first (swing 6,981 t), then imports (651 t); bars are formulas", async () => {
    const book = createPreviewWorkbook();
    await insertTornado(book.port, "china_imports", onNewSheet);
    const s = sheetNamed(book, "Tornado");
    const share = rowLabelled(s, "China's share of India's magnet imports");
    const bars = s.cells.filter((row) => typeof row[7]?.value === "number");
    expect(bars.map((row) => row[0]?.value)).toEqual([
      "China's share of India's magnet imports",
      "India's magnet imports, FY25",
    ]);
    // base 0.93 x 53,700 = 49,941; at Low 0.8 x 53,700 = 42,960 (change -6,981); at High no change
    const first = bars[0];
    expect(first[1]?.value).toBeCloseTo(-6981, 6);
    expect(first[2]?.value).toBeCloseTo(0, 6);
    expect(first[7]?.value).toBeCloseTo(6981, 6);
    expect(first[1]?.formula).toMatch(/^=/);
    expect(bars[1][7]?.value).toBeCloseTo(651, 6); // 0.93 x 700
    // Editing the preferred share moves the bars: 0.84 x 53,700 = 45,108; at Low 42,960 -> -2,148
    const row = s.cells.indexOf(share);
    book.setCell("Tornado", `B${row + 1}`, "0.84");
    const after = sheetNamed(book, "Tornado").cells.filter((r) => typeof r[7]?.value === "number");
    expect(after[0][1]?.value).toBeCloseTo(-2148, 6);
    expect(book.charts()[0]).toMatchObject({
      type: "bar",
      seriesNames: ["Change at Low", "Change at High"],
    });
  });
});

describe("break-even", () => {
  it("the oxide that closes the gap at 6,000 t and 1/3: 2,000 t, a live closed form", async () => {
    const book = createPreviewWorkbook();
    await insertBreakEven(
      book.port,
      { result: "oxide_gap", input: "domestic_oxide", target: 0 },
      onNewSheet,
    );
    const s = sheetNamed(book, "Break-even");
    const answer = rowLabelled(s, "Domestic NdPr oxide output at break-even");
    expect(answer[1]?.value).toBeCloseTo(2000, 6);
    expect(answer[3]?.value).toBe("closed form");
    // A 9,000 t target needs 9,000 / 3 = 3,000 t of oxide to close the gap.
    const target = rowLabelled(s, "Target magnet output");
    book.setCell("Break-even", `B${s.cells.indexOf(target) + 1}`, "9000");
    const after = rowLabelled(
      sheetNamed(book, "Break-even"),
      "Domestic NdPr oxide output at break-even",
    );
    expect(after[1]?.value).toBeCloseTo(3000, 6);
  });
});

describe("Indian presentation", () => {
  it("groups in lakh and crore with decimals, prefixes and units kept", () => {
    expect(indianGrouping("#,##0")).toBe(FORMAT.indian);
    expect(indianGrouping("#,##0.00")).toBe(
      "[>=10000000]##\\,##\\,##\\,##0.00;[>=100000]##\\,##\\,##0.00;##,##0.00",
    );
    expect(indianGrouping("0.0%")).toBe("0.0%");
    expect(presentFormat("#,##0", INTERNATIONAL, "t/yr magnets")).toBe('#,##0 "t/yr"');
    expect(presentFormat("#,##0", INDIAN, "t")).toBe(
      '[>=10000000]##\\,##\\,##\\,##0 "t";[>=100000]##\\,##\\,##0 "t";##,##0 "t"',
    );
    expect(presentFormat(FORMAT.indian, INTERNATIONAL, "INR crore")).toBe(
      '[>=10000000]"₹"##\\,##\\,##\\,##0 "crore";[>=100000]"₹"##\\,##\\,##0 "crore";"₹"##,##0 "crore"',
    );
    expect(presentFormat("#,##0", INTERNATIONAL, "USD million")).toBe('"US$"#,##0 "million"');
  });

  it("an Indian-presentation insert writes lakh formats (reserves 69,00,000 t)", async () => {
    const book = createPreviewWorkbook();
    await insertScenarioBlock(book.port, { placement: "new-sheet", presentation: INDIAN });
    const s = sheetNamed(book, "Scenarios");
    const reserves = rowLabelled(s, "India's rare earth reserves");
    expect(reserves[2]?.value).toBe(6_900_000);
    expect(formatCellValue(reserves[2]!.value, reserves[2]!.numberFormat)).toBe("69,00,000");
  });
});

describe("the probed area is exactly what each insert writes", () => {
  const snapshot = selectionSnapshot("C3", "C3");
  const sizeOf = (address: string) => {
    const box = parseRange(address);
    return { rows: box.rows, columns: box.columns };
  };
  it.each([
    [
      "scenario block",
      () => planScenarioBlock(snapshot, "selection", INTERNATIONAL),
      scenarioBlockSize(),
    ],
    [
      "grid",
      () => planSensitivityGrid(snapshot, DEFAULT_GRID, "selection", INTERNATIONAL),
      sensitivityGridSize(DEFAULT_GRID),
    ],
    [
      "tornado",
      () => planTornado(snapshot, "oxide_gap", "selection", INTERNATIONAL),
      tornadoSize("oxide_gap"),
    ],
    [
      "break-even",
      () => planBreakEven(snapshot, DEFAULT_BREAK_EVEN, "selection", INTERNATIONAL),
      breakEvenSize(DEFAULT_BREAK_EVEN),
    ],
  ])("%s", (_, plan, size) => {
    const planned = plan();
    expect(planned.target.address.startsWith("C3:")).toBe(true);
    expect(sizeOf(planned.target.address)).toEqual(size);
  });
});

describe("break-even that cannot be reached", () => {
  it("is a problem the user can act on, and nothing is written", async () => {
    const book = createPreviewWorkbook();
    // Self-sufficiency is oxide x 3 / target: at 400 t of oxide it is 1,200 / target, which no
    // target between 6 and 6,000,000 t (the bisection's bounds) brings to -1.
    await expect(
      insertBreakEven(
        book.port,
        { result: "self_sufficiency", input: "magnet_target", target: -1 },
        onNewSheet,
      ),
    ).rejects.toMatchObject({ name: "WorkbookError", action: /another target/ });
    expect(book.sheets().map((s) => s.name)).toEqual(["Sheet1"]);
  });
});
