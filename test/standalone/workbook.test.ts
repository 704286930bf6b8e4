/**
 * The standalone workbook read back from its bytes by ExcelJS: sheets, defined names, native formulas
 * with cached values, number formats, tables, text that looks like a formula, column widths.
 * Expected figures are the articles' own, worked by hand: 6,000 t magnets x 1/3 = 2,000 t oxide;
 * 2,000 - 400 = 1,600 t oxide gap; 400 / (1/3) = 1,200 t magnets; 6,000 - 1,200 = 4,800;
 * 400 / 2,000 = 20%; 84% x 53,000 = 44,520 t.
 */
import { CATALOG } from "../../src/functions/catalog";
import ExcelJS from "exceljs";
import {
  STANDALONE_CARDS_LINE,
  buildStandaloneWorkbook,
  standaloneSheets,
} from "../../src/standalone/buildWorkbook";
import { cellAt, formulaCells, named, read, rowValues } from "./read";

describe("standalone workbook, read back by ExcelJS", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await read(await buildStandaloneWorkbook());
  });
  const model = () => workbook.getWorksheet("Model")!;

  it("has every part, one sheet per reference table", () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "About",
      "Model",
      "Facts",
      "Partners",
      "Agreements",
      "Companies",
      "Timeline",
      "Value chain",
      "Deposits",
      "World production",
      "Import sources",
      "Policies",
      "Sources",
      "Functions",
    ]);
  });

  it("names every input on the Model sheet, with the data set's values", () => {
    const inputs: [string, number][] = [
      ["REPM_Target_t", 6000],
      ["NdPr_Oxide_Domestic_t", 400],
      ["China_Magnet_Import_Share", 0.93], // FY25, by quantity (The Indian Express)
      ["Magnet_Imports_FY25_t", 53700],
      ["Magnet_Demand_Base_t", 53700],
      ["Demand_Growth", 2 ** (1 / 5) - 1], // doubling from 2025 to 2030: 14.87% a year
      ["Domestic_Growth", 0],
      ["Recycling_Share", 0.25],
      ["Start_Year", 2025],
      ["End_Year", 2035],
    ];
    for (const [name, value] of inputs) {
      const cell = named(workbook, name);
      expect(cell.worksheet.name).toBe("Model");
      expect(cell.type).toBe(ExcelJS.ValueType.Number);
      expect(cell.value).toBe(value);
    }
    expect(named(workbook, "Oxide_Per_Magnet").value).toBeCloseTo(1 / 3, 12);
    expect(named(workbook, "China_Magnet_Import_Share").numFmt).toBe("0.0%");
    expect(named(workbook, "Oxide_Per_Magnet").numFmt).toBe("0.000");
    expect(named(workbook, "REPM_Target_t").numFmt).toBe("#,##0");
  });

  it("cites each input beside it: fact id and source", () => {
    const texts = rowValues(model(), Number(named(workbook, "REPM_Target_t").row)).map(String);
    // The target's preferred claim: the Cabinet's 6,000 MTPA as Business Standard reports it.
    expect(texts).toContain("india.repm.target_t.business_standard_cabinet");
    expect(texts.some((text) => text.startsWith("Business Standard, 'Cabinet approves"))).toBe(
      true,
    );
  });

  it("computes the gap and its companions with native formulas and cached results", () => {
    const expected: [string, string, number][] = [
      ["NdPr_Oxide_Gap_t", "REPM_Target_t*Oxide_Per_Magnet-NdPr_Oxide_Domestic_t", 1600],
      ["Oxide_Required_t", "REPM_Target_t*Oxide_Per_Magnet", 2000],
      ["Magnet_Capacity_t", "NdPr_Oxide_Domestic_t/Oxide_Per_Magnet", 1200],
      ["Magnet_Gap_t", "REPM_Target_t-Magnet_Capacity_t", 4800],
      ["Self_Sufficiency", "NdPr_Oxide_Domestic_t/Oxide_Required_t", 0.2],
      // 0.93 x 53,700 = 48,330 + 1,611 = 49,941
      ["China_Import_Volume_t", "China_Magnet_Import_Share*Magnet_Imports_FY25_t", 49941],
    ];
    for (const [name, formula, result] of expected) {
      const cell = named(workbook, name);
      expect(cell.type).toBe(ExcelJS.ValueType.Formula);
      expect(cell.formula).toBe(formula);
      expect(cell.result).toBeCloseTo(result, 9);
    }
    expect(named(workbook, "NdPr_Oxide_Gap_t").numFmt).toBe("#,##0");
    expect(named(workbook, "Self_Sufficiency").numFmt).toBe("0.0%");
  });

  it("computes the HHI of USGS 2024 mine production with SUMPRODUCT over a range on the sheet", () => {
    const range = workbook.definedNames.model.find((n) => n.name === "USGS_Production_2024_t");
    const [, top, bottom] = /^Model!\$B\$(\d+):\$B\$(\d+)$/.exec(range?.ranges[0] ?? "") ?? [];
    const volumes = Array.from({ length: Number(bottom) - Number(top) + 1 }, (_, i) =>
      Number(cellAt(model(), Number(top) + i, 2).value),
    );
    expect(volumes).toHaveLength(17);
    expect(volumes.reduce((sum, v) => sum + v, 0)).toBe(393950);
    const hhi = named(workbook, "Production_HHI");
    expect(hhi.formula).toBe(
      "SUMPRODUCT((USGS_Production_2024_t/SUM(USGS_Production_2024_t))^2)*10000",
    );
    // Shares of the 393,950 t the 17 producer rows add up to (China 270,000 t = 68.5%).
    expect(hhi.result).toBeCloseTo(4923.62, 2);
    const label = named(workbook, "Production_Concentration");
    expect(label.formula).toMatch(/^IF\(Production_HHI<1500,/);
    expect(label.result).toBe("highly concentrated");
  });

  it("balances supply year by year from 2025 to 2035 with a plain formula per cell", () => {
    const sheet = model();
    const firstYear = formulaCells(sheet).find((cell) => cell.formula.endsWith(",Start_Year)"))!;
    const first = Number(firstYear.row);
    const years = Array.from({ length: 11 }, (_, i) => cellAt(sheet, first + i, 1).result);
    expect(years).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035]);
    // 2025: demand 53,700; domestic 1,200; recycled 25% = 13,425; imports 53,700 - 1,200 -
    // 13,425 = 39,075; self-sufficiency (1,200 + 13,425) / 53,700 = 14,625 / 53,700.
    const row2025 = [2, 3, 4, 5, 6].map((column) => cellAt(sheet, first, column));
    expect(row2025.map((cell) => cell.result)).toEqual([53700, 1200, 13425, 39075, 14625 / 53700]);
    expect(row2025[4].formula).toBe(`IF($A${first}="","",(C${first}+D${first})/B${first})`);
    // Ten years at 2^(1/5) a year is two doublings: 53,700 x 4 = 214,800.
    expect(cellAt(sheet, first + 10, 2).result).toBeCloseTo(214800, 6);
  });

  it("never calls an REE function on the Model sheet, and caches every formula's value", () => {
    const cells = formulaCells(model());
    expect(cells.length).toBeGreaterThan(70);
    for (const cell of cells) {
      expect(cell.formula).not.toMatch(/REE\.|_xldudf_/i);
      expect(cell.formula.startsWith("=")).toBe(false);
      expect(cell.result).not.toBeUndefined();
    }
  });

  it("stores text that starts with = as text, not as a formula", () => {
    const sheet = model();
    const gapRow = Number(named(workbook, "NdPr_Oxide_Gap_t").row);
    const formulaText = cellAt(sheet, gapRow, 5);
    expect(formulaText.type).toBe(ExcelJS.ValueType.String);
    expect(formulaText.value).toBe("=REPM_Target_t*Oxide_Per_Magnet-NdPr_Oxide_Domestic_t");
    const functions = workbook.getWorksheet("Functions")!;
    expect(formulaCells(functions)).toEqual([]);
    const syntax = functions.getColumn(2).values.filter((v) => String(v).startsWith("="));
    expect(syntax).toContain(
      "=REE.NDPR_GAP([target_magnet_t], [domestic_oxide_t], [oxide_per_magnet], [basis])",
    );
  });

  it("lists every REE function with a native Excel equivalent for readers without the add-in", () => {
    const functions = workbook.getWorksheet("Functions")!;
    const names = functions.getColumn(1).values.filter((v) => String(v).startsWith("REE."));
    expect(names).toHaveLength(CATALOG.length);
    const natives = functions.getColumn(4).values.slice(5);
    expect(natives.filter((v) => !String(v ?? "").trim())).toEqual([]);
  });

  it("writes the facts as an Excel table with citation columns and percent formats", () => {
    const sheet = workbook.getWorksheet("Facts")!;
    expect(sheet.getTables()).toHaveLength(1);
    const header = rowValues(sheet, 4);
    expect(header).toEqual(
      expect.arrayContaining(["Id", "Label", "Value", "Low", "High", "Qualifier", "Unit"]),
    );
    expect(header).toEqual(
      expect.arrayContaining(["Basis", "Period", "Source", "Locator", "Evidence", "Note"]),
    );
    let chinaShare: ExcelJS.Cell | undefined;
    sheet.getColumn(1).eachCell((cell) => {
      if (cell.value === "india.magnet_imports.china_share.repm_scheme")
        chinaShare = cellAt(sheet, Number(cell.row), 3);
    });
    expect(chinaShare?.value).toBe(0.84);
    expect(chinaShare?.numFmt).toBe("0.0%");
  });

  it("lists every source with a clickable URL where there is one", () => {
    const sheet = workbook.getWorksheet("Sources")!;
    const ids = sheet.getColumn(1).values.map(String);
    for (const id of ["repm_scheme", "policy_circle", "niice", "discovery_alert", "usgs_mcs2025"]) {
      expect(ids).toContain(id);
    }
    const links: ExcelJS.Cell[] = [];
    sheet.getColumn(6).eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Hyperlink) links.push(cell);
    });
    expect(links.length).toBeGreaterThan(0);
    expect((links[0].value as ExcelJS.CellHyperlinkValue).hyperlink).toMatch(/^https:\/\//);
  });

  it("gives every column on every sheet a readable width", () => {
    for (const sheet of workbook.worksheets) {
      for (let column = 1; column <= sheet.columnCount; column++) {
        const width = sheet.getColumn(column).width;
        if (width === undefined) continue;
        expect(width).toBeGreaterThanOrEqual(8);
        expect(width).toBeLessThanOrEqual(60);
      }
    }
  });
});

