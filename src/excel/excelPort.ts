/**
 * WorkbookPort over Office.js. `snapshot` is one Excel.run with one context.sync(): names in use,
 * add-in settings, the selection and the probe. `apply` queues the whole plan (sheets, whole-range
 * formulas and number formats, tables, names, charts, widths) and syncs once. If that sync fails,
 * whatever part of the plan Excel did carry out is removed again (or, for cells it wrote over, put
 * back) before the error reaches the user. `readCells` and `readSpills` are one sync each.
 */
import {
  columnIndex,
  columnLetters,
  parseQualified,
  parseRange,
  rangeAddress,
} from "../workbook/address";
import type { CellValue } from "../data";
import { hostInput } from "../workbook/cells";
import {
  WorkbookError,
  type CellBlock,
  type CellScope,
  type ChartWrite,
  type ReadableWorkbookPort,
  type SheetRef,
  type SnapshotRequest,
  type SpillRead,
  type WorkbookSnapshot,
  type WritePlan,
} from "../workbook/port";
import { REQUIRED, isSupported, missingMessage } from "./requirements";

const fold = (text: string): string => text.toLowerCase();

function requireApi(): void {
  if (!isSupported(REQUIRED)) {
    throw new WorkbookError(missingMessage(REQUIRED), "Update Excel, or use Excel on the web.");
  }
}

/** A failure Excel reported, in words the user can act on. */
function hostError(error: unknown, doing: "read" | "write", probed = false): WorkbookError {
  if (error instanceof WorkbookError) return error;
  const code = (error as { code?: string } | null)?.code;
  const detail = error instanceof Error && error.message ? ` (${error.message})` : "";
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return new WorkbookError(
        "Excel is editing a cell.",
        "Press Enter or Esc to finish editing, then insert again.",
      );
    case "InvalidSelection":
      return new WorkbookError(
        "The selection is not a range of cells: a chart or shape may be selected.",
        "Select a cell, then insert again.",
      );
    case "AccessDenied":
      return new WorkbookError(
        "The sheet or workbook is protected.",
        "Unprotect it, or insert on a new sheet.",
      );
  }
  if (probed && code === "InvalidArgument") {
    return new WorkbookError(
      "There is not enough room from the selected cell to the edge of the sheet.",
      "Select a cell nearer the top left, or insert on a new sheet.",
    );
  }
  return new WorkbookError(
    doing === "read"
      ? `Excel could not read the workbook${detail}.`
      : `Excel could not finish the insert${detail}. What it had written was removed.`,
    "Try again. If it keeps failing, insert on a new sheet or reload the add-in.",
  );
}

function settingText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

async function snapshot(request: SnapshotRequest = {}): Promise<WorkbookSnapshot> {
  requireApi();
  try {
    return await Excel.run(async (context) => {
      const workbook = context.workbook;
      const sheets = workbook.worksheets.load("items/name");
      const tables = workbook.tables.load("items/name, items/worksheet/name");
      const names = workbook.names.load("items/name");
      const settings = workbook.settings.load("items/key, items/value");
      const active = workbook.worksheets.getActiveWorksheet().load("name");
      const first = workbook.getSelectedRange().getCell(0, 0).load("address");
      let probe: { range: Excel.Range; used: Excel.Range } | undefined;
      if (request.probe) {
        const range = first
          .getResizedRange(request.probe.rows - 1, request.probe.columns - 1)
          .load("address");
        // valuesOnly: a cell counts when it holds a value or a formula, not mere formatting.
        const used = range.getUsedRangeOrNullObject(true).load("isNullObject");
        probe = { range, used };
      }
      await context.sync();
      return {
        sheetNames: sheets.items.map((sheet) => sheet.name),
        tables: tables.items.map((table) => ({ name: table.name, sheet: table.worksheet.name })),
        definedNames: names.items.map((name) => name.name),
        metadata: Object.fromEntries(
          settings.items.map((setting) => [setting.key, settingText(setting.value)]),
        ),
        activeSheet: active.name,
        selection: parseQualified(first.address),
        probe: probe && {
          target: parseQualified(probe.range.address),
          isEmpty: probe.used.isNullObject,
        },
      };
    });
  } catch (error) {
    throw hostError(error, "read", request.probe !== undefined);
  }
}

