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
import { SMALL_STEP_BYTES, type Step, jsonBytes, packRequests, rowBands } from "./requests";

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

/** Cell inputs as Office.js takes them, and the number formats beside them (General where none). */
function blockPayload(block: WritePlan["blocks"][number]) {
  return {
    formulas: block.cells.map((row) => row.map(hostInput)),
    numberFormats: block.numberFormats?.map((row) => row.map((format) => format ?? "General")),
  };
}

/** A block's cells as steps of whole rows, each under the request budget. */
function blockSteps(workbook: Excel.Workbook, block: WritePlan["blocks"][number]): Step[] {
  const { formulas, numberFormats } = blockPayload(block);
  const box = parseRange(block.address);
  const rowBytes = formulas.map(
    (row, r) => jsonBytes(row) + (numberFormats ? jsonBytes(numberFormats[r]) : 0),
  );
  return rowBands(rowBytes).map(([first, end]) => ({
    bytes: rowBytes.slice(first, end).reduce((sum, bytes) => sum + bytes, 0),
    queue() {
      const address = rangeAddress({ ...box, row: box.row + first, rows: end - first });
      const range = workbook.worksheets.getItem(block.sheet).getRange(address);
      if (numberFormats) range.numberFormat = numberFormats.slice(first, end);
      range.formulas = formulas.slice(first, end);
      for (const row of block.boldRows ?? []) {
        if (row >= first && row < end) range.getRow(row - first).format.font.bold = true;
      }
    },
  }));
}

/** Rows appended to a table, as steps under the request budget (appended in order). */
function tableRowSteps(workbook: Excel.Workbook, rows: WritePlan["tableRows"][number]): Step[] {
  const values = rows.cells.map((row) => row.map(hostInput));
  const rowBytes = values.map(jsonBytes);
  return rowBands(rowBytes).map(([first, end]) => ({
    bytes: rowBytes.slice(first, end).reduce((sum, bytes) => sum + bytes, 0),
    queue: () => workbook.tables.getItem(rows.table).rows.add(undefined, values.slice(first, end)),
  }));
}

const small = (queue: () => void): Step => ({ bytes: SMALL_STEP_BYTES, queue });

/**
 * Every write of the plan as steps, in an order where later steps can rely on earlier ones: sheets,
 * cells, then the tables, names and charts over them, and appended rows and metadata last, so that
 * if anything before fails they are never written.
 */
function planSteps(context: Excel.RequestContext, plan: WritePlan): Step[] {
  const workbook = context.workbook;
  const sheet = (name: string) => workbook.worksheets.getItem(name);
  const selected = plan.select;
  return [
    ...plan.newSheets.map((name) => small(() => workbook.worksheets.add(name))),
    ...plan.blocks.flatMap((block) => blockSteps(workbook, block)),
    ...plan.tables.map((table) =>
      small(() => {
        const added = sheet(table.sheet).tables.add(table.address, true);
        added.name = table.name;
        if (table.style) added.style = table.style;
      }),
    ),
    ...plan.names.map((name) =>
      small(() =>
        workbook.names.add(name.name, sheet(name.sheet).getRange(name.address), name.comment),
      ),
    ),
    ...plan.charts.map((chart) => small(() => addChart(sheet(chart.sheet), chart))),
    ...plan.columnWidths.map(({ sheet: name, firstColumn, widths }) =>
      small(() => {
        const first = columnIndex(firstColumn);
        widths.forEach((width, offset) => {
          const letters = columnLetters(first + offset);
          sheet(name).getRange(`${letters}:${letters}`).format.columnWidth = width;
        });
      }),
    ),
    ...plan.tableRows.flatMap((rows) => tableRowSteps(workbook, rows)),
    ...plan.metadata.map(({ key, value }) => small(() => workbook.settings.add(key, value))),
    ...(selected
      ? [
          small(() => {
            const target = sheet(selected.sheet);
            target.activate();
            target.getRange(selected.address).select();
          }),
        ]
      : []),
  ];
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
      // Requests under Excel on the web's 5 MB limit; a small plan is one request, one sync.
      for (const request of packRequests(planSteps(context, plan))) {
        for (const step of request) step.queue();
        await context.sync();
      }
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
