/**
 * The scenario block, the default sensitivity grid and a tornado, planned as for any insert, made
 * portable cell by cell through the NATIVE rules (the path "make portable" and the standalone
 * workbook take), written with exceljs and recalculated by LibreOffice: native formulas only, the
 * sources' numbers worked by hand, and the lakh/crore formats rendered as Indian grouping.
 */
import { join } from "node:path";
import ExcelJS from "exceljs";
import { formatCellValue } from "../../src/preview/cellFormat";
import { parseRange, rangeAddress } from "../../src/workbook/address";
import { FORMAT, INTERNATIONAL, indianGrouping, presentFormat } from "../../src/model/formats";
import { blankSnapshot } from "../support/snapshot";
import { convertCell } from "../../src/workbook/portable/convert";
import { planScenarioBlock } from "../../src/workbook/scenarioBlock";
import { DEFAULT_GRID, planSensitivityGrid } from "../../src/workbook/sensitivityGrid";
import { planTornado } from "../../src/workbook/tornado";
import { startRecalculation, type Recalculation } from "../support/recalculation";
import { csvNumber, hasErrorValue, type SheetCsv } from "./libreoffice";

jest.setTimeout(120_000);

const EMPTY_BOOK = blankSnapshot();
const INDIAN = { indian: true };

/** Numbers under Indian formats, and what a reader must see (worked by hand). */
const FORMAT_SAMPLES: [number, string, string][] = [
  [123_456_789, indianGrouping("#,##0"), "12,34,56,789"],
  [1_234_567.5, indianGrouping("#,##0.0"), "12,34,567.5"],
  [99_999, indianGrouping("#,##0"), "99,999"],
  [6_900_000, presentFormat("#,##0", INDIAN, "t"), "69,00,000 t"],
  [1_345, presentFormat(FORMAT.indian, INTERNATIONAL, "INR crore"), "₹1,345 crore"],
  // Signed (a result that may be negative): the sign survives everywhere.
  [1_234_567, indianGrouping("#,##0", true), "12,34,567"],
  [1_234, indianGrouping("#,##0", true), "1,234"],
  [0, indianGrouping("#,##0", true), "0"],
  [-1_166.67, indianGrouping("#,##0.00", true), "-1,166.67"],
  [-1_234_567, indianGrouping("#,##0", true), "-1,234,567"], // below -99,999: thousands
];

/** Every block of a plan on its sheet, each REE formula replaced by its native translation. */
function writePortable(book: ExcelJS.Workbook, plan: ReturnType<typeof planTornado>["plan"]) {
  const natives: string[] = [];
  for (const block of plan.blocks) {
    if (block.sheet === "Sources") continue;
    const sheet = book.getWorksheet(block.sheet) ?? book.addWorksheet(block.sheet);
    const box = parseRange(block.address);
    block.cells.forEach((row, r) =>
      row.forEach((input, c) => {
        const address = rangeAddress({
          row: box.row + r,
          column: box.column + c,
          rows: 1,
          columns: 1,
        });
        const target = sheet.getCell(address);
        const format = block.numberFormats?.[r]?.[c];
        if (format) target.numFmt = format;
        if (input.kind === "value") {
          target.value = input.value;
          return;
        }
        const conversion = convertCell({
          sheet: block.sheet,
          address,
          formula: input.formula,
          value: null,
        });
        const written = conversion ? conversion.cells[0][0] : input;
        if (written.kind === "formula") {
          natives.push(written.formula);
          target.value = { formula: written.formula.slice(1) };
        } else target.value = written.value;
      }),
    );
  }
  return natives;
}