function addChart(sheet: Excel.Worksheet, chart: ChartWrite): void {
  const box = parseRange(chart.dataAddress);
  const body = { row: box.row + 1, rows: box.rows - 1 };
  const values = sheet.getRange(
    rangeAddress({ ...body, column: box.column + 1, columns: box.columns - 1 }),
  );
  const added = sheet.charts.add("Line", values, "Columns");
  added.title.text = chart.title;
  chart.seriesNames.forEach((name, index) => {
    added.series.getItemAt(index).name = name;
  });
  if (isSupported({ set: "ExcelApi", version: "1.7" })) {
    added.axes.categoryAxis.setCategoryNames(
      sheet.getRange(rangeAddress({ ...body, column: box.column, columns: 1 })),
    );
  }
  const [start, end] = chart.anchor.split(":");
  added.setPosition(start, end);
}

/** Queues every write of the plan on the context, in an order where later steps can rely on earlier ones. */
/**
 * A cell note: Excel's notes (ExcelApi 1.18); before that, a comment (ExcelApi 1.10), Excel's
 * other way to attach text to a cell. Older Excel gets neither: the insert's summary carries the
 * same citation, so the user still has it.
 */
function addNote(workbook: Excel.Workbook, cell: Excel.Range, text: string): void {
  if (isSupported({ set: "ExcelApi", version: "1.18" })) workbook.notes.add(cell, text);
  else if (isSupported({ set: "ExcelApi", version: "1.10" })) workbook.comments.add(cell, text);
}

function queue(context: Excel.RequestContext, plan: WritePlan): void {
  const workbook = context.workbook;
  const sheet = (name: string) => workbook.worksheets.getItem(name);
  for (const name of plan.newSheets) workbook.worksheets.add(name);
  for (const block of plan.blocks) {
    const range = sheet(block.sheet).getRange(block.address);
    if (block.numberFormats) {
      range.numberFormat = block.numberFormats.map((row) =>
        row.map((format) => format ?? "General"),
      );
    }
    range.formulas = block.cells.map((row) => row.map(hostInput));
    for (const row of block.boldRows ?? []) range.getRow(row).format.font.bold = true;
  }
  for (const table of plan.tables) {
    const added = sheet(table.sheet).tables.add(table.address, true);
    added.name = table.name;
    if (table.style) added.style = table.style;
  }
  for (const name of plan.names) {
    workbook.names.add(name.name, sheet(name.sheet).getRange(name.address), name.comment);
  }
  for (const chart of plan.charts) addChart(sheet(chart.sheet), chart);
  for (const { sheet: name, firstColumn, widths } of plan.columnWidths) {
    const first = columnIndex(firstColumn);
    widths.forEach((width, offset) => {
      const letters = columnLetters(first + offset);
      sheet(name).getRange(`${letters}:${letters}`).format.columnWidth = width;
    });
  }
  // Appended rows and metadata come last: if anything before fails, they are never written.
  for (const rows of plan.tableRows) {
    workbook.tables.getItem(rows.table).rows.add(
      undefined,
      rows.cells.map((row) => row.map(hostInput)),
    );
  }
  for (const { key, value } of plan.metadata) workbook.settings.add(key, value);
  for (const note of plan.notes ?? [])
    addNote(workbook, sheet(note.sheet).getRange(note.address), note.text);
  if (plan.select) {
    const target = sheet(plan.select.sheet);
    target.activate();
    target.getRange(plan.select.address).select();
  }
}

/**
 * After a failed apply: deletes the names, tables and sheets the plan added and clears the blocks
 * it wrote on existing sheets (their cells were empty: the snapshot checked). Two syncs, failure
 * path only. Cell formats are left alone: clearing them could erase the user's own formatting.
 */
async function undo(plan: WritePlan): Promise<void> {
  await Excel.run(async (context) => {
    const workbook = context.workbook;
    const sheets = workbook.worksheets.load("items/name");
    const tables = workbook.tables.load("items/name");
    const names = workbook.names.load("items/name");
    await context.sync();
    const has = (items: { name: string }[], name: string) =>
      items.some((item) => fold(item.name) === fold(name));
    const created = (sheet: string) => plan.newSheets.some((name) => fold(name) === fold(sheet));
    for (const name of plan.names) {
      if (has(names.items, name.name)) workbook.names.getItem(name.name).delete();
    }
    for (const table of plan.tables) {
      if (!created(table.sheet) && has(tables.items, table.name)) {
        workbook.tables.getItem(table.name).delete();
      }
    }
    for (const block of plan.blocks) {
      if (!created(block.sheet) && has(sheets.items, block.sheet)) {
        const range = workbook.worksheets.getItem(block.sheet).getRange(block.address);
        if (block.previous) range.formulas = block.previous.map((row) => row.map(hostInput));
        else range.clear("Contents");
      }
    }
    for (const name of plan.newSheets) {
      if (has(sheets.items, name)) workbook.worksheets.getItem(name).delete();
    }
    await context.sync();
  });
}

