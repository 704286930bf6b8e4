/**
 * The writers against the HyperFormula preview with the REE functions registered: the model sheet
 * computes the articles' numbers, inserts land where they should and never overwrite, and text
 * that looks like a formula stays text.
 */
import { HyperFormula } from "hyperformula";
import { FACTS, factById, tableByName } from "../../src/data";
import { createPreviewWorkbook, type PreviewSheet } from "../../src/preview/workbook";
import { parseCell, parseRange } from "../../src/workbook/address";
import {
  insertFacts,
  insertFunctionReference,
  insertModelSheet,
  insertNamedInputs,
  insertReferenceTable,
} from "../../src/workbook/actions";
import { planModelSheet } from "../../src/workbook/modelSheet";

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
    layout = planModelSheet({
      sheetNames: ["Sheet1"],
      tables: [],
      definedNames: [],
      metadata: {},
      activeSheet: "Sheet1",
      selection: { sheet: "Sheet1", address: "A1" },
    }).layout;
  });

  test("computes the articles' gap, capacity and China volume", () => {
    const model = sheet(book, "Supply gap model");
    const result = (key: string) => at(model, layout.results[key])?.value;
    expect(result("oxideGap")).toBeCloseTo(1600, 6);
    expect(result("magnetGap")).toBeCloseTo(4800, 6);
    expect(result("oxideRequired")).toBeCloseTo(2000, 6);
    expect(result("capacity")).toBeCloseTo(1200, 6);
    expect(result("selfSufficiency")).toBeCloseTo(0.2, 9);
    // 0.93 x 53,700 t (FY25) = 48,330 + 1,611 = 49,941 t
    expect(result("chinaImports")).toBeCloseTo(49941, 6);
    expect(result("chinaImportsAtInput")).toBeCloseTo(49941, 6);
    expect(result("chinaWorldShare")).toBeCloseTo(270000 / 390000, 9);
    expect(result("concentration")).toBe("highly concentrated");
    expect(at(model, layout.results.oxideGap)?.formula).toMatch(
      /^=REE\.NDPR_GAP\(B\d+,B\d+,B\d+\)$/,
    );
  });

  test("the HHI covers the producing countries without the world total and Other", () => {
    const rows = tableByName("world_production")!.rows.filter(
      (row) => !/world total|^other$/i.test(String(row.country)),
    );
    const volumes = rows.map((row) => Number(row.production_2024_t));
    const total = volumes.reduce((a, b) => a + b, 0);
    const hhi = volumes.reduce((sum, v) => sum + (v / total) ** 2, 0) * 10000;
    const model = sheet(book, "Supply gap model");
    expect(at(model, layout.results.hhi)?.value).toBeCloseTo(hhi, 6);
    expect(parseRange(layout.production).rows).toBe(rows.length);
  });

  test("the balance spills 2025..2035 (header + 11 rows, 6 columns) and the chart reads it", () => {
    const model = sheet(book, "Supply gap model");
    const box = parseRange(layout.balance);
    expect(box.rows).toBe(12);
    expect(box.columns).toBe(6);
    const row = (i: number) => model.cells[box.row + i].slice(0, 6).map((c) => c.value);
    expect(row(0)).toEqual([
      "Year",
      "Demand (t)",
      "Domestic (t)",
      "Recycled (t)",
      "Imports (t)",
      "Self-sufficiency",
    ]);
    expect(row(1)[0]).toBe(2025);
    // Demand starts at the FY25 imports (53,700 t, the demand proxy); domestic is the 1,200 t of
    // magnets 400 t of oxide supports; recycling meets 25% of demand; imports cover the rest.
    expect(row(1)[1]).toBeCloseTo(53700, 6);
    expect(row(1)[2]).toBeCloseTo(1200, 6);
    expect(row(1)[3]).toBeCloseTo(13425, 6);
    expect(row(1)[4]).toBeCloseTo(39075, 6); // 53,700 - 1,200 - 13,425
    expect(row(11)[0]).toBe(2035);
    // Growth 2^(1/5) - 1 a year doubles demand every five years: 53,700 x 4 = 214,800 in 2035.
    expect(row(11)[1]).toBeCloseTo(214800, 6);
    const [chart] = book.charts();
    expect(chart.sheet).toBe("Supply gap model");
    expect(parseRange(chart.dataAddress)).toEqual({ ...box, columns: 3 });
    expect(chart.seriesNames).toEqual(["Demand (t)", "Domestic (t)"]);
  });

  test("editing an input recomputes the results (inputs are plain values)", () => {
    book.setCell("Supply gap model", layout.inputs.oxide, "800");
    const model = sheet(book, "Supply gap model");
    expect(at(model, layout.results.oxideGap)?.value).toBeCloseTo(1200, 6);
    book.setCell("Supply gap model", layout.inputs.oxide, "400");
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

  test("a non-empty target is reported and nothing is written", async () => {
    const book = createPreviewWorkbook();
    book.setCell("Sheet1", "C5", "keep me");
    await book.port.select({ sheet: "Sheet1", address: "B4" });
    const before = JSON.stringify(book.sheets());
    const outcome = await insertFacts(book.port, FACTS.slice(0, 3), {
      live: false,
      placement: "selection",
    });
    expect(outcome).toEqual({
      status: "target-not-empty",
      target: { sheet: "Sheet1", address: "B4:N7" },
    });
    expect(JSON.stringify(book.sheets())).toBe(before);
    expect(book.tables()).toEqual([]);
  });

  test("new sources are appended to the Sources table as rows, never twice", async () => {
    const book = createPreviewWorkbook();
    await insertFacts(book.port, [factById("india.repm.target_t.repm_scheme")!], {
      live: false,
      placement: "new-sheet",
    });
    await insertReferenceTable(book.port, "world_production", { placement: "new-sheet" });
    await insertFacts(book.port, [factById("india.repm.target_t.repm_scheme")!], {
      live: false,
      placement: "new-sheet",
    });
    const sources = sheet(book, "Sources");
    const keys = sources.cells.slice(1).map((row) => row[0].value);
    expect(keys).toEqual(["repm_scheme", "usgs_mcs2025"]);
    const table = book.tables().find((t) => t.name === "REE_Sources")!;
    expect(table.address).toBe("A1:I3");
    expect(book.sheets().map((s) => s.name)).toEqual([
      "Sheet1",
      "REE facts",
      "Sources",
      "World production",
      "REE facts (2)",
    ]);
  });

  test("named inputs carry workbook names that refer to their value cells", async () => {
    const book = createPreviewWorkbook();
    await insertNamedInputs(book.port, { placement: "new-sheet" });
    const again = await insertNamedInputs(book.port, { placement: "new-sheet" });
    expect(again.status).toBe("inserted");
    const names = book.names();
    const target = names.find((n) => n.name === "REPM_Target_t")!;
    expect(target).toEqual({ name: "REPM_Target_t", sheet: "REE inputs", address: "C2" });
    expect(at(sheet(book, "REE inputs"), "C2")?.value).toBe(6000);
    expect(names.map((n) => n.name)).toContain("REPM_Target_t_2");
    const second = sheet(book, "REE inputs (2)");
    expect(at(second, "B2")?.value).toBe("REPM_Target_t_2");
  });

  test("the function reference stores example formulas as text", async () => {
    const book = createPreviewWorkbook();
    await insertFunctionReference(book.port);
    const s = sheet(book, "REE functions");
    const example = s.cells[1][6];
    expect(example.value).toMatch(/^=REE\./);
    expect(example.formula).toBeUndefined();
  });
});