describe("scenario plans as native formulas, recalculated by LibreOffice", () => {
  let run: Recalculation | undefined;
  let natives: string[];
  let raw: Map<string, SheetCsv>;
  let shown: Map<string, SheetCsv>;

  beforeAll(async () => {
    run = startRecalculation("ree-scenarios-");
    const book = new ExcelJS.Workbook();
    natives = [
      ...writePortable(book, planScenarioBlock(EMPTY_BOOK, "new-sheet", INDIAN).plan),
      ...writePortable(
        book,
        planSensitivityGrid(EMPTY_BOOK, DEFAULT_GRID, "new-sheet", INTERNATIONAL).plan,
      ),
      ...writePortable(
        book,
        planTornado(EMPTY_BOOK, "china_imports", "new-sheet", INTERNATIONAL).plan,
      ),
    ];
    // Indian grouping across magnitudes, decimals, a unit and signs.
    const formats = book.addWorksheet("Formats");
    FORMAT_SAMPLES.forEach(([number, format], i) => {
      const target = formats.getCell(i + 1, 1);
      target.value = number;
      target.numFmt = format;
    });
    await book.xlsx.writeFile(join(run.dir, "scenarios.xlsx"));
    raw = run.convert(["scenarios.xlsx"], "raw", false).get("scenarios")!;
    shown = run.convert(["scenarios.xlsx"], "shown", true).get("scenarios")!;
  });

  afterAll(() => run?.remove());

  /** The last row labelled so (a tornado's bar comes after its input's row). */
  const row = (sheet: SheetCsv, label: string) => {
    const found = sheet.filter((cells) => cells[0] === label).pop();
    if (!found) throw new Error(`no row ${label}`);
    return found;
  };

  it("writes native formulas only, and LibreOffice shows no error", () => {
    expect(natives.length).toBeGreaterThan(60);
    expect(natives.filter((f) => /REE\.|_xldudf_/i.test(f))).toEqual([]);
    for (const sheet of raw.values()) expect(sheet.flat().filter(hasErrorValue)).toEqual([]);
  });

  it("scenario block: the gap per column and imports from China", () => {
    const block = raw.get("Scenarios")!;
    const gap = row(block, "NdPr oxide gap (shortfall +, surplus -)").slice(2).map(csvNumber);
    // Preferred and Low: 6,000 / 3 - 400 = 1,600; High: 2,000 - 500 = 1,500; sources keep 400.
    [1600, 1600, 1500, 1600, 1600].forEach((want, i) => expect(gap[i]).toBeCloseTo(want, 6));
    const china = row(block, "Magnet imports from China").slice(2).map(csvNumber);
    // 0.93 x 53,700; 0.8 x 53,000; 0.93 x 53,700; 0.8 x 53,700; 0.84 x 53,000
    [49_941, 42_400, 49_941, 42_960, 44_520].forEach((want, i) =>
      expect(china[i]).toBeCloseTo(want, 6),
    );
  });

  it("renders Indian grouping: reserves 69,00,000", () => {
    expect(row(shown.get("Scenarios")!, "India's rare earth reserves")[2]).toBe("69,00,000");
  });

  it("LibreOffice renders the lakh/crore formats, negatives signed", () => {
    expect(shown.get("Formats")!.map((cells) => cells[0])).toEqual(
      FORMAT_SAMPLES.map(([, , reads]) => reads),
    );
  });

  it("the preview renders them the same", () => {
    for (const [number, format, reads] of FORMAT_SAMPLES)
      expect(formatCellValue(number, format)).toBe(reads);
  });

  it("grid: 1,600 at 6,000 x 400, 1,166.67 at 5,000 x 500, and the corners", () => {
    const grid = raw.get("Sensitivity")!;
    const header = grid.findIndex((cells) => cells[1] === "3000");
    const at = (target: number, oxide: number) => {
      const column = grid[header].indexOf(String(target));
      const line = grid.find((cells, i) => i > header && cells[0] === String(oxide))!;
      return csvNumber(line[column]);
    };
    expect(at(6000, 400)).toBeCloseTo(1600, 9);
    expect(at(5000, 500)).toBeCloseTo(5000 / 3 - 500, 9);
    expect(at(3000, 200)).toBeCloseTo(800, 9);
    expect(at(9000, 1000)).toBeCloseTo(2000, 9);
    expect(row(shown.get("Sensitivity")!, "500 t/yr")[3]).toBe("1,166.67");
  });

  it("tornado: China's share swings 6,981 t, imports 651 t", () => {
    const tornado = raw.get("Tornado")!;
    expect(csvNumber(row(tornado, "China's share of India's magnet imports")[7])).toBeCloseTo(
      6981,
      6,
    );
    expect(csvNumber(row(tornado, "India's magnet imports, FY25")[7])).toBeCloseTo(651, 6);
  });
});
