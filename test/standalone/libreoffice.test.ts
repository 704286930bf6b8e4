/**
 * A real, independent reader: LibreOffice headless opens the generated workbook, recalculates every
 * formula on load, and exports every sheet to CSV. The recalculated values must be the articles'
 * (1,600 t NdPr oxide gap, China's 93% share in FY25, 0.93 x 53,700 = 49,941 t from China), agree with every cached result
 * the generator wrote, and no cell may hold an error value.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Workbook } from "exceljs";
import { buildStandaloneWorkbook } from "../../src/standalone/buildWorkbook";
import {
  convertToCsv,
  csvNumber,
  findSoffice,
  hasErrorValue,
  recalculatingProfile,
  type SheetCsv,
} from "./libreoffice";
import { formulaCells, named, read } from "./read";

jest.setTimeout(60_000);

/** The Model sheet's Value (column B) on the row whose Name (column D) is `name`. */
function valueNamed(sheet: SheetCsv, name: string): string {
  const row = sheet.find((cells) => cells[3] === name);
  if (!row) throw new Error(`No row named ${name} in the CSV`);
  return row[1];
}

describe("standalone workbook, recalculated by LibreOffice", () => {
  let dir: string;
  let generated: Workbook;
  let raw: Map<string, Map<string, SheetCsv>>;
  let shown: Map<string, SheetCsv>;

  beforeAll(async () => {
    const soffice = findSoffice();
    dir = mkdtempSync(join(tmpdir(), "ree-standalone-"));
    const profile = recalculatingProfile(join(dir, "profile"));
    const bytes = await buildStandaloneWorkbook();
    writeFileSync(join(dir, "model.xlsx"), bytes);

    generated = await read(bytes);

    // The same file with deliberately wrong cached results: only a recalculation can fix them.
    const stale = await read(bytes);
    for (const cell of stale.worksheets.flatMap(formulaCells)) {
      if (typeof cell.result === "number") cell.value = { formula: cell.formula, result: -999999 };
    }
    await stale.xlsx.writeFile(join(dir, "stale.xlsx"));

    // A user's edit: a larger target and a shorter horizon flow through the named inputs.
    const edited = await read(bytes);
    named(edited, "REPM_Target_t").value = 9000;
    named(edited, "End_Year").value = 2030;
    await edited.xlsx.writeFile(join(dir, "edited.xlsx"));

    const files = ["model", "stale", "edited"].map((name) => join(dir, `${name}.xlsx`));
    raw = convertToCsv(soffice, profile, files, join(dir, "raw"), false);
    shown = convertToCsv(soffice, profile, files.slice(0, 1), join(dir, "shown"), true).get(
      "model",
    )!;
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("exports every sheet", () => {
    const names = generated.worksheets.map((sheet) => sheet.name).sort();
    expect([...raw.get("model")!.keys()].sort()).toEqual(names);
    expect([...shown.keys()].sort()).toEqual(names);
  });

  it("recalculates on load: wrong cached results come back right", () => {
    const model = raw.get("stale")!.get("Model")!;
    expect(csvNumber(valueNamed(model, "NdPr_Oxide_Gap_t"))).toBeCloseTo(1600, 9);
    expect(csvNumber(valueNamed(model, "China_Import_Volume_t"))).toBeCloseTo(49941, 9);
    expect(model.flat()).not.toContain("-999999");
  });

  it("follows an edited input through the named cells, and blanks years past End_Year", () => {
    const model = raw.get("edited")!.get("Model")!;
    // 9,000 t x 1/3 = 3,000 t oxide; 3,000 - 400 = 2,600 t; 9,000 - 1,200 = 7,800 t magnets.
    expect(csvNumber(valueNamed(model, "NdPr_Oxide_Gap_t"))).toBeCloseTo(2600, 9);
    expect(csvNumber(valueNamed(model, "Magnet_Gap_t"))).toBeCloseTo(7800, 9);
    const yearRow = model.findIndex((cells) => cells[0] === "Year");
    const balance = model.slice(yearRow + 1, yearRow + 12);
    expect(balance.map((cells) => cells[0])).toEqual([
      "2025",
      "2026",
      "2027",
      "2028",
      "2029",
      "2030",
      "",
      "",
      "",
      "",
      "",
    ]);
    expect(balance.slice(6).every((cells) => cells.slice(0, 6).every((cell) => cell === ""))).toBe(
      true,
    );
  });

  it("gives the articles' figures from native formulas", () => {
    const model = raw.get("model")!.get("Model")!;
    const value = (name: string) => csvNumber(valueNamed(model, name));
    expect(value("NdPr_Oxide_Gap_t")).toBeCloseTo(1600, 9);
    expect(value("Magnet_Gap_t")).toBeCloseTo(4800, 9);
    expect(value("Oxide_Required_t")).toBeCloseTo(2000, 9);
    expect(value("Magnet_Capacity_t")).toBeCloseTo(1200, 9);
    expect(value("Self_Sufficiency")).toBeCloseTo(0.2, 12);
    expect(value("China_Magnet_Import_Share")).toBeCloseTo(0.93, 12);
    expect(value("China_Import_Volume_t")).toBeCloseTo(49941, 9);
    expect(valueNamed(model, "Production_Concentration")).toBe("highly concentrated");
  });

  it("shows them formatted: 1,600 t, 93.0%, 49,941 t, 20.0%", () => {
    const model = shown.get("Model")!;
    expect(valueNamed(model, "NdPr_Oxide_Gap_t")).toBe("1,600");
    expect(valueNamed(model, "China_Magnet_Import_Share")).toBe("93.0%");
    expect(valueNamed(model, "China_Import_Volume_t")).toBe("49,941");
    expect(valueNamed(model, "Self_Sufficiency")).toBe("20.0%");
    expect(valueNamed(model, "Oxide_Per_Magnet")).toBe("0.333");
  });

  it("agrees with every cached result the generator computed", () => {
    let compared = 0;
    for (const sheet of generated.worksheets) {
      const csv = raw.get("model")!.get(sheet.name)!;
      for (const cell of formulaCells(sheet)) {
        const recalculated = csv[Number(cell.row) - 1][Number(cell.col) - 1];
        if (typeof cell.result === "number") {
          const value = csvNumber(recalculated);
          expect(Math.abs(value - cell.result)).toBeLessThanOrEqual(
            1e-9 * Math.max(1, Math.abs(value)),
          );
        } else {
          expect(recalculated).toBe(cell.result);
        }
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(70);
  });

  it("has no error value in any cell of any sheet", () => {
    const errors: string[] = [];
    for (const sheets of [...raw.values(), shown]) {
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