describe("preview port safety", () => {
  test("text that looks like a formula is stored as text", async () => {
    const book = createPreviewWorkbook();
    const tricky = {
      ...FACTS[0],
      id: "test.tricky",
      label: "=1+1",
      basis: "+2",
      period: "-3",
      locator: "@A1",
    };
    await insertFacts(book.port, [tricky], { live: false, placement: "selection" });
    const row = sheet(book, "Sheet1").cells[1];
    expect(
      row
        .slice(1, 2)
        .concat(row.slice(7, 9), row.slice(10, 11))
        .map((c) => c.value),
    ).toEqual(["=1+1", "+2", "-3", "@A1"]);
    expect(row.every((c) => c.formula === undefined)).toBe(true);
  });

  test("a failure midway leaves nothing behind", async () => {
    const book = createPreviewWorkbook();
    const before = JSON.stringify(book.sheets());
    const spy = jest
      .spyOn(HyperFormula.prototype, "addNamedExpression")
      .mockImplementationOnce(() => {
        throw new Error("boom");
      });
    await expect(insertNamedInputs(book.port, { placement: "selection" })).rejects.toMatchObject({
      name: "WorkbookError",
    });
    spy.mockRestore();
    expect(JSON.stringify(book.sheets())).toBe(before);
    expect(book.names()).toEqual([]);
    expect(book.tables()).toEqual([]);
    expect((await book.port.snapshot()).metadata).toEqual({});
  });
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
