/**
 * WorkbookPort over Office.js. `snapshot` is one Excel.run with one context.sync(): names in use,
 * add-in settings, the selection and the probe (with what it cannot see: merged cells, an empty
 * table). `apply` queues the plan (sheets, whole-row formulas and number formats, tables, names,
 * charts, widths) in requests under Excel on the web's 5 MB limit: one sync for a small plan, one
 * per 4 MB for a large one. If a request fails, what this insert created or wrote, in it or in the
 * requests before, is removed again (or, for cells and settings it wrote over, put back) before the
 * error reaches the user. `readCells` finds where the cells are, then reads them in requests under
 * the same limit; `readSpills` is one sync.
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
import { count } from "../workbook/plan";
import { SOURCES_KEY } from "../workbook/sources";
import {
  WorkbookError,
  type CellBlock,
  type CellInput,
  type CellScope,
  type BlockWrite,
  type CardWrite,
  type ChartWrite,
  type NameWrite,
  type ReadableWorkbookPort,
  type SheetRef,
  type SnapshotRequest,
  type SpillRead,
  type TableRowsWrite,
  type WorkbookSnapshot,
  type WritePlan,
} from "../workbook/port";
import { REQUIRED, isSupported, missingMessage } from "./requirements";
import { cardSupport } from "./cardSupport";
import { watchSelection } from "./selection";
import {
  BAND_BUDGET_BYTES,
  CELLS_PER_READ,
  COMMAND_BYTES,
  SMALL_STEP_BYTES,
  type Step,
  jsonBytes,
  packRequests,
} from "./requests";

const fold = (text: string): string => text.toLowerCase();

function requireApi(): void {
  if (!isSupported(REQUIRED)) {
    throw new WorkbookError(missingMessage(REQUIRED), "Update Excel, or use Excel on the web.");
  }
}

/** What the workbook's state says about a failure whose error code leaves the cause open. */
type Cause = "several-areas" | "read-only" | null;

/** ExcelApi 1.8 tells a read-only workbook; 1.9 reads a selection of several areas. */
const READ_ONLY = { set: "ExcelApi", version: "1.8" } as const;
const SELECTED_RANGES = { set: "ExcelApi", version: "1.9" } as const;

/** One more request, on the failure path only, to tell causes that share an error code apart. */
async function causeOf(error: unknown): Promise<Cause> {
  const code = (error as { code?: string } | null)?.code;
  try {
    if (code === "InvalidSelection" && isSupported(SELECTED_RANGES)) {
      return await Excel.run(async (context) => {
        const areas = context.workbook.getSelectedRanges().load("areaCount");
        await context.sync();
        return areas.areaCount > 1 ? "several-areas" : null;
      });
    }
    if (code === "AccessDenied" && isSupported(READ_ONLY)) {
      return await Excel.run(async (context) => {
        const workbook = context.workbook.load("readOnly");
        await context.sync();
        return workbook.readOnly ? "read-only" : null;
      });
    }
  } catch {
    // The first error is what the user is told about; this one adds nothing.
  }
  return null;
}

