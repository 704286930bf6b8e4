/**
 * The standalone workbook read back from its bytes by ExcelJS: the add-in's plan rendered with
 * native formulas (functions every Excel since 2010 has) and cached values, number formats,
 * tables, print setup, text that looks like a formula. Expected figures are worked out by hand
 * from the sources in the comments.
 */
import ExcelJS from "exceljs";
import { CATALOG } from "../../src/functions/catalog";
import { buildStandaloneWorkbook } from "../../src/standalone/buildWorkbook";
import { STANDALONE_CARDS_LINE, planStandalone } from "../../src/standalone/plan";
import { MODEL_SHEET } from "../../src/workbook/modelSheet";
import { calls, parseFormula } from "../../src/workbook/portable/formula";
import { cellAt, formulaCells, read, rowValues } from "./read";

/**
 * Worksheet functions Excel 2007/2010 already had: the file must open with them alone. No FILTER,
 * LET, LAMBDA, XLOOKUP, SEQUENCE or other dynamic-array function.
 */
const EXCEL_2010 = new Set(
  "ABS AND AVERAGE CLEAN COUNT COUNTA COUNTIF IF IFERROR INDEX MATCH MAX MIN NOT OR ROUND SUM SUMIFS SUMPRODUCT SUMSQ TRIM".split(
    " ",
  ),
);

describe("standalone workbook, read back by ExcelJS", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await read(await buildStandaloneWorkbook());
  });
  const model = () => workbook.getWorksheet(MODEL_SHEET)!;
  /** The Value cell (column B) of the row whose label (column A) starts with `label`. */
  const valueOf = (label: string) => {
    let found: ExcelJS.Cell | undefined;
    model().eachRow((row) => {
      if (!found && String(row.getCell(1).value).startsWith(label)) found = row.getCell(2);
    });
    if (!found) throw new Error(`No row "${label}"`);
    return found;
  };

  it("has the add-in's sheets: model, facts, one per reference table, sources, functions", () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "About",
      MODEL_SHEET,
      "REE facts",
      "Partners",
      "Agreements",
      "Companies",
      "Timeline",
      "Value chain",
      "Deposits",
      "World production",
      "Import sources",
      "Policies",
      "Scenarios",
      "Sensitivity",
      "Tornado",
      "Sources",
      "REE functions",
    ]);
  });

  it("writes no REE call and only functions every Excel since 2010 has", () => {
    const formulas = workbook.worksheets.flatMap(formulaCells).map((cell) => cell.formula);
    expect(formulas.length).toBeGreaterThan(90);
    const names = new Set(formulas.flatMap((f) => calls(parseFormula(f)).map((c) => c.name)));
    expect([...names].filter((name) => !EXCEL_2010.has(name.toUpperCase()))).toEqual([]);
    for (const formula of formulas) {
      expect(formula).not.toMatch(/REE\.|_xldudf_|#\s*$|[A-Z]\d+#/i);
      expect(formula.startsWith("=")).toBe(false);
    }
  });

  it("computes the scheme's figures with native formulas", () => {
    // 5 beneficiaries x up to 1,200 t = 6,000 t/yr; 2026 award + 2-year gestation = 2028.
    expect(valueOf("Scheme magnet capacity").result).toBe(6000);
    expect(valueOf("First year of scheme production").result).toBe(2028);
    // (400 + 0) t oxide / (1/3) = 1,200 t magnets; 6,000 x 1/3 = 2,000 t; 2,000 - 400 = 1,600 t.
    expect(valueOf("Magnets the available NdPr oxide supports").result).toBeCloseTo(1200, 9);
    expect(valueOf("NdPr oxide the scheme capacity needs").result).toBeCloseTo(2000, 9);
    expect(valueOf("NdPr oxide shortfall").result).toBeCloseTo(1600, 9);
    // 1,200 / 6,000 = 20%, against the capacity (the label says so).
    expect(valueOf("Self-sufficiency against the scheme capacity").result).toBeCloseTo(0.2, 12);
    expect(valueOf("Self-sufficiency against the scheme capacity").numFmt).toBe("0.0%");
    // 0.93 x 53,700 t = 48,330 + 1,611 = 49,941 t.
    expect(valueOf("Magnet imports from China").result).toBeCloseTo(49941, 9);
    expect(valueOf("Market concentration").result).toBe("highly concentrated");
  });

  it("balances 2025 to 2035: no domestic magnets before 2028, recycling from 0 to 25% by 2035", () => {
    const sheet = model();
    let header = 0;
    sheet.eachRow((row, r) => {
      if (row.getCell(1).value === "Year") header = r;
    });
    const row = (year: number) =>
      rowValues(sheet, header + 1 + year - 2025).map((cell) =>
        cell && typeof cell === "object" && "formula" in cell ? (cell.result ?? 0) : cell,
      );
    // 2025: demand 53,700; no scheme output yet; recycling 0; imports all 53,700.
    expect(row(2025).slice(0, 6)).toEqual([2025, 53700, 0, 0, 53700, 0]);
    // 2028: capacity 6,000 t but the 400 t of oxide supports 1,200 t; recycling 25% x 3/10 = 7.5%.
    const [, demand2028, domestic2028, recycled2028] = row(2028) as number[];
    expect(demand2028).toBeCloseTo(53700 * 2 ** (3 / 5), 6);
    expect(domestic2028).toBe(1200);
    expect(recycled2028).toBeCloseTo(0.075 * demand2028, 6);
    expect(row(2028)[6]).toBe(6000);
    // 2030: demand doubled, 107,400; recycled 12.5% = 13,425; imports 107,400 - 1,200 - 13,425
    // = 92,775; (1,200 + 13,425) / 107,400 of demand met at home.
    const r2030 = row(2030) as number[];
    [107400, 1200, 13425, 92775, 14625 / 107400].forEach((expected, i) =>
      expect(r2030[i + 1]).toBeCloseTo(expected, 6),
    );
    // 2035: 53,700 x 4 = 214,800; recycled 25% = 53,700; imports 214,800 - 1,200 - 53,700 = 159,900.
    const r2035 = row(2035) as number[];
    [214800, 1200, 53700, 159900, 54900 / 214800].forEach((expected, i) =>
      expect(r2035[i + 1]).toBeCloseTo(expected, 6),
    );
  });

  it("stores text that starts with = as text, not as a formula", () => {
    const functions = workbook.getWorksheet("REE functions")!;
    expect(formulaCells(functions)).toEqual([]);
    const examples = functions.getColumn(7).values.map(String);
    expect(examples).toContain('=REE.FACT("india.repm.target_t")');
    expect(functions.getColumn(1).values.filter((v) => String(v).startsWith("REE."))).toHaveLength(
      CATALOG.length,
    );
  });

  it("writes the facts' live figures as the figures themselves, in an Excel table", () => {
    const sheet = workbook.getWorksheet("REE facts")!;
    expect(sheet.getTables()).toHaveLength(1);
    expect(rowValues(sheet, 1).slice(0, 3)).toEqual(["Id", "Label", "Value"]);
    let chinaShare: ExcelJS.Cell | undefined;
    sheet.getColumn(1).eachCell((cell) => {
      if (cell.value === "india.magnet_imports.china_share.repm_scheme")
        chinaShare = cellAt(sheet, Number(cell.row), 3);
    });
    expect(chinaShare?.value).toBe(0.84);
    expect(chinaShare?.numFmt).toBe("0.0%");
  });

  it("prints every sheet on A4 landscape, one page wide, with the header row repeated", () => {
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup).toEqual(
        expect.objectContaining({
          paperSize: 9,
          orientation: "landscape",
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
          printTitlesRow: "1:1",
        }),
      );
    }
  });

  it("wraps the model's source notes in a column wide enough to read the publisher", () => {
    const source = cellAt(model(), 5, 4);
    expect(String(source.value)).toMatch(/^NDTV, /);
    expect(source.alignment?.wrapText).toBe(true);
    expect(model().getColumn(4).width).toBeGreaterThanOrEqual(50);
  });
});

