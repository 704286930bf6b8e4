/**
 * The mock Excel of mockExcel.ts plus cell contents, for the reads of make portable, restore and
 * data vintage: used ranges, special cells (formulas / constants, as RangeAreas), ranges by index
 * and spill ranges, all read through office-addin-mock objects that need load() and sync(), and the
 * values of any range. Writes the port queues (formulas of ranges, rows added to tables, cleared or
 * deleted ranges, deleted sheets) update the contents after each sync, so a later read, and the
 * probe, see them.
 */
import { OfficeMockObject } from "office-addin-mock";
import type { CellValue } from "../../src/data";
import { parseQualified, parseRange, quoteSheet, rangeAddress } from "../../src/workbook/address";
import { CELLS_READ_LIMIT } from "./limits";
import { installExcelMock, type MockState } from "./mockExcel";

/** A cell: its formula, what it shows, and the entity it holds (a card: it shows "#VALUE!"). */
type Content = { formula: string | null; value: CellValue; entity?: unknown };
type Store = Map<string, Map<number, Content>>;

/** A cell's key in the store: its row and column in one number. */
const key = (row: number, column: number) => row * 16_384 + column;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * What Excel keeps of an entry set in a range's `formulas` (or typed): "=..." is a formula showing
 * 0 here; "'..." is text, without the apostrophe; other text is read as typing is, so "2025" or
 * "-3" becomes a number and "+A1" or "@A1" a formula. Only the apostrophe keeps such text as it is.
 */
function entry(input: unknown): Content {
  if (typeof input !== "string") return { formula: null, value: input as CellValue };
  if (input.startsWith("'")) return { formula: null, value: input.slice(1) };
  if (NUMBER.test(input)) return { formula: null, value: Number(input) };
  if (/^[=+\-@]./.test(input)) {
    return { formula: input.startsWith("=") ? input : `=${input}`, value: 0 };
  }
  return { formula: null, value: input };
}

/**
 * installExcelMock plus cell contents: `cells` holds each sheet's entries by address, as typed
 * (see `entry`; a formula shows 0, or the value given in `shows`). Writes the port queues update
 * the contents, so a later read sees them.
 */
