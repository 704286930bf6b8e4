/**
 * The browser preview's workbook: HyperFormula (dev-only, GPL) computing the same REE functions
 * through src/preview/ree-plugin.ts, behind the same WorkbookPort the Office.js port implements.
 * Number formats, bold rows, tables, charts, column widths and add-in metadata are kept beside the
 * engine, which only knows values and formulas.
 */
import {
  CellType,
  DetailedCellError,
  HyperFormula,
  type ConfigParams,
  type RawCellContent,
  type Sheets,
} from "hyperformula";
import type { CellValue } from "../data";
import {
  MAX_COLUMNS,
  cellAddress,
  parseCell,
  parseQualified,
  parseRange,
  qualified,
  rangeAddress,
  type RangeBox,
} from "../workbook/address";
import type { EntityCard } from "../model/card";
import { hostInput } from "../workbook/cells";
import { isValidName } from "../workbook/naming";
import {
  WorkbookError,
  type CellBlock,
  type CardSupport,
  type CellScope,
  type ChartWrite,
  type ReadableWorkbookPort,
  type SheetRef,
  type SnapshotRequest,
  type SpillRead,
  type TableWrite,
  type WorkbookSnapshot,
  type WritePlan,
} from "../workbook/port";
import {
  REE_ENGINE_OPTIONS,
  REE_FUNCTION_NAMES,
  refreshSpills,
  registerReeFunctions,
} from "./ree-plugin";

export interface PreviewCell {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  /** Why an error value (#VALUE!, #NUM!, #N/A) came about, in the function's words. */
  message?: string;
  /** The cell's note (a figure's citation). */
  note?: string;
  /** The citation card the cell holds; `value` is then "#VALUE!", as Excel reads an entity. */
  card?: EntityCard;
}

export interface PreviewSheet {
  name: string;
  /** Computed values, rectangular up to the used range. */
  cells: PreviewCell[][];
  /** Points per column from A, where an insert set them. */
  columnWidths?: number[];
}

export interface PreviewWorkbook {
  port: ReadableWorkbookPort;
  /** Current state, computed by HyperFormula. */
  sheets(): PreviewSheet[];
  /** Called after every change (apply, select, setCell); returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** A user edit in the grid: "=..." is a formula, other text is parsed as Excel would. */
  setCell(sheet: string, address: string, input: string): void;
  /**
   * A user deleting whole rows (`first` 1-based, as Excel numbers them): cells below move up, and
   * so do the names, tables and formats that point below; names into the deleted rows become #REF!.
   */
  deleteRows(sheet: string, first: number, count: number): void;
  /** A user inserting `count` empty rows at row `first` (1-based): what was there moves down. */
  insertRows(sheet: string, first: number, count: number): void;
  /** Charts the plans asked for (the preview draws them simply). */
  charts(): ChartWrite[];
  names(): { name: string; sheet: string; address: string }[];
  tables(): TableWrite[];
  /**
   * Registers or unregisters the REE functions, as for a colleague without the add-in: the engine
   * is rebuilt from the same sheets, so REE formulas show #NAME? until they are enabled again.
   */
  setReeFunctionsEnabled(enabled: boolean): void;
  reeFunctionsEnabled(): boolean;
}

/** Rows the preview engine holds per sheet: enough for a 10,000-row insert. */
const PREVIEW_MAX_ROWS = 100_000;

const key = (row: number, column: number) => `${row}:${column}`;
const fold = (text: string) => text.toLowerCase();

/** The engine keeps a sheet's size after cells are emptied (or an undo): trim to what holds something. */
function usedSize(values: unknown[][], serialized: unknown[][]): { width: number; height: number } {
  let width = 0;
  let height = 0;
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      const raw = serialized[r]?.[c];
      if ((value !== null && value !== undefined) || (raw !== null && raw !== undefined)) {
        height = Math.max(height, r + 1);
        width = Math.max(width, c + 1);
      }
    }),
  );
  return { width, height };
}

function toCellValue(value: unknown): CellValue {
  if (value instanceof DetailedCellError) return value.value;
  if (value === undefined) return null;
  return value as CellValue;
}

