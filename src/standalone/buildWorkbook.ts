/**
 * The standalone workbook: the add-in's plans (see plan.ts) rendered as an ordinary .xlsx for
 * machines where Office add-ins are blocked. Each REE formula becomes what "make portable" writes
 * (the one NATIVE rule set): a native formula, or the figure itself for a lookup. Pure (no fs, no
 * DOM): returns the file's bytes so the CLI can write them and the task pane can offer them as a
 * download. ExcelJS is imported on first use so the pane can lazy-load this module.
 */
import type { Worksheet } from "exceljs";
import { absolute, cellAddress, parseRange, quoteSheet } from "../workbook/address";
import type { Scalar } from "../workbook/cells";
import type { BlockWrite, CellInput, WritePlan } from "../workbook/port";
import { LOOKUP_NOTE, convertCell } from "../workbook/portable/convert";
import { evaluateSheet, ErrorValue, type CellSource } from "./evaluate";
import { planStandalone, type StandaloneOptions } from "./plan";

export { SHEET_GROUPS, type SheetGroup, type StandaloneOptions } from "./plan";

export const STANDALONE_FILE_NAME = "rare-earth-supply-model.xlsx";
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Excel's column width unit is the width of a digit of the default font: 7 px, 5.25 pt. */
const POINTS_PER_CHARACTER = 5.25;
/** ExcelJS's paper size code for A4. */
const A4 = 9;

/** A cell of the standalone file: a value, or a native formula without "=". */
type Written = { value: Scalar } | { formula: string };

/**
 * The cell as written without the add-in: REE formulas through the portability conversion. A call
 * the conversion would keep as a value or leave live is a plan the standalone file cannot carry.
 */
export function nativeCell(sheet: string, address: string, cell: CellInput): Written {
  if (cell.kind === "value") return { value: cell.value };
  const conversion = convertCell({ sheet, address, formula: cell.formula, value: null });
  if (!conversion) return { formula: cell.formula.slice(1) };
  const [[written]] = conversion.cells;
  if (conversion.how === "native" && written.kind === "formula")
    return { formula: written.formula.slice(1) };
  if (conversion.how === "value" && conversion.note === LOOKUP_NOTE && written.kind === "value")
    return { value: written.value };
  throw new Error(`Standalone workbook: ${sheet}!${address} ${cell.formula}: ${conversion.note}`);
}

/** Every cell of every block, as written without the add-in, by sheet and then A1 address. */
export function nativeCells(plan: WritePlan): Map<string, Map<string, Written>> {
  const sheets = new Map<string, Map<string, Written>>();
  for (const block of plan.blocks) {
    const cells = sheets.get(block.sheet) ?? new Map<string, Written>();
    sheets.set(block.sheet, cells);
    const { row, column } = parseRange(block.address);
    block.cells.forEach((cellsOfRow, r) =>
      cellsOfRow.forEach((cell, c) => {
        const address = cellAddress({ row: row + r, column: column + c });
        cells.set(address, nativeCell(block.sheet, address, cell));
      }),
    );
  }
  return sheets;
}

type ExcelJsModule = typeof import("exceljs");

async function loadExcelJs(): Promise<ExcelJsModule> {
  // CommonJS package: bundlers and Node expose it as the default export, ts-jest as the namespace.
  const loaded = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as ExcelJsModule & {
    default?: ExcelJsModule;
  };
  return loaded.default ?? loaded;
}

export async function buildStandaloneWorkbook(
  options: StandaloneOptions = {},
): Promise<Uint8Array> {
  const plan = planStandalone(options);
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Rare Earth Supply Modeler";
  workbook.title = "Rare Earth Supply Modeler: standalone workbook";
  // Excel (and any reader that honours calcPr) recalculates on open; cached results cover the rest.
  workbook.calcProperties.fullCalcOnLoad = true;
  const written = nativeCells(plan);
  for (const name of plan.newSheets) {
    writeSheet(workbook.addWorksheet(name), plan, written.get(name) ?? new Map());
  }
  for (const { sheet, address, name } of plan.names) {
    workbook.definedNames.add(`${quoteSheet(sheet)}!${absolute(address)}`, name);
  }
  const bytes: unknown = await workbook.xlsx.writeBuffer();
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes as ArrayBuffer);
}

function writeSheet(sheet: Worksheet, plan: WritePlan, cells: Map<string, Written>): void {
  const source: CellSource = (address) => cells.get(address);
  const formulas = [...cells].filter(([, cell]) => "formula" in cell).map(([address]) => address);
  const results = evaluateSheet(source, formulas);
  for (const [address, cell] of cells) {
    if ("formula" in cell) {
      const result = results.get(address);
      sheet.getCell(address).value = {
        formula: cell.formula,
        result: result instanceof ErrorValue ? { error: result.code } : (result ?? undefined),
      } as never;
    } else if (cell.value !== null) {
      sheet.getCell(address).value = cell.value;
    }
  }
  for (const block of plan.blocks.filter((b) => b.sheet === sheet.name)) formatBlock(sheet, block);
  for (const table of plan.tables.filter((t) => t.sheet === sheet.name)) {
    const box = parseRange(table.address);
    const at = (r: number, c: number) =>
      sheet.getCell(cellAddress({ row: box.row + r, column: box.column + c }));
    const columns = Array.from({ length: box.columns }, (_, c) => ({
      name: String(at(0, c).value),
      filterButton: true,
    }));
    const rows = Array.from({ length: box.rows - 1 }, (_, r) =>
      columns.map((_, c) => at(r + 1, c).value),
    );
    sheet.addTable({
      name: table.name,
      ref: cellAddress(box),
      headerRow: true,
      style: { theme: (table.style ?? "TableStyleMedium2") as never, showRowStripes: true },
      columns,
      rows,
    });
  }
  for (const { widths } of plan.columnWidths.filter((w) => w.sheet === sheet.name)) {
    widths.forEach((points, c) => (sheet.getColumn(c + 1).width = points / POINTS_PER_CHARACTER));
  }
  for (const note of plan.notes?.filter((n) => n.sheet === sheet.name) ?? []) {
    sheet.getCell(note.address).note = note.text;
  }
  const print = plan.print?.find((p) => p.sheet === sheet.name);
  if (print) {
    sheet.pageSetup = {
      ...sheet.pageSetup,
      paperSize: A4,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: print.titleRows.replace(/\$/g, ""),
    };
  }
}

function formatBlock(sheet: Worksheet, block: BlockWrite): void {
  const { row, column } = parseRange(block.address);
  const at = (r: number, c: number) =>
    sheet.getCell(cellAddress({ row: row + r, column: column + c }));
  block.numberFormats?.forEach((formats, r) =>
    formats.forEach((format, c) => {
      if (format) at(r, c).numFmt = format;
    }),
  );
  for (const r of block.boldRows ?? []) {
    block.cells[r].forEach((_, c) => (at(r, c).font = { bold: true }));
  }
  for (const c of block.wrapColumns ?? []) {
    block.cells.forEach((_, r) => (at(r, c).alignment = { wrapText: true, vertical: "top" }));
  }
}