export function installCellMock(
  state: MockState,
  cells: Record<string, Record<string, string | number>>,
  options: { shows?: Record<string, CellValue>; spills?: Record<string, CellValue[][]> } = {},
) {
  const excel = installExcelMock(state);
  const store: Store = new Map();
  const sheetStore = (sheet: string) => {
    let found = store.get(sheet.toLowerCase());
    if (!found) store.set(sheet.toLowerCase(), (found = new Map()));
    return found;
  };
  const put = (sheet: string, row: number, column: number, input: unknown) => {
    const target = sheetStore(sheet);
    if (input === "" || input === null) target.delete(key(row, column));
    else target.set(key(row, column), entry(input));
  };
  for (const [sheet, entries] of Object.entries(cells)) {
    for (const [address, input] of Object.entries(entries)) {
      const { row, column } = parseRange(address);
      put(sheet, row, column, input);
      const shown = options.shows?.[`${sheet}!${address}`];
      if (shown !== undefined) sheetStore(sheet).get(key(row, column))!.value = shown;
    }
  }

  const pending: OfficeMockObject[] = [];
  const track = (mock: OfficeMockObject, isNull = false) => {
    // Office.js sets isNullObject at sync without a load; a plain property does the same here.
    mock.isNullObject = isNull;
    pending.push(mock);
    return mock;
  };
  /** A null object: its properties can be loaded (Office.js allows it) but say nothing. */
  const nullObject = () =>
    track(new OfficeMockObject({ address: "", areaCount: 0, formulas: [], values: [] }), true);
  type Box = { row: number; column: number; rows: number; columns: number };
  const ALL: Box = { row: 0, column: 0, rows: 1_048_576, columns: 16_384 };
  const inBox = (box: Box, row: number, column: number) =>
    row >= box.row &&
    row < box.row + box.rows &&
    column >= box.column &&
    column < box.column + box.columns;
  /** The filled cells of a sheet within `box`. */
  const entriesIn = (sheet: string, box: Box) => {
    const found: { row: number; column: number; content: Content }[] = [];
    for (const [at, content] of sheetStore(sheet)) {
      const [row, column] = [Math.floor(at / 16_384), at % 16_384];
      if (inBox(box, row, column)) found.push({ row, column, content });
    }
    return found;
  };
  const addressOf = (sheet: string, box: Box) => `${quoteSheet(sheet)}!${rangeAddress(box)}`;
  /** A range's contents as Excel gives them: `formulas` shows the value of a constant. */
  const rangeRead = (sheet: string, box: Box) => {
    // Too many cells for Excel to read at once: only the address can be loaded.
    if (box.rows * box.columns > CELLS_READ_LIMIT) {
      return track(new OfficeMockObject({ address: addressOf(sheet, box) }));
    }
    const grid = <T>(read: (content: Content | undefined) => T) =>
      Array.from({ length: box.rows }, (_, r) =>
        Array.from({ length: box.columns }, (_, c) =>
          read(sheetStore(sheet).get(key(box.row + r, box.column + c))),
        ),
      );
    // The contents are filled in when loaded: most ranges are only asked for their address.
    const range = new OfficeMockObject({
      address: addressOf(sheet, box),
      formulas: [],
      values: [],
    });
    const load = range.load.bind(range);
    const fill = range as unknown as { setValue(name: string, value: unknown): void };
    range.load = (properties: Parameters<typeof load>[0]) => {
      const asked = String(properties);
      if (asked.includes("formulas")) {
        fill.setValue(
          "formulas",
          grid((content) => content?.formula ?? content?.value ?? ""),
        );
      }
      if (asked.includes("values"))
        fill.setValue(
          "values",
          grid((content) => content?.value ?? ""),
        );
      return load(properties);
    };
    return track(range);
  };
  /** The smallest box holding every filled cell of `box`, or null. */
  const usedBox = (sheet: string, box: Box): Box | null => {
    const inside = entriesIn(sheet, box);
    if (inside.length === 0) return null;
    let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
    for (const { row, column } of inside) {
      [top, left] = [Math.min(top, row), Math.min(left, column)];
      [bottom, right] = [Math.max(bottom, row), Math.max(right, column)];
    }
    return { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  };
  /**
   * Range.getSpecialCellsOrNullObject for formulas or constants within `box`: a RangeAreas whose
   * address lists rectangles ("Sheet1!A1:A9, Sheet1!C1:C9"), or a null object when none match.
   */
  const specialCells = (sheet: string, box: Box, type: string) => {
    if (type !== "Formulas" && type !== "Constants") throw new Error(`unsupported ${type}`);
    const runs = new Map<string, number[]>();
    const byColumn = new Map<number, number[]>();
    for (const { row, column, content } of entriesIn(sheet, box)) {
      if ((content.formula !== null) !== (type === "Formulas")) continue;
      const rows = byColumn.get(column) ?? [];
      if (rows.push(row) === 1) byColumn.set(column, rows);
    }
    // Vertical runs per column, then runs with the same rows in adjacent columns merged.
    for (const [column, rows] of [...byColumn].sort((a, b) => a[0] - b[0])) {
      rows.sort((a, b) => a - b);
      let first = rows[0];
      rows.forEach((row, i) => {
        if (i === rows.length - 1 || rows[i + 1] !== row + 1) {
          const span = `${first}:${row}`;
          const columns = runs.get(span) ?? [];
          if (columns.push(column) === 1) runs.set(span, columns);
          first = rows[i + 1];
        }
      });
    }
    const areas: Box[] = [];
    for (const [span, columns] of runs) {
      const [top, bottom] = span.split(":").map(Number);
      for (const column of columns) {
        const last = areas[areas.length - 1];
        const rows = bottom - top + 1;
        if (last?.row === top && last.rows === rows && last.column + last.columns === column) {
          last.columns++;
        } else areas.push({ row: top, column, rows, columns: 1 });
      }
    }
    if (areas.length === 0) return nullObject();
    return track(
      new OfficeMockObject({
        address: areas.map((area) => addressOf(sheet, area)).join(", "),
        areaCount: areas.length,
        cellCount: areas.reduce((sum, area) => sum + area.rows * area.columns, 0),
      }),
    );
  };
  /** The used range of a sheet within `box`, with getSpecialCellsOrNullObject. */
  const usedRange = (sheet: string, box: Box = ALL) => {
    const used = usedBox(sheet, box);
    if (!used) return nullObject();
    const range = rangeRead(sheet, used);
    range.getSpecialCellsOrNullObject = (type: string) => specialCells(sheet, used, type);
    return range;
  };

  let context: { workbook: Record<string, unknown>; sync(): Promise<void> } | undefined;
  void Excel.run(async (ctx) => {
    context = ctx as unknown as typeof context;
  });
  const workbook = context!.workbook as {
    worksheets: { getItem(name: string): Record<string, unknown> };
    getSelectedRange(): Record<string, unknown>;
  };
  const getItem = workbook.worksheets.getItem.bind(workbook.worksheets);
  workbook.worksheets.getItem = (name: string) => {
    const sheet = getItem(name) as { getRange(address: string): Record<string, unknown> };
    return {
      ...sheet,
      getUsedRangeOrNullObject: (valuesOnly: boolean) => {
        if (!valuesOnly) throw new Error("the port must ask for values only");
        return usedRange(name);
      },
      // Worksheet.getUsedRange: A1 on an empty sheet, like Excel.
      getUsedRange: (valuesOnly: boolean) => {
        if (!valuesOnly) throw new Error("the port must ask for values only");
        const used = usedBox(name, ALL) ?? { row: 0, column: 0, rows: 1, columns: 1 };
        const range = rangeRead(name, used);
        range.getSpecialCellsOrNullObject = (type: string) => specialCells(name, used, type);
        return range;
      },
      getRangeByIndexes: (row: number, column: number, rows: number, columns: number) =>
        rangeRead(name, { row, column, rows, columns }),
      getRange: (address: string) => {
        const range = sheet.getRange(address);
        range.getSpillingToRangeOrNullObject = () => {
          const values = options.spills?.[`${name}!${address}`];
          if (!values) return nullObject();
          const box = { ...parseRange(address), rows: values.length, columns: values[0].length };
          return track(
            new OfficeMockObject({ address: `${quoteSheet(name)}!${rangeAddress(box)}`, values }),
          );
        };
        return range;
      },
    };
  };
  const getSelectedRange = workbook.getSelectedRange.bind(workbook);
  workbook.getSelectedRange = () => {
    const range = getSelectedRange();
    const { sheet, address } = parseQualified(state.selection ?? `${state.sheets[0]}!A1`);
    range.getUsedRangeOrNullObject = () => usedRange(sheet, parseRange(address));
    range.getSpecialCellsOrNullObject = (type: string) =>
      specialCells(sheet, parseRange(address), type);
    return range;
  };
  /**
   * Rows a table's rows.add appends land below it. Excel inserts them, moving down what is below
   * the table; the mock only writes them there, so it refuses a test where something would move.
   */
  const requireRoomBelow = (write: (typeof excel.writes)[number]) => {
    if (!write.sheet || !write.address) {
      throw new Error(
        `mock: rows added to the table ${write.name}, whose range the test did not give`,
      );
    }
    const below = parseRange(write.address);
    if (entriesIn(write.sheet, { ...below, rows: 1_048_576 - below.row }).length > 0) {
      throw new Error(`mock: rows added to ${write.name} would move cells below it down`);
    }
  };
  /**
   * The cells Range.delete("Up") removes. Excel moves the cells below them up; the mock only
   * removes them, so it refuses a test where something would move.
   */
  const deletedUp = (sheet: string, address: string) => {
    const box = parseRange(address);
    const below = { ...box, row: box.row + box.rows, rows: 1_048_576 - box.row - box.rows };
    if (entriesIn(sheet, below).length > 0) {
      throw new Error(`mock: deleting ${address} would move cells below it up`);
    }
    return entriesIn(sheet, box);
  };
  // The probe and the chart's source see the cells written as well as those the test gave.
  const given = excel.holdsContent;
  excel.holdsContent = (sheet, box) => given(sheet, box) || entriesIn(sheet, box).length > 0;
  let applied = 0;
  const sync = context!.sync;
  context!.sync = async () => {
    try {
      await sync();
    } finally {
      // Queued writes land in the contents (Office.js may have carried out part of a failed batch).
      for (const write of excel.writes.slice(applied)) {
        if (write.op === "deleteSheet" && write.sheet) {
          store.delete(write.sheet.toLowerCase());
          continue;
        }
        if (write.op === "clear" && write.sheet && write.address) {
          // Range.clear("Contents" or "All") empties the cells; "Formats" leaves what they hold.
          if (write.value === "Contents" || write.value === "All") {
            const cellsOf = sheetStore(write.sheet);
            for (const { row, column } of entriesIn(write.sheet, parseRange(write.address))) {
              cellsOf.delete(key(row, column));
            }
          }
          continue;
        }
        if (write.op === "deleteCells" && write.sheet && write.address) {
          const cellsOf = sheetStore(write.sheet);
          for (const { row, column } of deletedUp(write.sheet, write.address)) {
            cellsOf.delete(key(row, column));
          }
          continue;
        }
        if (write.op === "addRows") requireRoomBelow(write);
        if (write.op === "valuesAsJson" && write.sheet && write.address) {
          const box = parseRange(write.address);
          (write.value as unknown[][]).forEach((row, r) =>
            row.forEach((entity, c) =>
              sheetStore(write.sheet!).set(key(box.row + r, box.column + c), {
                formula: null,
                // Range.values of an entity: Excel gives "#VALUE!".
                value: "#VALUE!",
                entity,
              }),
            ),
          );
          continue;
        }
        if (!["formulas", "addRows"].includes(write.op) || !write.sheet || !write.address) continue;
        const box = parseRange(write.address);
        (write.value as unknown[][]).forEach((row, r) =>
          row.forEach((input, c) => put(write.sheet!, box.row + r, box.column + c, input)),
        );
      }
      applied = excel.writes.length;
    }
    for (const mock of pending.splice(0)) await mock.sync();
  };
  /** Range.values: what each cell shows, "" where it is empty. */
  excel.readValues = (sheet, box) =>
    Array.from({ length: box.rows }, (_, r) =>
      Array.from(
        { length: box.columns },
        (_, c) => sheetStore(sheet).get(key(box.row + r, box.column + c))?.value ?? "",
      ),
    );
  /** valuesAsJson: the entity a cell holds, else its plain value as Excel's JSON gives it. */
  excel.readJson = (sheet, box) =>
    Array.from({ length: box.rows }, (_, r) =>
      Array.from({ length: box.columns }, (_, c) => {
        const found = sheetStore(sheet).get(key(box.row + r, box.column + c));
        if (found?.entity) return found.entity;
        const shown = found?.value ?? "";
        if (typeof shown === "number") return { type: "Double", basicValue: shown };
        if (typeof shown === "boolean") return { type: "Boolean", basicValue: shown };
        return shown === ""
          ? { type: "Empty", basicValue: "" }
          : { type: "String", basicValue: shown };
      }),
    );
  const content = (sheet: string, address: string) => {
    const { row, column } = parseRange(address);
    return sheetStore(sheet).get(key(row, column));
  };
  /** The user deletes rows `first`.. of a sheet (1-based): cells below move up, names with them. */
  const deleteRows = (sheet: string, first: number, count: number) => {
    const cellsOf = sheetStore(sheet);
    const kept = [...cellsOf].flatMap(([at, entry]): [number, Content][] => {
      const [row, column] = [Math.floor(at / 16_384), at % 16_384];
      if (row < first - 1) return [[at, entry]];
      return row < first - 1 + count ? [] : [[key(row - count, column), entry]];
    });
    cellsOf.clear();
    for (const [at, entry] of kept) cellsOf.set(at, entry);
    excel.shiftRows(sheet, first, -count);
  };
  return { ...excel, content, deleteRows };
}

/** n REE formulas in column B, each over the tonnes in column A. */
export function formulaColumn(n: number): Record<string, string | number> {
  const cells: Record<string, string | number> = {};
  for (let row = 1; row <= n; row++) {
    cells[`A${row}`] = 100 * row;
    cells[`B${row}`] = `=REE.MAGNET_CAPACITY(A${row})`;
  }
  return cells;
}