/** Empty text is an empty cell in HyperFormula too. */
function engineInput(input: string | number | boolean): string | number | boolean | null {
  return input === "" ? null : input;
}

interface SideState {
  formats: Map<number, Map<string, string>>;
  bold: Map<number, Set<string>>;
  widths: Map<number, number[]>;
  tables: TableWrite[];
  charts: ChartWrite[];
  metadata: Map<string, string>;
  /** Cell notes by noteKey(sheet, row, column). */
  notes: Map<string, string>;
  /** Citation cards by noteKey(sheet, row, column). */
  cards: Map<string, EntityCard>;
}

const noteKey = (sheet: string, row: number, column: number) =>
  `${fold(sheet)}!${key(row, column)}`;

function cloneSide(side: SideState): SideState {
  return {
    formats: new Map([...side.formats].map(([id, map]) => [id, new Map(map)])),
    bold: new Map([...side.bold].map(([id, set]) => [id, new Set(set)])),
    widths: new Map(side.widths),
    tables: side.tables.map((table) => ({ ...table })),
    charts: [...side.charts],
    metadata: new Map(side.metadata),
    notes: new Map(side.notes),
    cards: new Map(side.cards),
  };
}

/** Engine options, without the REE plugin (HyperFormula's registry is global) when they are off. */
function engineOptions(withRee: boolean): Partial<ConfigParams> {
  if (withRee) registerReeFunctions();
  const ree = HyperFormula.getFunctionPlugin(REE_FUNCTION_NAMES[0]);
  return {
    ...REE_ENGINE_OPTIONS,
    maxRows: PREVIEW_MAX_ROWS,
    // apply() undoes a failed plan operation by operation.
    undoLimit: 10_000,
    ...(withRee
      ? {}
      : { functionPlugins: HyperFormula.getAllFunctionPlugins().filter((p) => p !== ree) }),
  };
}

