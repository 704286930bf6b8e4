/**
 * The writers against the HyperFormula preview with the REE functions registered, in the
 * preview's own terms: the model sheet computes the articles' numbers and draws its chart, live
 * facts compute, a failed insert puts back what the preview keeps beside the engine, and 10,000
 * facts go in as one table. What both hosts must do alike is test/workbook/hosts.test.ts.
 */
import { HyperFormula } from "hyperformula";
import { FACTS, factById } from "../../src/data";
import { createPreviewWorkbook, type PreviewSheet } from "../../src/preview/workbook";
import { parseCell, parseRange } from "../../src/workbook/address";
import { insertFacts, insertModelSheet, insertNamedInputs } from "../../src/workbook/actions";
import { planModelSheet } from "../../src/workbook/modelSheet";
import { blankSnapshot } from "../support/snapshot";

function sheet(book: ReturnType<typeof createPreviewWorkbook>, name: string): PreviewSheet {
  const found = book.sheets().find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function at(s: PreviewSheet, address: string) {
  const { row, column } = parseCell(address);
  return s.cells[row]?.[column];
}

describe("model sheet in the preview (HyperFormula + REE plugin)", () => {
  const book = createPreviewWorkbook();
  let layout: ReturnType<typeof planModelSheet>["layout"];

  beforeAll(async () => {
    const outcome = await insertModelSheet(book.port);
    expect(outcome.status).toBe("inserted");
    layout = planModelSheet(blankSnapshot()).layout;
  });

  test("computes the scheme's capacity, the oxide it needs and China's volume", () => {
    const model = sheet(book, "Supply gap model");
    const result = (key: string) => at(model, layout.results[key])?.value;
    // 5 beneficiaries x 1,200 t = 6,000 t/yr; awarded 2026 + 2 years' gestation = 2028.
    expect(result("capacity")).toBe(6000);
    expect(result("firstProduction")).toBe(2028);
    // 400 t oxide x 3 = 1,200 t magnets; 6,000 / 3 = 2,000 t oxide; 2,000 - 400 = 1,600 t short.
    expect(result("oxideSupported")).toBeCloseTo(1200, 6);
    expect(result("oxideRequired")).toBeCloseTo(2000, 6);
    expect(result("oxideGap")).toBeCloseTo(1600, 6);
    expect(result("selfSufficiencyCapacity")).toBeCloseTo(0.2, 9);
    // 0.93 x 53,700 t (FY25) = 48,330 + 1,611 = 49,941 t
    expect(result("chinaImports")).toBeCloseTo(49941, 6);
    expect(result("chinaWorldShare")).toBeCloseTo(270000 / 390000, 9);
    expect(result("concentration")).toBe("highly concentrated");
  });

  test("the HHI covers the 16 producing countries, without the world total and Other", () => {
    // 10,000 x 76,411,767,300 / 392,850^2: worked out in test/standalone/libreoffice.test.ts.
    const model = sheet(book, "Supply gap model");
    expect(at(model, layout.results.hhi)?.value).toBeCloseTo(4951.157, 3);
    expect(parseRange(layout.production).rows).toBe(16);
  });

  test("the balance runs 2025..2035 (header + 11 rows, 8 columns) and the chart reads it", () => {
    const model = sheet(book, "Supply gap model");
    const box = parseRange(layout.balance);
    expect(box.rows).toBe(12);
    expect(box.columns).toBe(8);
    const row = (i: number) => model.cells[box.row + i].slice(0, 8).map((c) => c.value);
    // The same figures as REE.SUPPLY_BALANCE under its labels (pinned by hand in
    // test/formula/sheets.test.ts), then the model's own two columns.
    const spill = createPreviewWorkbook();
    spill.setCell("Sheet1", "A1", "=REE.SUPPLY_BALANCE(1, 1, 0, 0)");
    const spilled = sheet(spill, "Sheet1").cells[0].map((c) => c.value);
    expect(row(0)).toEqual([...spilled, "Scheme capacity (t)", "Recycling share of demand"]);
    // 2025: no scheme output and no recycling yet: imports meet all 53,700 t.
    expect(row(1)).toEqual([2025, 53700, 0, 0, 53700, 0, 0, 0]);
    // 2028 (award 2026 + 2): the 400 t of oxide limits output to 1,200 t of the 6,000 t capacity.
    expect(row(4)[2]).toBeCloseTo(1200, 6);
    expect(row(4)[6]).toBe(6000);
    expect(row(11)[0]).toBe(2035);
    // Growth 2^(1/5) - 1 a year doubles demand every five years: 53,700 x 4 = 214,800 in 2035;
    // recycling reaches 25% of it, 53,700 t; imports 214,800 - 1,200 - 53,700 = 159,900 t.
    expect(row(11)[1]).toBeCloseTo(214800, 6);
    expect(row(11)[3]).toBeCloseTo(53700, 6);
    expect(row(11)[4]).toBeCloseTo(159900, 6);
    const [chart] = book.charts();
    expect(chart.sheet).toBe("Supply gap model");
    expect(parseRange(chart.dataAddress)).toEqual({ ...box, columns: 5 });
  });

  test("editing an input recomputes the results (inputs are plain values)", () => {
    book.setCell("Supply gap model", layout.inputs.importedOxide, "800");
    const model = sheet(book, "Supply gap model");
    // 2,000 t needed - (400 + 800) t available = 800 t short.
    expect(at(model, layout.results.oxideGap)?.value).toBeCloseTo(800, 6);
    book.setCell("Supply gap model", layout.inputs.importedOxide, "0");
  });

  test("a second model sheet gets a unique name and the Sources list is not duplicated", async () => {
    await insertModelSheet(book.port);
    const names = book.sheets().map((s) => s.name);
    expect(names).toEqual(["Sheet1", "Supply gap model", "Sources", "Supply gap model (2)"]);
    const sources = sheet(book, "Sources");
    const keys = sources.cells.slice(1).map((row) => row[0].value);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("inserts in the preview", () => {
  test("live facts compute through =REE.FACT and cite their sources", async () => {
    const book = createPreviewWorkbook();
    await book.port.select({ sheet: "Sheet1", address: "B2" });
    const facts = [
      factById("india.repm.target_t.repm_scheme")!,
      factById("india.magnet_imports.china_share.repm_scheme")!,
    ];
    const outcome = await insertFacts(book.port, facts, { live: true, placement: "selection" });
    expect(outcome).toMatchObject({
      status: "inserted",
      target: { sheet: "Sheet1", address: "B2:N4" },
    });
    const s = sheet(book, "Sheet1");
    expect(at(s, "D3")).toMatchObject({
      value: 6000,
      formula: '=REE.FACT("india.repm.target_t.repm_scheme")',
    });
    expect(at(s, "D4")).toMatchObject({ value: 0.84, numberFormat: "0.0%" });
    expect(at(s, "B3")?.value).toBe("india.repm.target_t.repm_scheme");
    expect(book.tables()).toEqual([
      expect.objectContaining({ name: "REE_Facts", sheet: "Sheet1", address: "B2:N4" }),
      expect.objectContaining({ name: "REE_Sources", sheet: "Sources" }),
    ]);
  });
});

test("a failed insert also takes back the number formats the preview keeps beside the engine", async () => {
  // Excel leaves cell formats after a failed insert (clearing them could erase the user's own);
  // the preview keeps formats itself, so it puts them back with the cells.
  const book = createPreviewWorkbook();
  jest.spyOn(HyperFormula.prototype, "addNamedExpression").mockImplementationOnce(() => {
    throw new Error("boom");
  });
  // At A1 the inputs' values (C2:C12, shares as percentages) are written before their names.
  await expect(insertNamedInputs(book.port, { placement: "selection" })).rejects.toMatchObject({
    name: "WorkbookError",
  });
  jest.restoreAllMocks();
  // A number the user types there afterwards shows as General.
  for (let row = 2; row <= 12; row++) book.setCell("Sheet1", `C${row}`, "0.5");
  expect(
    sheet(book, "Sheet1")
      .cells.flat()
      .filter((cell) => cell.numberFormat),
  ).toEqual([]);
});

test("10,000 facts at the selection in the preview: one table, computed values", async () => {
  const book = createPreviewWorkbook();
  const many = Array.from({ length: 10_000 }, (_, i) => ({
    ...FACTS[i % FACTS.length],
    id: `bulk.fact${i}`,
  }));
  const outcome = await insertFacts(book.port, many, { live: false, placement: "selection" });
  expect(outcome).toMatchObject({
    status: "inserted",
    target: { sheet: "Sheet1", address: "A1:M10001" },
  });
  const s = sheet(book, "Sheet1");
  expect(s.cells).toHaveLength(10_001);
  expect(s.cells[10_000][0].value).toBe("bulk.fact9999");
});
