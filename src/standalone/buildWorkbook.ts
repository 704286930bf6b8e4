/**
 * The standalone workbook: the add-in's reference data and supply-gap model as an ordinary .xlsx for
 * machines where Office add-ins are blocked. Pure (no fs, no DOM): returns the file's bytes so the CLI
 * can write them and the task pane can offer them as a download. ExcelJS is imported on first use so
 * the pane can lazy-load this module.
 */
import type { Workbook, Worksheet } from "exceljs";
import { DATA_VERSION } from "../data";
import { functionsSheet } from "./functionsSheet";
import { modelSheet } from "./modelSheet";
import {
  FORMAT,
  isFormula,
  type CellSpec,
  type CellStyle,
  type Scalar,
  type SheetPlan,
} from "./plan";
import { factsSheet, sourcesSheet, tableSheets } from "./referenceSheets";

export const SHEET_GROUPS = ["facts", "tables", "model", "functions"] as const;
export type SheetGroup = (typeof SHEET_GROUPS)[number];

export interface StandaloneOptions {
  /** Which parts to include; all of them when omitted. */
  sheets?: readonly SheetGroup[];
}

export const STANDALONE_FILE_NAME = "rare-earth-supply-model.xlsx";
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const ABOUT_SHEET = "About";

/** Why this file has no citation cards, and where each figure's citation is instead. */
export const STANDALONE_CARDS_LINE =
  "No citation cards: a card is an Excel entity value, which this file's writer cannot store. " +
  "Figures are plain values; each cites its source in its row (Source, Locator, Evidence) and on the Sources sheet. " +
  "Insert figures as cards with the add-in (Excel 2024 or Microsoft 365).";
const MAX_WIDTH = 60;

/** The sheets to write, in order. Sources comes with anything that cites a source. */
export function standaloneSheets(options: StandaloneOptions = {}): SheetPlan[] {
  const groups = new Set<SheetGroup>(options.sheets ?? SHEET_GROUPS);
  if (groups.size === 0) throw new Error(`Choose at least one of: ${SHEET_GROUPS.join(", ")}`);
  for (const group of groups) {
    if (!SHEET_GROUPS.includes(group)) {
      throw new Error(`Unknown sheet group "${group}"; valid: ${SHEET_GROUPS.join(", ")}`);
    }
  }
  const plans: SheetPlan[] = [];
  if (groups.has("model")) plans.push(modelSheet());
  if (groups.has("facts")) plans.push(factsSheet());
  if (groups.has("tables")) plans.push(...tableSheets());
  if (groups.has("facts") || groups.has("tables") || groups.has("model")) {
    plans.push(sourcesSheet());
  }
  if (groups.has("functions")) plans.push(functionsSheet());
  const all = [aboutSheet(plans), ...plans];
  // A new reference table could clash with a fixed sheet or table name; Excel would call the file corrupt.
  assertUnique(
    "sheet",
    all.map((plan) => plan.name.toLowerCase()),
  );
  assertUnique(
    "table",
    all.flatMap((plan) => plan.tables.map((table) => table.name.toLowerCase())),
  );
  return all;
}

function assertUnique(kind: string, names: string[]): void {
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated) throw new Error(`Standalone workbook: two ${kind}s named "${repeated}"`);
}

function aboutSheet(plans: SheetPlan[]): SheetPlan {
  const cells: CellSpec[] = [
    { ref: "A1", content: "Rare Earth Supply Modeler: standalone workbook", style: "title" },
    {
      ref: "A2",
      content:
        "The add-in's reference data and supply-gap model as an ordinary file, for machines where " +
        "Office add-ins cannot be installed. No macros and no add-in functions: native Excel formulas only.",
      style: "subtitle",
    },
    { ref: "A4", content: "Reference data set", style: "header" },
    { ref: "B4", content: `${DATA_VERSION.version} (${DATA_VERSION.date})` },
    { ref: "A6", content: "Sheet", style: "header" },
    { ref: "B6", content: "What it holds", style: "header" },
  ];
  plans.forEach((plan, index) => {
    cells.push({ ref: `A${7 + index}`, content: plan.name });
    cells.push({ ref: `B${7 + index}`, content: plan.purpose });
  });
  cells.push({
    ref: `A${8 + plans.length}`,
    content:
      "Shares are stored as fractions and shown as percentages. Excel recalculates on opening; " +
      "every formula also carries its value for readers that do not.",
    style: "subtitle",
  });
  cells.push({
    ref: `A${9 + plans.length}`,
    content: STANDALONE_CARDS_LINE,
    style: "subtitle",
  });
  return { name: ABOUT_SHEET, purpose: "", cells, tables: [], names: [], frozenRows: 0 };
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
  const plans = standaloneSheets(options);
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Rare Earth Supply Modeler";
  workbook.title = "Rare Earth Supply Modeler: standalone workbook";
  // Excel (and any reader that honours calcPr) recalculates on open; cached results cover the rest.
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const plan of plans) writeSheet(workbook, plan);
  const bytes: unknown = await workbook.xlsx.writeBuffer();
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes as ArrayBuffer);
}