export function createPreviewWorkbook(
  options: { withReeFunctions?: boolean } = {},
): PreviewWorkbook {
  let withRee = options.withReeFunctions ?? true;
  let hf = HyperFormula.buildEmpty(engineOptions(withRee));
  hf.addSheet("Sheet1");

  let side: SideState = {
    formats: new Map(),
    bold: new Map(),
    widths: new Map(),
    tables: [],
    charts: [],
    metadata: new Map(),
    notes: new Map(),
    cards: new Map(),
  };
  let selection: SheetRef = { sheet: "Sheet1", address: "A1" };
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  const selectionListeners = new Set<() => void>();

  const sheetId = (name: string): number => {
    const id = hf.getSheetId(hf.getSheetNames().find((sheet) => fold(sheet) === fold(name)) ?? "");
    if (id === undefined) {
      throw new WorkbookError(`There is no sheet "${name}".`, "Choose another sheet.");
    }
    return id;
  };
  const sideMap = <T>(maps: Map<number, T>, id: number, make: () => T): T => {
    let map = maps.get(id);
    if (!map) maps.set(id, (map = make()));
    return map;
  };

  function isEmpty(id: number, box: RangeBox): boolean {
    const { width, height } = hf.getSheetDimensions(id);
    for (let row = box.row; row < Math.min(box.row + box.rows, height); row++) {
      for (let col = box.column; col < Math.min(box.column + box.columns, width); col++) {
        if (!hf.isCellEmpty({ sheet: id, row, col })) return false;
      }
    }
    return true;
  }

  async function snapshot(request: SnapshotRequest = {}): Promise<WorkbookSnapshot> {
    const result: WorkbookSnapshot = {
      sheetNames: hf.getSheetNames(),
      tables: side.tables.map(({ name, sheet, address }) => ({
        name,
        sheet,
        dataRows: parseRange(address).rows - 1,
      })),
      definedNames: hf.listNamedExpressions(),
      nameFormulas: Object.fromEntries(
        hf.listNamedExpressions().map((name) => [name, hf.getNamedExpressionFormula(name) ?? ""]),
      ),
      metadata: Object.fromEntries(side.metadata),
      activeSheet: selection.sheet,
      selection: { sheet: selection.sheet, address: cellAddress(parseRange(selection.address)) },
    };
    if (request.probe) {
      const start = parseRange(selection.address);
      const box = { row: start.row, column: start.column, ...request.probe };
      if (box.row + box.rows > PREVIEW_MAX_ROWS || box.column + box.columns > MAX_COLUMNS) {
        throw new WorkbookError(
          "There is not enough room from the selected cell to the edge of the sheet.",
          "Select a cell nearer the top left, or insert on a new sheet.",
        );
      }
      result.probe = {
        target: { sheet: selection.sheet, address: rangeAddress(box) },
        isEmpty: isEmpty(sheetId(selection.sheet), box),
      };
    }
    return result;
  }

  /** Refuses a plan the engine would reject before anything is written. */
  function validate(plan: WritePlan): void {
    const sheets = new Set(hf.getSheetNames().map(fold));
    for (const name of plan.newSheets) {
      if (sheets.has(fold(name)) || !hf.isItPossibleToAddSheet(name)) {
        throw new WorkbookError(`A sheet named "${name}" cannot be added.`, "Insert again.");
      }
      sheets.add(fold(name));
    }
    const names = new Set(
      [...hf.listNamedExpressions(), ...side.tables.map((t) => t.name)].map(fold),
    );
    for (const { name } of [...plan.names, ...plan.tables]) {
      if (names.has(fold(name)) || !isValidName(name)) {
        throw new WorkbookError(`The name "${name}" is taken or not valid.`, "Insert again.");
      }
      names.add(fold(name));
    }
    for (const block of plan.blocks) {
      const box = parseRange(block.address);
      if (!sheets.has(fold(block.sheet))) {
        throw new WorkbookError(`There is no sheet "${block.sheet}".`, "Insert again.");
      }
      if (
        block.cells.length !== box.rows ||
        block.cells.some((row) => row.length !== box.columns)
      ) {
        throw new Error(`Block ${block.address} does not match its cells`);
      }
    }
    // Excel's notes.add and a card's valuesAsJson here take one cell.
    for (const note of [...(plan.notes ?? []), ...(plan.cards ?? [])]) {
      const box = parseRange(note.address);
      if (!sheets.has(fold(note.sheet)) || box.rows !== 1 || box.columns !== 1) {
        throw new Error(`A note goes on one cell of an existing sheet, not ${note.address}`);
      }
    }
    for (const rows of plan.tableRows) {
      if (!side.tables.some((table) => fold(table.name) === fold(rows.table))) {
        throw new WorkbookError(`There is no table "${rows.table}".`, "Insert again.");
      }
    }
  }

  /** Inserts rows below a table (as Excel's rows.add does) and shifts what the engine does not track. */
  function appendRows(tableName: string, cells: ReturnType<typeof hostInput>[][]): void {
    const table = side.tables.find((t) => fold(t.name) === fold(tableName)) as TableWrite;
    const id = sheetId(table.sheet);
    const box = parseRange(table.address);
    const at = box.row + box.rows;
    hf.addRows(id, [at, cells.length]);
    moveRows(id, table.sheet, at, cells.length);
    hf.setCellContents(
      { sheet: id, row: at, col: box.column },
      cells.map((row) => row.map(engineInput)),
    );
    const formats = sideMap(side.formats, id, () => new Map<string, string>());
    for (let row = at; row < at + cells.length; row++) {
      for (let col = box.column; col < box.column + box.columns; col++) {
        const format = formats.get(key(at - 1, col));
        if (format) formats.set(key(row, col), format);
      }
    }
    table.address = rangeAddress({ ...box, rows: box.rows + cells.length });
  }

  /**
   * What the engine does not track, after rows were inserted (`delta` > 0) or deleted (< 0) at row
   * `from` (0-based): formats, bold, notes and cards below move with their cells (those in deleted
   * rows go), and tables and charts grow, shrink or move as Excel's do.
   */
  function moveRows(id: number, sheet: string, from: number, delta: number): void {
    const movedRow = (row: number): number | null =>
      row < from ? row : delta < 0 && row < from - delta ? null : row + delta;
    const moveKeys = <T>(entries: Iterable<[string, T]>, prefix = "") =>
      [...entries].flatMap(([cell, value]): [string, T][] => {
        // The sheet part ends at the last "!": a sheet's name may hold one too ("Data!2").
        if (cell.slice(0, cell.lastIndexOf("!") + 1) !== prefix) return [[cell, value]];
        const [row, col] = cell.slice(prefix.length).split(":").map(Number);
        const to = movedRow(row);
        return to === null ? [] : [[`${prefix}${key(to, col)}`, value]];
      });
    const formats = side.formats.get(id);
    if (formats) side.formats.set(id, new Map(moveKeys(formats)));
    const bold = side.bold.get(id);
    if (bold) side.bold.set(id, new Set(moveKeys([...bold].map((c) => [c, 0])).map(([c]) => c)));
    const onSheet = `${fold(sheet)}!`;
    side.notes = new Map(moveKeys(side.notes, onSheet));
    side.cards = new Map(moveKeys(side.cards, onSheet));
    const move = (address: string) => {
      const box = parseRange(address);
      const bottom = box.row + box.rows - 1;
      // A range keeps its rows that survive; one that loses them all keeps a row where it was.
      const top = movedRow(box.row) ?? from;
      const end = movedRow(bottom) ?? from - 1;
      return rangeAddress({ ...box, row: top, rows: Math.max(1, end - top + 1) });
    };
    for (const table of side.tables)
      if (fold(table.sheet) === fold(sheet)) table.address = move(table.address);
    side.charts = side.charts.map((chart) =>
      fold(chart.sheet) === fold(sheet)
        ? { ...chart, dataAddress: move(chart.dataAddress), anchor: move(chart.anchor) }
        : chart,
    );
  }

  function write(plan: WritePlan): void {
    for (const name of plan.newSheets) hf.addSheet(name);
    for (const block of plan.blocks) {
      const id = sheetId(block.sheet);
      const box = parseRange(block.address);
      hf.setCellContents(
        { sheet: id, row: box.row, col: box.column },
        block.cells.map((row) => row.map((cell) => engineInput(hostInput(cell)))),
      );
      // Whatever a block writes replaces a card there, as a formula or value does in Excel.
      for (let r = 0; r < box.rows; r++) {
        for (let c = 0; c < box.columns; c++) {
          side.cards.delete(noteKey(block.sheet, box.row + r, box.column + c));
        }
      }
      const formats = sideMap(side.formats, id, () => new Map<string, string>());
      block.numberFormats?.forEach((row, r) =>
        row.forEach((format, c) => {
          if (format) formats.set(key(box.row + r, box.column + c), format);
          else formats.delete(key(box.row + r, box.column + c));
        }),
      );
      const bold = sideMap(side.bold, id, () => new Set<string>());
      for (const r of block.boldRows ?? []) {
        for (let c = 0; c < box.columns; c++) bold.add(key(box.row + r, box.column + c));
      }
    }
    for (const table of plan.tables) side.tables.push({ ...table });
    for (const name of plan.names) {
      hf.addNamedExpression(name.name, `=${qualified(name.sheet, name.address)}`);
    }
    side.charts.push(...plan.charts);
    for (const { sheet, widths } of plan.columnWidths) side.widths.set(sheetId(sheet), widths);
    for (const rows of plan.tableRows) {
      appendRows(
        rows.table,
        rows.cells.map((row) => row.map(hostInput)),
      );
    }
    for (const { key: name, value } of plan.metadata) side.metadata.set(name, value);
    for (const note of plan.notes ?? []) {
      const { row, column } = parseCell(note.address);
      side.notes.set(noteKey(note.sheet, row, column), note.text);
    }
    for (const { sheet, address, card } of plan.cards ?? []) {
      const { row, column } = parseCell(address);
      // The engine holds what Excel's Range.values gives for an entity: =B5*2 is #VALUE! as there.
      hf.setCellContents({ sheet: sheetId(sheet), row, col: column }, [["#VALUE!"]]);
      side.cards.set(noteKey(sheet, row, column), card);
    }
    // HyperFormula sizes a spill when its formula is entered; inputs written in the same plan may
    // have been empty then.
    if (withRee) refreshSpills(hf);
    if (plan.select) selection = { ...plan.select };
  }

  async function apply(plan: WritePlan): Promise<void> {
    validate(plan);
    const before = cloneSide(side);
    const beforeSelection = selection;
    hf.clearUndoStack();
    try {
      write(plan);
    } catch (error) {
      // Everything goes back, rows appended to a table and metadata included: the engine undoes
      // its operations, the side state is the copy from before (so the plan's `previous` values
      // and `rowsBefore`, for a host that cannot undo, are not needed here).
      while (hf.isThereSomethingToUndo()) hf.undo();
      side = before;
      selection = beforeSelection;
      throw new WorkbookError(
        `The preview could not finish the insert (${error instanceof Error ? error.message : String(error)}). Nothing was kept.`,
        "Try again, or insert on a new sheet.",
      );
    }
    hf.clearUndoStack();
    notify();
    if (plan.select) selectionListeners.forEach((listener) => listener());
  }

  async function select(target: SheetRef): Promise<void> {
    sheetId(target.sheet);
    selection = { ...target };
    notify();
    selectionListeners.forEach((listener) => listener());
  }

  function watchSelection(listener: () => void): () => void {
    selectionListeners.add(listener);
    return () => selectionListeners.delete(listener);
  }

  function sheets(): PreviewSheet[] {
    return hf.getSheetNames().map((name) => {
      const id = sheetId(name);
      const values = hf.getSheetValues(id);
      const serialized = hf.getSheetSerialized(id);
      const formats = side.formats.get(id);
      const bold = side.bold.get(id);
      const { width, height } = usedSize(values, serialized);
      const cells = Array.from({ length: height }, (_, row) =>
        Array.from({ length: width }, (_, col): PreviewCell => {
          const computed = values[row]?.[col];
          const cell: PreviewCell = { value: toCellValue(computed) };
          if (computed instanceof DetailedCellError && computed.message) {
            cell.message = computed.message;
          }
          const raw = serialized[row]?.[col];
          if (typeof raw === "string" && raw.startsWith("=")) cell.formula = raw;
          const format = formats?.get(key(row, col));
          if (format) cell.numberFormat = format;
          if (bold?.has(key(row, col))) cell.bold = true;
          const note = side.notes.get(noteKey(name, row, col));
          if (note) cell.note = note;
          const card = side.cards.get(noteKey(name, row, col));
          if (card) cell.card = card;
          return cell;
        }),
      );
      const widths = side.widths.get(id);
      return widths ? { name, cells, columnWidths: widths } : { name, cells };
    });
  }

  function setCell(sheet: string, address: string, input: string): void {
    const { row, column } = parseCell(address);
    side.cards.delete(noteKey(sheet, row, column));
    hf.setCellContents({ sheet: sheetId(sheet), row, col: column }, [
      [input === "" ? null : input],
    ]);
    if (withRee) refreshSpills(hf);
    notify();
  }

  function insertRows(sheet: string, first: number, count: number): void {
    const id = sheetId(sheet);
    hf.addRows(id, [first - 1, count]);
    moveRows(id, sheet, first - 1, count);
    notify();
  }

  function deleteRows(sheet: string, first: number, count: number): void {
    const id = sheetId(sheet);
    const from = first - 1;
    hf.removeRows(id, [from, count]);
    moveRows(id, sheet, from, -count);
    notify();
  }

  /** A sheet's cells in a box (clipped to what the sheet holds), as formulas and shown values. */
  function block(sheet: string, box: RangeBox): CellBlock | null {
    const id = sheetId(sheet);
    const { width, height } = usedSize(hf.getSheetValues(id), hf.getSheetSerialized(id));
    const rows = Math.min(box.row + box.rows, height) - box.row;
    const columns = Math.min(box.column + box.columns, width) - box.column;
    if (rows <= 0 || columns <= 0) return null;
    const cell = (r: number, c: number) => ({ sheet: id, row: box.row + r, col: box.column + c });
    const grid = <T>(read: (r: number, c: number) => T): T[][] =>
      Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => read(r, c)));
    return {
      sheet: hf.getSheetName(id) ?? sheet,
      address: rangeAddress({ row: box.row, column: box.column, rows, columns }),
      formulas: grid((r, c) =>
        hf.doesCellHaveFormula(cell(r, c)) ? (hf.getCellFormula(cell(r, c)) ?? null) : null,
      ),
      values: grid((r, c) => toCellValue(hf.getCellValue(cell(r, c)))),
    };
  }

  async function readCells(scope: CellScope): Promise<CellBlock[]> {
    const whole = { row: 0, column: 0, rows: PREVIEW_MAX_ROWS, columns: MAX_COLUMNS };
    const boxes =
      scope === "selection"
        ? [{ sheet: selection.sheet, box: parseRange(selection.address) }]
        : scope.sheets.map((sheet) => ({ sheet, box: whole }));
    return boxes.flatMap(({ sheet, box }) => block(sheet, box) ?? []);
  }

  /** A spill is the anchor's array formula and the ARRAY cells right and below it. */
  async function readSpills(anchors: readonly SheetRef[]): Promise<SpillRead[]> {
    return anchors.map((anchor) => {
      const id = sheetId(anchor.sheet);
      const { row, column } = parseCell(anchor.address);
      const type = (r: number, c: number) => hf.getCellType({ sheet: id, row: r, col: c });
      if (type(row, column) !== CellType.ARRAYFORMULA) return { anchor, spill: null };
      let rows = 1;
      let columns = 1;
      while (type(row, column + columns) === CellType.ARRAY) columns++;
      while (type(row + rows, column) === CellType.ARRAY) rows++;
      const address = rangeAddress({ row, column, rows, columns });
      return {
        anchor,
        spill: { address, values: block(anchor.sheet, parseRange(address))?.values ?? [] },
      };
    });
  }

  async function readCards(cells: readonly SheetRef[]): Promise<unknown[]> {
    return cells.map((cell) => {
      const { row, column } = parseCell(cell.address);
      return side.cards.get(noteKey(cell.sheet, row, column)) ?? null;
    });
  }

  /** The preview writes cards as Excel 2024 and Microsoft 365 do. */
  const cardSupport = (): CardSupport => ({ ok: true });

  /** What was entered in a sheet: spilled cells are results, not contents. */
  function entered(id: number): RawCellContent[][] {
    return hf
      .getSheetSerialized(id)
      .map((row, r) =>
        row.map((content, c) =>
          hf.getCellType({ sheet: id, row: r, col: c }) === CellType.ARRAY ? null : content,
        ),
      );
  }

  function setReeFunctionsEnabled(enabled: boolean): void {
    if (enabled === withRee) return;
    const names = hf.getSheetNames();
    const oldIds = names.map((name) => sheetId(name));
    const contents: Sheets = Object.fromEntries(names.map((name, i) => [name, entered(oldIds[i])]));
    const next = HyperFormula.buildFromSheets(
      contents,
      engineOptions(enabled),
      hf.getAllNamedExpressionsSerialized(),
    );
    // Side state is kept by sheet id; the new engine numbers the same sheets afresh.
    const newId = new Map(oldIds.map((id, i) => [id, next.getSheetId(names[i]) as number]));
    const remap = <T>(map: Map<number, T>) =>
      new Map([...map].map(([id, entry]): [number, T] => [newId.get(id) ?? id, entry]));
    side = {
      ...side,
      formats: remap(side.formats),
      bold: remap(side.bold),
      widths: remap(side.widths),
    };
    hf = next;
    withRee = enabled;
    if (withRee) refreshSpills(hf);
    notify();
  }

  function names(): { name: string; sheet: string; address: string }[] {
    return hf.listNamedExpressions().map((name) => ({
      name,
      ...parseQualified(hf.getNamedExpressionFormula(name) ?? ""),
    }));
  }

  return {
    port: {
      snapshot,
      apply,
      select,
      readCells,
      readSpills,
      readCards,
      cardSupport,
      watchSelection,
    },
    sheets,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setCell,
    deleteRows,
    insertRows,
    charts: () => [...side.charts],
    names,
    tables: () => side.tables.map((table) => ({ ...table })),
    setReeFunctionsEnabled,
    reeFunctionsEnabled: () => withRee,
  };
}