describe("standalone workbook parts", () => {
  it("writes only the parts asked for, with Sources wherever something is cited", () => {
    const names = (sheets: ("facts" | "tables" | "model" | "functions")[]) =>
      planStandalone({ sheets }).newSheets;
    expect(names(["model"])).toEqual(["About", MODEL_SHEET, "Sources"]);
    expect(names(["functions"])).toEqual(["About", "REE functions"]);
    expect(names(["facts", "functions"])).toEqual([
      "About",
      "REE facts",
      "Sources",
      "REE functions",
    ]);
  });

  it("rejects an empty or unknown choice of parts", () => {
    expect(() => planStandalone({ sheets: [] })).toThrow(
      /facts, tables, model, scenarios, functions/,
    );
    expect(() => planStandalone({ sheets: ["charts" as "model"] })).toThrow(/Unknown sheet group/);
  });
});

test("the About sheet says the file has no citation cards, and where each figure's citation is", () => {
  const about = planStandalone().blocks.filter((block) => block.sheet === "About");
  const texts = about.flatMap((block) =>
    block.cells.flat().map((cell) => (cell.kind === "value" ? cell.value : cell.formula)),
  );
  expect(texts).toContain(STANDALONE_CARDS_LINE);
  expect(STANDALONE_CARDS_LINE).toMatch(/^No citation cards: .*entity value.*Sources sheet/);
});