describe("standalone workbook parts", () => {
  it("writes only the parts asked for, with Sources wherever something is cited", async () => {
    const names = async (sheets: ("facts" | "tables" | "model" | "functions")[]) =>
      (await read(await buildStandaloneWorkbook({ sheets }))).worksheets.map((s) => s.name);
    expect(await names(["model"])).toEqual(["About", "Model", "Sources"]);
    expect(await names(["functions"])).toEqual(["About", "Functions"]);
    expect(await names(["facts", "functions"])).toEqual(["About", "Facts", "Sources", "Functions"]);
  });

  it("defines no names when the Model sheet is left out", async () => {
    const workbook = await read(await buildStandaloneWorkbook({ sheets: ["facts"] }));
    expect(workbook.definedNames.model).toEqual([]);
  });

  it("rejects an empty or unknown choice of parts", () => {
    expect(() => standaloneSheets({ sheets: [] })).toThrow(/facts, tables, model, functions/);
    expect(() => standaloneSheets({ sheets: ["charts" as "model"] })).toThrow(
      /Unknown sheet group/,
    );
  });
});

test("the About sheet says the file has no citation cards, and where each figure's citation is", () => {
  const about = standaloneSheets()[0];
  expect(about.name).toBe("About");
  expect(about.cells.map((cell) => cell.content)).toContain(STANDALONE_CARDS_LINE);
  expect(STANDALONE_CARDS_LINE).toMatch(/^No citation cards: .*entity value.*Sources sheet/);
});
