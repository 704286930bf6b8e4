/**
 * One plan, two renderings: the standalone workbook (native formulas, recalculated on load by
 * LibreOffice, an independent reader) must show, in every cell of every sheet, the value the
 * add-in shows for the same plan in the preview workbook (HyperFormula with the REE functions).
 * Expected figures are worked out by hand in the comments.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Workbook } from "exceljs";
import type { CellValue } from "../../src/data";
import { createPreviewWorkbook, type PreviewSheet } from "../../src/preview/workbook";
import { buildStandaloneWorkbook } from "../../src/standalone/buildWorkbook";
import { planStandalone } from "../../src/standalone/plan";
import { MODEL_SHEET } from "../../src/workbook/modelSheet";
import { startRecalculation, type Recalculation } from "../support/recalculation";
import { csvNumber, hasErrorValue, type SheetCsv } from "./libreoffice";
import { formulaCells, read } from "./read";

jest.setTimeout(90_000);

/**
 * The HHI of USGS 2024 mine production over the 16 producing countries ("Other" and the world
 * total left out), by hand: the volumes add up to 45,000 + 13,000 + 20 + 31,000 + 0 + 270,000 + 0
 * + 2,900 + 2,000 + 130 + 13,000 + 2,500 + 0 + 0 + 13,000 + 300 = 392,850 t; their squares to
 * 72,900,000,000 (China) + 2,025,000,000 (US) + 961,000,000 (Burma) + 3 x 169,000,000 (Australia,
 * Nigeria, Thailand) + 8,410,000 + 6,250,000 + 4,000,000 + 90,000 + 16,900 + 400
 * = 76,411,767,300; HHI = 10,000 x 76,411,767,300 / 392,850^2 (154,331,122,500) = 4,951.16.
 */
const HHI = (10_000 * 76_411_767_300) / 154_331_122_500;

/** The sheet's cell at a 1-based row and column, as LibreOffice exported it ("" past the end). */
const csvAt = (csv: SheetCsv, row: number, column: number) => csv[row]?.[column] ?? "";

/** Why the two renderings differ at one cell, or null when they agree. */
function differs(addin: CellValue | undefined, standalone: string): string | null {
  if (addin === null || addin === undefined) return standalone === "" ? null : "not empty";
  if (typeof addin === "number") {
    if (standalone.trim() === "" || hasErrorValue(standalone)) return "not a number";
    const n = csvNumber(standalone);
    return Math.abs(n - addin) <= 1e-12 * Math.max(1, Math.abs(addin)) ? null : "another number";
  }
  if (typeof addin === "boolean") return standalone === (addin ? "TRUE" : "FALSE") ? null : "bool";
  return standalone === addin ? null : "other text";
}

describe("the standalone workbook recalculated by LibreOffice equals the add-in's values", () => {
  let run: Recalculation | undefined;
  let generated: Workbook;
  let raw: Map<string, Map<string, SheetCsv>>;
  let addin: PreviewSheet[];
  const plan = planStandalone();

  beforeAll(async () => {
    run = startRecalculation("ree-standalone-");
    const bytes = await buildStandaloneWorkbook();
    writeFileSync(join(run.dir, "model.xlsx"), bytes);
    generated = await read(bytes);

    // The same file with deliberately wrong cached results: only a recalculation can fix them.
    const stale = await read(bytes);
    for (const cell of stale.worksheets.flatMap(formulaCells)) {
      if (typeof cell.result === "number") cell.value = { formula: cell.formula, result: -999999 };
    }
    await stale.xlsx.writeFile(join(run.dir, "stale.xlsx"));

    raw = run.convert(["model.xlsx", "stale.xlsx"], "raw", false);

    const book = createPreviewWorkbook();
    await book.port.apply(plan);
    addin = book.sheets();
  });

  afterAll(() => run?.remove());

  it("has the plan's sheets, in order", () => {
    expect(generated.worksheets.map((sheet) => sheet.name)).toEqual(plan.newSheets);
    expect([...raw.get("model")!.keys()].sort()).toEqual([...plan.newSheets].sort());
  });

  it.each([["model"], ["stale"]])(
    "%s: every cell of every sheet shows the add-in's value",
    (file) => {
      const problems: string[] = [];
      let compared = 0;
      for (const name of plan.newSheets) {
        const csv = raw.get(file)!.get(name)!;
        const sheet = addin.find((s) => s.name === name)!;
        const rows = Math.max(csv.length, sheet.cells.length);
        for (let r = 0; r < rows; r++) {
          const columns = Math.max(csv[r]?.length ?? 0, sheet.cells[r]?.length ?? 0);
          for (let c = 0; c < columns; c++) {
            const value = sheet.cells[r]?.[c]?.value;
            const problem = differs(value, csvAt(csv, r, c));
            if (problem)
              problems.push(`${name} R${r + 1}C${c + 1}: ${String(value)} / ${csvAt(csv, r, c)}`);
            compared++;
          }
        }
      }
      expect(problems).toEqual([]);
      expect(compared).toBeGreaterThan(3_000);
    },
  );

  it("the HHI is the same number in both: 4,951 over the 16 producers", () => {
    const model = addin.find((s) => s.name === MODEL_SHEET)!;
    const csv = raw.get("model")!.get(MODEL_SHEET)!;
    const row = model.cells.findIndex((cells) =>
      String(cells[0]?.value).startsWith("Concentration index"),
    );
    expect(model.cells[row][1].value).toBeCloseTo(HHI, 9);
    expect(csvNumber(csv[row][1])).toBeCloseTo(HHI, 9);
    expect(Math.round(HHI)).toBe(4951);
  });

  it("every cached result agrees with the recalculation", () => {
    let compared = 0;
    for (const sheet of generated.worksheets) {
      const csv = raw.get("model")!.get(sheet.name)!;
      for (const cell of formulaCells(sheet)) {
        const recalculated = csvAt(csv, Number(cell.row) - 1, Number(cell.col) - 1);
        const problem = differs((cell.result ?? 0) as CellValue, recalculated);
        if (problem) throw new Error(`${sheet.name}!${cell.address}: ${problem}`);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(90);
  });

  it("has no error value in any cell of any sheet", () => {
    const errors: string[] = [];
    for (const sheets of raw.values()) {
      for (const [name, rows] of sheets) {
        rows.forEach((cells, r) =>
          cells.forEach((cell, c) => {
            if (hasErrorValue(cell)) errors.push(`${name} row ${r + 1} column ${c + 1}: ${cell}`);
          }),
        );
      }
    }
    expect(errors).toEqual([]);
  });
});