async function apply(plan: WritePlan): Promise<void> {
  requireApi();
  try {
    await Excel.run(async (context) => {
      queue(context, plan);
      await context.sync();
    });
  } catch (error) {
    try {
      await undo(plan);
    } catch {
      throw new WorkbookError(
        `Excel could not finish the insert, and could not remove all of what it had written${
          plan.newSheets.length > 0 ? ` (check the sheets ${plan.newSheets.join(", ")})` : ""
        }.`,
        "Delete the partly written cells or sheets, then try again.",
      );
    }
    throw hostError(error, "write");
  }
}

async function select(target: SheetRef): Promise<void> {
  try {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(target.sheet);
      sheet.activate();
      sheet.getRange(target.address).select();
      await context.sync();
    });
  } catch (error) {
    throw hostError(error, "read");
  }
}

/** Excel gives "" for an empty cell and an error as its code ("#N/A"). */
const shownValue = (value: unknown): CellValue =>
  value === "" || value === undefined ? null : (value as CellValue);

/**
 * A formula cell's `formulas` entry starts with "=" and differs from what it shows; text that only
 * looks like a formula ('=x) reads the same in both.
 */
function cellBlock(range: Excel.Range): CellBlock {
  const { sheet, address } = parseQualified(range.address);
  return {
    sheet,
    address,
    formulas: range.formulas.map((row, r) =>
      row.map((formula, c) =>
        typeof formula === "string" && formula.startsWith("=") && formula !== range.values[r][c]
          ? formula
          : null,
      ),
    ),
    values: range.values.map((row) => row.map(shownValue)),
  };
}

/** The used range of each sheet (or of the selection): formulas and values in one sync. */
async function readCells(scope: CellScope): Promise<CellBlock[]> {
  requireApi();
  try {
    return await Excel.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      const ranges = (
        scope === "selection"
          ? [context.workbook.getSelectedRange()]
          : scope.sheets.map((name) => worksheets.getItem(name))
      ).map((target) =>
        // valuesOnly: a cell counts when it holds a value or a formula, not mere formatting.
        target.getUsedRangeOrNullObject(true).load("address, formulas, values"),
      );
      await context.sync();
      return ranges.filter((range) => !range.isNullObject).map(cellBlock);
    });
  } catch (error) {
    throw hostError(error, "read");
  }
}

/** ExcelApi 1.12 reports where a dynamic array spills. */
const SPILLS = { set: "ExcelApi", version: "1.12" } as const;

async function readSpills(anchors: readonly SheetRef[]): Promise<SpillRead[]> {
  if (!isSupported(SPILLS)) {
    throw new WorkbookError(
      "This version of Excel cannot report where a table formula spills (ExcelApi 1.12).",
      "Update Excel, or use Excel on the web, to convert REE table formulas.",
    );
  }
  try {
    return await Excel.run(async (context) => {
      const spills = anchors.map((anchor) =>
        context.workbook.worksheets
          .getItem(anchor.sheet)
          .getRange(anchor.address)
          .getSpillingToRangeOrNullObject()
          .load("address, values"),
      );
      await context.sync();
      return anchors.map((anchor, i) => {
        const spill = spills[i];
        if (spill.isNullObject) return { anchor, spill: null };
        return {
          anchor,
          spill: {
            address: parseQualified(spill.address).address,
            values: spill.values.map((row) => row.map(shownValue)),
          },
        };
      });
    });
  } catch (error) {
    throw hostError(error, "read");
  }
}

/** The Office.js WorkbookPort. Every method is one Excel.run with one context.sync(). */
export function createExcelPort(): ReadableWorkbookPort {
  return { snapshot, apply, select, readCells, readSpills };
}