const STYLE: Record<CellStyle, (cell: ReturnType<Worksheet["getCell"]>) => void> = {
  title: (cell) => (cell.font = { bold: true, size: 14 }),
  subtitle: (cell) => (cell.font = { italic: true, color: { argb: "FF595959" } }),
  section: (cell) => (cell.font = { bold: true, size: 12, color: { argb: "FF1F3864" } }),
  header: (cell) => {
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    cell.border = { bottom: { style: "thin" } };
  },
  // Financial-model convention: blue on light yellow marks a cell meant to be changed.
  input: (cell) => {
    cell.font = { color: { argb: "FF0000FF" } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
  },
  output: (cell) => (cell.font = { bold: true }),
};

/** Styles whose text spills over empty neighbours instead of widening its column. */
const SPILLING: ReadonlySet<CellStyle | undefined> = new Set(["title", "subtitle", "section"]);

function writeSheet(workbook: Workbook, plan: SheetPlan): void {
  const sheet = workbook.addWorksheet(plan.name);
  if (plan.frozenRows > 0) sheet.views = [{ state: "frozen", ySplit: plan.frozenRows }];
  const widths = new ColumnWidths();

  for (const spec of plan.cells) {
    const cell = sheet.getCell(spec.ref);
    cell.value = isFormula(spec.content)
      ? { formula: spec.content.formula, result: spec.content.result }
      : spec.content;
    if (spec.numFmt) cell.numFmt = spec.numFmt;
    if (spec.style) STYLE[spec.style](cell);
    if (!SPILLING.has(spec.style)) {
      const shown = isFormula(spec.content) ? spec.content.result : spec.content;
      widths.see(decodeRef(spec.ref).column, shown, spec.numFmt);
    }
  }

  for (const table of plan.tables) {
    sheet.addTable({
      name: table.name,
      ref: table.ref,
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: table.headers.map((name) => ({ name, filterButton: true })),
      rows: table.rows,
    });
    const { row: top, column: left } = decodeRef(table.ref);
    table.headers.forEach((header, c) => widths.see(left + c, header));
    table.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        const cell = sheet.getCell(top + 1 + r, left + c);
        const numFmt = table.numFmts?.[r]?.[c];
        if (numFmt) cell.numFmt = numFmt;
        if (typeof value === "string" && table.linkColumns?.includes(c)) {
          cell.value = { text: value, hyperlink: value };
        }
        widths.see(left + c, value, numFmt);
      }),
    );
  }

  widths.apply(sheet);
  for (const { name, ref } of plan.names) {
    workbook.definedNames.add(`${quoteSheet(plan.name)}!${ref}`, name);
  }
}

/** "B12" -> row 12, column 2. */
function decodeRef(ref: string): { row: number; column: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!match) throw new Error(`Not an A1 cell address: ${ref}`);
  const column = [...match[1]].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
  return { row: Number(match[2]), column };
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Column widths a person can read: the longest shown text, capped; longer text wraps. */
class ColumnWidths {
  private readonly longest = new Map<number, number>();

  see(column: number, value: Scalar | undefined, numFmt?: string): void {
    const length = shownLength(value, numFmt);
    this.longest.set(column, Math.max(this.longest.get(column) ?? 0, length));
  }

  apply(sheet: Worksheet): void {
    for (const [column, length] of this.longest) {
      const width = Math.min(MAX_WIDTH, Math.max(8, length + 2));
      sheet.getColumn(column).width = width;
      if (length + 2 <= MAX_WIDTH) continue;
      sheet.getColumn(column).eachCell((cell) => {
        if (typeof cell.value === "string" && cell.value.length + 2 > MAX_WIDTH) {
          cell.alignment = { wrapText: true, vertical: "top" };
        }
      });
    }
  }
}

function shownLength(value: Scalar | undefined, numFmt?: string): number {
  if (value === null || value === undefined) return 0;
  if (typeof value !== "number") return String(value).length;
  if (numFmt === FORMAT.share) return `${(value * 100).toFixed(1)}%`.length;
  if (numFmt === FORMAT.ratio) return value.toFixed(3).length;
  if (numFmt?.startsWith("#,##0")) {
    return value.toLocaleString("en-US", { maximumFractionDigits: 2 }).length;
  }
  return String(value).length;
}