/** A failure Excel reported, in words the user can act on. */
function hostError(
  error: unknown,
  doing: "read" | "write",
  { probed = false, cause = null }: { probed?: boolean; cause?: Cause } = {},
): WorkbookError {
  if (error instanceof WorkbookError) return error;
  const code = (error as { code?: string } | null)?.code;
  const detail = error instanceof Error && error.message ? ` (${error.message})` : "";
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return new WorkbookError(
        "Excel is editing a cell.",
        "Press Enter or Esc to finish editing, then try again.",
      );
    case "InvalidSelection":
      return cause === "several-areas"
        ? new WorkbookError(
            "Several ranges are selected, so there is no one place to insert.",
            "Click a single cell, then try again.",
          )
        : new WorkbookError(
            "The selection is not a range of cells: a chart or shape may be selected.",
            "Select a cell, then insert again.",
          );
    case "AccessDenied":
      return cause === "read-only"
        ? new WorkbookError(
            "This workbook is open read-only or in View mode, so nothing can be written to it.",
            "Switch to Editing (or save a copy you can edit), then insert again.",
          )
        : new WorkbookError(
            "The sheet or workbook is protected.",
            "Unprotect it (Review > Unprotect Sheet), or insert on a new sheet.",
          );
    case "ItemAlreadyExists":
      return new WorkbookError(
        "A sheet, table or name this insert needed was created by someone else while it ran. Their work was left alone; what this insert had written was removed.",
        "Insert again: the add-in picks names that are free.",
      );
    case "MergedRangeConflict":
      return new WorkbookError(
        "Some of the target cells are merged, and Excel cannot write a table over merged cells.",
        "Unmerge them (Home > Merge & Center), or select another cell, then insert again.",
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

/** ExcelApi 1.13 lists merged areas; 1.9 the tables a range overlaps. */
const MERGED_AREAS = { set: "ExcelApi", version: "1.13" } as const;
const RANGE_TABLES = { set: "ExcelApi", version: "1.9" } as const;

/**
 * What the emptiness probe cannot see in an empty target: merged cells, and a table with no
 * content yet. Either would make the write fail halfway, so the user is told before.
 */
function probeObstacle(
  merged: Excel.RangeAreas | undefined,
  tables: Excel.TableScopedCollection | undefined,
) {
  if (merged && !merged.isNullObject) {
    return new WorkbookError(
      `The target has merged cells (${parseQualified(merged.address.split(",")[0]).address}), and Excel cannot write a table over merged cells.`,
      "Unmerge them (Home > Merge & Center), or select another cell, then insert again.",
    );
  }
  const table = tables?.items[0];
  if (table) {
    return new WorkbookError(
      `The target overlaps the table ${table.name}, which is empty but still takes the cells.`,
      "Select a cell outside the table, or delete the table, then insert again.",
    );
  }
  return null;
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
      const tables = workbook.tables.load("items/name, items/worksheet/name, items/rows/count");
      const names = workbook.names.load("items/name, items/formula");
      const settings = workbook.settings.load("items/key, items/value");
      const active = workbook.worksheets.getActiveWorksheet().load("name");
      const first = workbook.getSelectedRange().getCell(0, 0).load("address");
      let probe:
        | {
            range: Excel.Range;
            used: Excel.Range;
            merged?: Excel.RangeAreas;
            tables?: Excel.TableScopedCollection;
          }
        | undefined;
      if (request.probe) {
        const range = first
          .getResizedRange(request.probe.rows - 1, request.probe.columns - 1)
          .load("address");
        // valuesOnly: a cell counts when it holds a value or a formula, not mere formatting.
        const used = range.getUsedRangeOrNullObject(true).load("isNullObject");
        const merged = isSupported(MERGED_AREAS)
          ? range.getMergedAreasOrNullObject().load("address")
          : undefined;
        const tables = isSupported(RANGE_TABLES)
          ? range.getTables(false).load("items/name")
          : undefined;
        probe = { range, used, merged, tables };
      }
      await context.sync();
      const obstacle = probe?.used.isNullObject && probeObstacle(probe.merged, probe.tables);
      if (obstacle) throw obstacle;
      return {
        sheetNames: sheets.items.map((sheet) => sheet.name),
        tables: tables.items.map((table) => ({
          name: table.name,
          sheet: table.worksheet.name,
          dataRows: table.rows.count,
        })),
        definedNames: names.items.map((name) => name.name),
        nameFormulas: Object.fromEntries(
          names.items.flatMap((name) =>
            typeof name.formula === "string" ? [[name.name, name.formula]] : [],
          ),
        ),
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
    throw hostError(error, "read", {
      probed: request.probe !== undefined,
      cause: await causeOf(error),
    });
  }
}

/** ExcelApi 1.7 adds chart series from explicit ranges (series.add, setValues, setXAxisValues). */
const CHART_SERIES = { set: "ExcelApi", version: "1.7" } as const;
/** Worksheet.pageLayout: A4 landscape, one page wide, header rows on every page. */
const PAGE_LAYOUT = { set: "ExcelApi", version: "1.9" } as const;

/**
 * The chart is made in the batch that writes the formulas it shows, before Excel has calculated
 * their spill: from a blank range Excel makes no series. So each series is added from its own
 * column (values) and the category column (x axis), which needs nothing calculated. Without
 * ExcelApi 1.7 the chart takes whatever series Excel makes from the range.
 */
function addChart(sheet: Excel.Worksheet, chart: ChartWrite): void {
  const box = parseRange(chart.dataAddress);
  const body = { row: box.row + 1, rows: box.rows - 1 };
  const column = (offset: number) =>
    sheet.getRange(rangeAddress({ ...body, column: box.column + offset, columns: 1 }));
  const values = sheet.getRange(
    rangeAddress({ ...body, column: box.column + 1, columns: box.columns - 1 }),
  );
  const added = sheet.charts.add(chart.type === "bar" ? "BarClustered" : "Line", values, "Columns");
  added.title.text = chart.title;
  if (chart.sourceCalculated) {
    // Excel made a series of each column: name them, and label the x axis where it can.
    chart.seriesNames.forEach((name, index) => (added.series.getItemAt(index).name = name));
    if (isSupported(CHART_SERIES)) added.axes.categoryAxis.setCategoryNames(column(0));
  } else if (isSupported(CHART_SERIES)) {
    chart.seriesNames.forEach((name, index) => {
      const series = added.series.add(name);
      series.setValues(column(index + 1));
      series.setXAxisValues(column(0));
    });
  }
  const [start, end] = chart.anchor.split(":");
  added.setPosition(start, end);
}

/**
 * A cell note: Excel's notes (ExcelApi 1.18); before that, a comment (ExcelApi 1.10), Excel's
 * other way to attach text to a cell. Older Excel gets neither: the insert's summary carries the
 * same citation, so the user still has it.
 */
function addNote(workbook: Excel.Workbook, cell: Excel.Range, text: string): void {
  if (isSupported({ set: "ExcelApi", version: "1.18" })) workbook.notes.add(cell, text);
  else if (isSupported({ set: "ExcelApi", version: "1.10" })) workbook.comments.add(cell, text);
}

/** A block's cells as a step of whole rows. */
function blockStep(workbook: Excel.Workbook, block: BlockWrite, onNewSheet: boolean): Step {
  const formulas = block.cells.map((row) => row.map(hostInput));
  const formats = block.numberFormats?.map((row) => row.map((format) => format ?? "General"));
  // A new sheet's cells are General already: sending that again only makes the request larger.
  const numberFormats =
    onNewSheet && formats?.every((row) => row.every((format) => format === "General"))
      ? undefined
      : formats;
  const box = parseRange(block.address);
  return {
    // Each row and its formats, and the comma after each in the request's arrays.
    rowBytes: formulas.map(
      (row, r) => jsonBytes(row) + 1 + (numberFormats ? jsonBytes(numberFormats[r]) + 1 : 0),
    ),
    queue(first, end) {
      const address = rangeAddress({ ...box, row: box.row + first, rows: end - first });
      const range = workbook.worksheets.getItem(block.sheet).getRange(address);
      if (numberFormats) range.numberFormat = numberFormats.slice(first, end);
      range.formulas = formulas.slice(first, end);
      for (const row of block.boldRows ?? []) {
        if (row >= first && row < end) range.getRow(row - first).format.font.bold = true;
      }
      for (const column of block.wrapColumns ?? []) range.getColumn(column).format.wrapText = true;
    },
  };
}

/**
 * Rows appended to a table, as a step of whole rows (appended in order, at the table's end: never
 * above rows someone else added meanwhile). `appended` records each part in the same request.
 */
function tableRowsStep(
  workbook: Excel.Workbook,
  rows: TableRowsWrite,
  appended: (end: number) => void,
): Step {
  const values = rows.cells.map((row) => row.map(hostInput));
  return {
    rowBytes: values.map((row) => jsonBytes(row) + 1),
    queue(first, end) {
      workbook.tables.getItem(rows.table).rows.add(undefined, values.slice(first, end));
      appended(end);
    },
  };
}

const small = (queue: () => void): Step => ({ rowBytes: [SMALL_STEP_BYTES], queue });

/**
 * What adding a name sends: its name, where it refers to and its comment, plus the command; a
 * hidden name's second command (visible = false) names it again. A conversion adds one per cell,
 * so a flat SMALL_STEP_BYTES (four times this) would fill requests to a quarter.
 */
const nameBytes = (name: NameWrite): number =>
  jsonBytes([name.name, name.sheet, name.address, name.comment ?? null]) +
  COMMAND_BYTES +
  (name.hidden ? jsonBytes(name.name) + COMMAND_BYTES : 0);

/** Workbook setting listing what the insert under way has created so far (see `undo`). */
const CREATED_KEY = "ree.insertCreated";

/** What an insert created, as recorded in the workbook right after each creation. */
interface Created {
  /** Which insert: a record left by an earlier, successful insert is not this one's. */
  insert: string;
  sheets: string[];
  /** Tables by plan index; `named` once the name was set (before, it has Excel's default name). */
  tables: { index: number; named: boolean }[];
  /**
   * How many of the plan's names were added, in plan order: a count, so the record stays small
   * when a conversion adds a hidden name for each of thousands of cells (see planSteps).
   */
  names: number;
  /** Rows written of each block on an existing sheet, by plan index: [index, end row]. */
  rows: [number, number][];
  /** How many of the plan's cards were written, in plan order. */
  cards: number;
  /** Rows appended to each existing table, by plan index: [index, rows appended]. */
  tableRows: [number, number][];
}

/** A record of nothing created yet. */
const nothingCreated = (insert: string): Created => ({
  insert,
  sheets: [],
  tables: [],
  names: 0,
  rows: [],
  cards: 0,
  tableRows: [],
});

/**
 * Every write of the plan as steps, in an order where later steps can rely on earlier ones: sheets,
 * cells, then the tables, names and charts over them, and appended rows and metadata last (what
 * is never written needs no undo, and theirs is the undo that may have to leave something). After
 * each creation the list of what was created is stored in a setting in the same request: Excel
 * carries out a request's commands in order and stops at the first that fails, so the setting
 * lists exactly what this insert made, and never a same-named sheet, table or name someone else
 * made meanwhile. Settings need no entry: each write carries the value it replaces (see undo).
 */
function planSteps(context: Excel.RequestContext, plan: WritePlan, insert: string): Step[] {
  const workbook = context.workbook;
  const sheet = (name: string) => workbook.worksheets.getItem(name);
  const isNew = (name: string) => plan.newSheets.some((created) => fold(created) === fold(name));
  const created = nothingCreated(insert);
  const record = () => workbook.settings.add(CREATED_KEY, JSON.stringify(created));
  const selected = plan.select;
  return [
    ...plan.newSheets.map((name) =>
      small(() => {
        workbook.worksheets.add(name);
        created.sheets.push(name);
        record();
      }),
    ),
    ...plan.blocks.map((block, index): Step => {
      const step = blockStep(workbook, block, isNew(block.sheet));
      if (isNew(block.sheet)) return step;
      return {
        rowBytes: step.rowBytes,
        queue(first, end) {
          step.queue(first, end);
          created.rows = [...created.rows.filter(([known]) => known !== index), [index, end]];
          record();
        },
      };
    }),
    ...plan.tables.map((table, index) =>
      small(() => {
        const added = sheet(table.sheet).tables.add(table.address, true);
        const entry = { index, named: false };
        created.tables.push(entry);
        record();
        added.name = table.name;
        entry.named = true;
        record();
        if (table.style) added.style = table.style;
      }),
    ),
    // The names as one step of one row each, recorded once per request after its run of them (a
    // conversion adds a hidden name per cell: a record per name would double what it sends). A
    // command that fails inside a run leaves that run's names, all this insert's own, in place.
    {
      rowBytes: plan.names.map(nameBytes),
      queue(first, end) {
        for (const name of plan.names.slice(first, end)) {
          const added = workbook.names.add(
            name.name,
            sheet(name.sheet).getRange(name.address),
            name.comment,
          );
          if (name.hidden) added.visible = false;
        }
        created.names = end;
        record();
      },
    },
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
    ...(isSupported(PAGE_LAYOUT) ? (plan.print ?? []) : []).map((print) =>
      small(() => {
        const layout = sheet(print.sheet).pageLayout;
        layout.orientation = "Landscape";
        layout.paperSize = "A4";
        // One page wide; as many pages tall as the rows need.
        layout.zoom = { horizontalFitToPages: 1 };
        layout.setPrintTitleRows(print.titleRows);
      }),
    ),
    // Cards after the blocks: each goes over the plain figure its block wrote in the same cell.
    {
      rowBytes: (plan.cards ?? []).map((card) => jsonBytes(card.card) + 1),
      queue(first, end) {
        for (const card of (plan.cards ?? []).slice(first, end))
          writeCard(workbook, card, card.card);
        created.cards = end;
        record();
      },
    },
    ...(plan.notes ?? []).map((note) =>
      small(() => addNote(workbook, sheet(note.sheet).getRange(note.address), note.text)),
    ),
    ...(selected
      ? [
          small(() => {
            const target = sheet(selected.sheet);
            target.activate();
            target.getRange(selected.address).select();
          }),
        ]
      : []),
    // Last (see above): rows appended to existing tables, recorded as they go, then settings.
    ...plan.tableRows.map((rows, index) =>
      tableRowsStep(workbook, rows, (end) => {
        created.tableRows = [
          ...created.tableRows.filter(([known]) => known !== index),
          [index, end],
        ];
        record();
      }),
    ),
    ...plan.metadata.map(({ key, value }) => small(() => workbook.settings.add(key, value))),
  ];
}

/** The list of what the failed insert created, as stored in the workbook (empty if none was). */
function createdBy(settings: Excel.SettingCollection, insert: string): Created {
  const stored = settings.items.find((setting) => setting.key === CREATED_KEY);
  const empty = nothingCreated(insert);
  try {
    const record = stored && (JSON.parse(settingText(stored.value)) as Partial<Created>);
    return record?.insert === insert ? { ...empty, ...record } : empty;
  } catch {
    return empty;
  }
}

/**
 * After a failed apply: deletes the names, tables and sheets this insert created (as its setting
 * lists them: a same-named object someone else made meanwhile stays), clears, or puts back, the
 * rows it wrote on existing sheets (their cells were empty or are restored from `previous`),
 * deletes the rows it appended to existing tables and puts back the settings it replaced. Two
 * syncs, failure path only, and one more read when it had appended rows. Cell formats are left
 * alone: clearing them could erase the user's own formatting. Returns what it had to leave.
 */
async function undo(plan: WritePlan, insert: string): Promise<string[]> {
  return Excel.run(async (context) => {
    const workbook = context.workbook;
    const settings = workbook.settings.load("items/key, items/value");
    // How many rows the tables have now, asked only by an insert that appends some.
    const tables =
      plan.tableRows.length > 0 ? workbook.tables.load("items/name, items/rows/count") : null;
    await context.sync();
    const created = createdBy(settings, insert);
    const appended = tables ? await appendedRows(context, plan, created, tables) : NONE_APPENDED;
    const isCreated = (sheet: string) => created.sheets.some((name) => fold(name) === fold(sheet));
    for (const { name } of plan.names.slice(0, created.names)) {
      workbook.names.getItem(name).delete();
    }
    for (const { index, named } of created.tables) {
      const table = plan.tables[index];
      if (!table || isCreated(table.sheet)) continue;
      if (named) workbook.tables.getItem(table.name).delete();
      // Not yet named: the one table inside its range is this insert's (ExcelApi 1.9).
      else sheetTable(workbook, table)?.delete();
    }
    for (const [index, end] of created.rows) {
      const block = plan.blocks[index];
      if (!block || isCreated(block.sheet)) continue;
      const box = parseRange(block.address);
      const range = workbook.worksheets
        .getItem(block.sheet)
        .getRange(rangeAddress({ ...box, rows: Math.min(end, box.rows) }));
      if (block.previous) {
        range.formulas = block.previous.slice(0, end).map((row) => row.map(hostInput));
      } else range.clear("Contents");
    }
    // A card that replaced another gets it back; one over a block's cell went with the block.
    for (const card of (plan.cards ?? []).slice(0, created.cards)) {
      if (card.previous && !isCreated(card.sheet)) writeCard(workbook, card, card.previous);
    }
    // Table rows go with their cells: cells below them in the table's columns move up.
    for (const rows of appended.ours) rows.delete("Up");
    for (const name of created.sheets) workbook.worksheets.getItem(name).delete();
    // Rows left in Sources stay listed in its record, or a later insert would list them again.
    putBackSettings(settings, plan, appended.left.length > 0 ? [SOURCES_KEY] : []);
    if (settings.items.some((setting) => setting.key === CREATED_KEY)) {
      workbook.settings.getItem(CREATED_KEY).delete();
    }
    await context.sync();
    return appended.left;
  });
}

/** Rows of this insert found in existing tables, and those it has to leave, in words. */
interface Appended {
  ours: Excel.Range[];
  left: string[];
}

const NONE_APPENDED: Appended = { ours: [], left: [] };

/**
 * The rows this insert appended to existing tables, where it put them: right after the rows each
 * table had when the insert read the workbook. They are taken for its own only while the table
 * holds exactly those rows and these, and the first and last of these still read as written (one
 * more read); otherwise someone else changed the table meanwhile, and telling their rows from ours
 * would be a guess, so ours are left and named.
 */
async function appendedRows(
  context: Excel.RequestContext,
  plan: WritePlan,
  created: Created,
  tables: Excel.TableCollection,
): Promise<Appended> {
  type Found = { words: string; check?: { range: Excel.Range; asWritten: () => boolean } };
  const found = created.tableRows.flatMap(([index, end]): Found[] => {
    const rows = plan.tableRows[index];
    const table = rows && tables.items.find((known) => fold(known.name) === fold(rows.table));
    // A table deleted meanwhile took the rows with it.
    if (!table || end === 0) return [];
    const words = `${count(end, "row")} it added to the table ${rows.table} on ${rows.sheet}`;
    if (table.rows.count !== rows.rowsBefore + end) return [{ words }];
    const body = context.workbook.tables.getItem(rows.table).getDataBodyRange();
    const first = body.getRow(rows.rowsBefore).load("values");
    const last = body.getRow(rows.rowsBefore + end - 1).load("values");
    const asWritten = () =>
      readsAsWritten(rows.cells[0], first.values[0]) &&
      readsAsWritten(rows.cells[end - 1], last.values[0]);
    return [{ words, check: { range: first.getBoundingRect(last), asWritten } }];
  });
  if (found.some(({ check }) => check)) await context.sync();
  const appended: Appended = { ours: [], left: [] };
  for (const { words, check } of found) {
    if (check?.asWritten()) appended.ours.push(check.range);
    else appended.left.push(words);
  }
  return appended;
}

/**
 * Whether a row reads as the cells written there: each value as it was written (Excel gives ""
 * for an empty cell); a formula's cell shows its result, which says nothing, so it is not compared.
 */
function readsAsWritten(cells: readonly CellInput[], shown: readonly unknown[]): boolean {
  return cells.every(
    (cell, column) =>
      cell.kind === "formula" ||
      shownValue(shown[column]) === (cell.value === "" ? null : cell.value),
  );
}

/**
 * Puts back each setting this insert wrote as the insert read it (deleted where it was not set),
 * while it holds a value this insert wrote: one a co-author set to something else meanwhile stays,
 * and so do the `keep` keys.
 */
function putBackSettings(
  settings: Excel.SettingCollection,
  plan: WritePlan,
  keep: readonly string[],
): void {
  const now = new Map(settings.items.map((setting) => [setting.key, settingText(setting.value)]));
  for (const key of new Set(plan.metadata.map((write) => write.key))) {
    if (keep.includes(key)) continue;
    const writes = plan.metadata.filter((write) => write.key === key);
    const value = now.get(key);
    // Every write of a key carries the same previous value: the snapshot's.
    const { previous } = writes[0];
    if (value === undefined || value === previous) continue;
    if (!writes.some((write) => write.value === value)) continue;
    if (previous === undefined) settings.getItem(key).delete();
    else settings.add(key, previous);
  }
}

function sheetTable(workbook: Excel.Workbook, table: SheetRef): Excel.Table | null {
  if (!isSupported({ set: "ExcelApi", version: "1.9" })) return null;
  return workbook.worksheets
    .getItem(table.sheet)
    .getRange(table.address)
    .getTables(true)
    .getFirst();
}

function writeCard(workbook: Excel.Workbook, at: SheetRef, card: CardWrite["card"]): void {
  const cell = workbook.worksheets.getItem(at.sheet).getRange(at.address);
  // Our card type is Excel's EntityCellValue JSON (src/workbook/card.ts), checked by the tests.
  cell.valuesAsJson = [[card as unknown as Excel.EntityCellValue]];
}

async function apply(plan: WritePlan): Promise<void> {
  requireApi();
  const support = cardSupport();
  // Never a silent downgrade: the pane offered cards only where they can be written.
  if ((plan.cards ?? []).length > 0 && !support.ok) {
    throw new WorkbookError(
      support.reason,
      "Insert the figures as values with a cell note instead.",
    );
  }
  // Left in the workbook after a successful insert (one small setting); the next one replaces it.
  const insert = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  try {
    await Excel.run(async (context) => {
      // Requests under Excel on the web's 5 MB limit; a small plan is one request, one sync.
      for (const request of packRequests(planSteps(context, plan, insert))) {
        for (const { step, first, end } of request) step.queue(first, end);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request
        await context.sync();
      }
    });
  } catch (error) {
    const cause = await causeOf(error);
    let left: string[] = [];
    try {
      // A read-only workbook took none of it: there is nothing to remove.
      if (cause !== "read-only") left = await undo(plan, insert);
    } catch {
      throw new WorkbookError(
        `Excel could not finish the insert, and could not remove all of what it had written${
          plan.newSheets.length > 0 ? ` (check the sheets ${plan.newSheets.join(", ")})` : ""
        }.`,
        "Delete the partly written cells or sheets, then try again.",
      );
    }
    const reported = hostError(error, "write", { cause });
    if (left.length === 0) throw reported;
    throw new WorkbookError(
      `${reported.message} It left the ${left.join(" and the ")}: someone else changed ${
        left.length === 1 ? "that table" : "those tables"
      } meanwhile, so it could not tell its rows from theirs.`,
      `Check the last rows of ${left.length === 1 ? "that table" : "those tables"} and delete the ones this insert added. ${reported.action}`,
    );
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

/** ExcelApi 1.7 reads a range by row and column index (how reads are split into requests). */
const RANGE_BY_INDEXES = { set: "ExcelApi", version: "1.7" } as const;
/** ExcelApi 1.9 says which cells hold formulas and which constants (Range.getSpecialCells). */
const SPECIAL_CELLS = { set: "ExcelApi", version: "1.9" } as const;
/** Beyond this many areas on a sheet, reading its used range in bands is the cheaper request. */
const MAX_AREAS = 1_000;

type Box = ReturnType<typeof parseRange>;
/**
 * What a read holds: formula cells (formulas and values), constants (values only: what they show
 * is what they hold), or a mix where each cell's formula is told from its value.
 */
type ReadKind = "formulas" | "constants" | "mixed";
interface Piece {
  sheet: string;
  box: Box;
  kind: ReadKind;
}

/**
 * A formula cell's `formulas` entry starts with "=" and, in a mixed read, differs from what it
 * shows; text that only looks like a formula ('=x) reads the same in both.
 */
function cellBlock(piece: Piece, formulas: unknown[][] | null, values: unknown[][]): CellBlock {
  const isFormula = (formula: unknown, r: number, c: number): formula is string =>
    typeof formula === "string" &&
    formula.startsWith("=") &&
    (piece.kind === "formulas" || formula !== values[r][c]);
  return {
    sheet: piece.sheet,
    address: rangeAddress(piece.box),
    formulas: values.map((row, r) =>
      row.map((_, c) => {
        const formula = formulas?.[r][c];
        return isFormula(formula, r, c) ? formula : null;
      }),
    ),
    values: values.map((row) => row.map(shownValue)),
  };
}

/** The rectangles of a RangeAreas address ("Sheet1!A1:B4, 'My, sheet'!D1:D4"). */
function areasOf(address: string): { sheet: string; box: Box }[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    if (address[i] === "'") quoted = !quoted;
    else if (address[i] === "," && !quoted) {
      parts.push(address.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(address.slice(start));
  return parts.map((part) => {
    const { sheet, address: range } = parseQualified(part.trim());
    return { sheet, box: parseRange(range) };
  });
}

/** The part of `box` inside `within`, or null (special cells of one cell can cover the sheet). */
function clip(box: Box, within: Box): Box | null {
  const row = Math.max(box.row, within.row);
  const column = Math.max(box.column, within.column);
  const rows = Math.min(box.row + box.rows, within.row + within.rows) - row;
  const columns = Math.min(box.column + box.columns, within.column + within.columns) - column;
  return rows > 0 && columns > 0 ? { row, column, rows, columns } : null;
}

interface Located {
  used: Excel.Range;
  formulas?: Excel.RangeAreas;
  constants?: Excel.RangeAreas;
}

/** What to read of one used range: its formula and constant areas where Excel says, else all of it. */
function piecesOf({ used, formulas, constants }: Located): Piece[] {
  if (used.isNullObject) return [];
  const { sheet, address } = parseQualified(used.address);
  const whole = parseRange(address);
  const areaCount = (found: Excel.RangeAreas) => (found.isNullObject ? 0 : found.areaCount);
  if (!formulas || !constants || areaCount(formulas) + areaCount(constants) > MAX_AREAS) {
    return [{ sheet, box: whole, kind: "mixed" }];
  }
  const found: [Excel.RangeAreas, ReadKind][] = [
    [formulas, "formulas"],
    [constants, "constants"],
  ];
  return found.flatMap(([areas, kind]) =>
    areas.isNullObject
      ? []
      : areasOf(areas.address).flatMap((area) => {
          const box = clip(area.box, whole);
          return box ? [{ sheet, box, kind }] : [];
        }),
  );
}

/** Largest rectangle of cells held as one block; sheets whose cells lie further apart keep several. */
const MERGED_BLOCK_CELLS = 2_000_000;

/**
 * The pieces read of each sheet as one block over all of them (empty between), as readers expect
 * one block per sheet; several only when one rectangle would be too large to hold.
 */
function mergeBySheet(blocks: CellBlock[]): CellBlock[] {
  const bySheet = new Map<string, CellBlock[]>();
  for (const block of blocks) {
    const key = fold(block.sheet);
    const parts = bySheet.get(key) ?? [];
    if (parts.push(block) === 1) bySheet.set(key, parts);
  }
  return [...bySheet.values()].flatMap((parts) => {
    if (parts.length === 1) return parts;
    const boxes = parts.map((part) => parseRange(part.address));
    const row = Math.min(...boxes.map((box) => box.row));
    const column = Math.min(...boxes.map((box) => box.column));
    const rows = Math.max(...boxes.map((box) => box.row + box.rows)) - row;
    const columns = Math.max(...boxes.map((box) => box.column + box.columns)) - column;
    if (rows * columns > MERGED_BLOCK_CELLS) return parts;
    const empty = () => Array.from({ length: rows }, () => new Array(columns).fill(null));
    const merged: CellBlock = {
      sheet: parts[0].sheet,
      address: rangeAddress({ row, column, rows, columns }),
      formulas: empty(),
      values: empty(),
    };
    parts.forEach((part, i) => {
      const at = { row: boxes[i].row - row, column: boxes[i].column - column };
      part.values.forEach((line, r) =>
        line.forEach((shown, c) => {
          merged.values[at.row + r][at.column + c] = shown;
          merged.formulas[at.row + r][at.column + c] = part.formulas[r][c];
        }),
      );
    });
    return [merged];
  });
}

/** First guess of the JSON bytes per cell read, before a request has measured them. */
const GUESSED_BYTES_PER_CELL: Record<ReadKind, number> = { formulas: 48, constants: 16, mixed: 32 };

/**
 * Reads the pieces in requests under the budget: whole rows of each piece while the estimated
 * response fits. The estimate per kind starts from a guess and follows what each request measured.
 */
async function readPieces(context: Excel.RequestContext, queue: Piece[]): Promise<CellBlock[]> {
  const bytesPerCell = { ...GUESSED_BYTES_PER_CELL };
  const blocks: CellBlock[] = [];
  while (queue.length > 0) {
    const request: { piece: Piece; range: Excel.Range }[] = [];
    let budget = BAND_BUDGET_BYTES;
    let cells = CELLS_PER_READ;
    while (queue.length > 0) {
      const piece = queue[0];
      const { box } = piece;
      const rowBytes = bytesPerCell[piece.kind] * box.columns;
      const fit = Math.min(Math.floor(budget / rowBytes), Math.floor(cells / box.columns));
      if (fit < 1 && request.length > 0) break;
      const rows = Math.max(1, Math.min(fit, box.rows));
      if (rows < box.rows) {
        queue[0] = { ...piece, box: { ...box, row: box.row + rows, rows: box.rows - rows } };
      } else queue.shift();
      const range = context.workbook.worksheets
        .getItem(piece.sheet)
        .getRangeByIndexes(box.row, box.column, rows, box.columns)
        .load(piece.kind === "constants" ? "values" : "formulas, values");
      request.push({ piece: { ...piece, box: { ...box, rows } }, range });
      budget -= rows * rowBytes;
      cells -= rows * box.columns;
      if (rows < box.rows) break;
    }
    // One request at a time: each response must stay under Excel on the web's 5 MB limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request
    await context.sync();
    const measured = new Map<ReadKind, { bytes: number; cells: number }>();
    for (const { piece, range } of request) {
      const formulas = piece.kind === "constants" ? null : range.formulas;
      blocks.push(cellBlock(piece, formulas, range.values));
      const seen = measured.get(piece.kind) ?? { bytes: 0, cells: 0 };
      seen.bytes += jsonBytes(range.values) + (formulas ? jsonBytes(formulas) : 0);
      seen.cells += piece.box.rows * piece.box.columns;
      measured.set(piece.kind, seen);
    }
    // A little more than measured: the next rows may be longer (the budget leaves 1 MB to spare).
    for (const [kind, seen] of measured) bytesPerCell[kind] = (1.05 * seen.bytes) / seen.cells + 1;
  }
  return blocks;
}

/**
 * The used range of each sheet (or of the selection). One request finds where the cells are (with
 * ExcelApi 1.9, which hold formulas and which constants); the cells are then read in requests under
 * Excel on the web's 5 MB limit, formulas only where there are formulas. Without ExcelApi 1.7 the
 * used ranges are read whole in that first request.
 */
async function readCells(scope: CellScope): Promise<CellBlock[]> {
  requireApi();
  const byIndexes = isSupported(RANGE_BY_INDEXES);
  const special = byIndexes && isSupported(SPECIAL_CELLS);
  try {
    return await Excel.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      const targets: { used: Excel.Range; within: () => Excel.Range }[] =
        scope === "selection"
          ? [context.workbook.getSelectedRange()].map((selected) => ({
              used: selected.getUsedRangeOrNullObject(true),
              within: () => selected,
            }))
          : scope.sheets.map((name) => {
              const sheet = worksheets.getItem(name);
              return {
                used: sheet.getUsedRangeOrNullObject(true),
                within: () => sheet.getUsedRange(true),
              };
            });
      // valuesOnly: a cell counts when it holds a value or a formula, not mere formatting.
      const located = targets.map(({ used, within }): Located => {
        used.load(byIndexes ? "address" : "address, formulas, values");
        if (!special) return { used };
        const range = within();
        return {
          used,
          formulas: range.getSpecialCellsOrNullObject("Formulas").load("address, areaCount"),
          constants: range.getSpecialCellsOrNullObject("Constants").load("address, areaCount"),
        };
      });
      await context.sync();
      if (byIndexes) return mergeBySheet(await readPieces(context, located.flatMap(piecesOf)));
      return located
        .filter(({ used }) => !used.isNullObject)
        .map(({ used }) => {
          const { sheet, address } = parseQualified(used.address);
          const piece: Piece = { sheet, box: parseRange(address), kind: "mixed" };
          return cellBlock(piece, used.formulas, used.values);
        });
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

/** Cards read per request: a card is a few kilobytes of JSON, and a response must stay under 5 MB. */
const CARDS_PER_READ = 500;

/** The entity JSON of each cell (one request per 500 cells); null where a cell holds another value. */
async function readCards(cells: readonly SheetRef[]): Promise<unknown[]> {
  if (cells.length === 0 || !cardSupport().ok) return cells.map(() => null);
  try {
    return await Excel.run(async (context) => {
      const found: unknown[] = [];
      for (let first = 0; first < cells.length; first += CARDS_PER_READ) {
        const ranges = cells
          .slice(first, first + CARDS_PER_READ)
          .map((cell) =>
            context.workbook.worksheets
              .getItem(cell.sheet)
              .getRange(cell.address)
              .load("valuesAsJson"),
          );
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request
        await context.sync();
        for (const range of ranges) {
          const value = range.valuesAsJson[0]?.[0] as { type?: string } | undefined;
          found.push(value?.type === "Entity" ? value : null);
        }
      }
      return found;
    });
  } catch (error) {
    throw hostError(error, "read");
  }
}

/** The Office.js WorkbookPort. Every method is one Excel.run with one context.sync(). */
export function createExcelPort(): ReadableWorkbookPort {
  return { snapshot, apply, select, readCells, readSpills, readCards, cardSupport, watchSelection };
}
