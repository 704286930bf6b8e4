/**
 * A mock Excel for the Office.js port, built on office-addin-mock: ranges, the active sheet and the
 * probe's used range are OfficeMockObjects, so reading a property that was not loaded, or not
 * synced, yields office-addin-mock's error text instead of data. Collections (worksheets, tables,
 * names, settings) are small hand-written objects whose `items` throw until loaded and synced.
 * Every queued write is logged; context.sync() is counted and can be made to fail.
 */
import { OfficeMockObject } from "office-addin-mock";
import {
  parseQualified,
  parseRange,
  qualified,
  quoteSheet,
  rangeAddress,
} from "../../src/workbook/address";
import { chartSeries, excelRules, installRequestMeter, type RequestSize } from "./limits";

/** The Excel.ChartType values the port may use (ExcelApi 1.1), as Office.js spells them. */
const CHART_TYPES = new Set([
  "Line",
  "LineMarkers",
  "BarClustered",
  "ColumnClustered",
  "XYScatter",
]);

export interface MockState {
  sheets: string[];
  tables?: { name: string; sheet: string }[];
  names?: string[];
  settings?: Record<string, string>;
  /** "Sheet1!B2" (the active sheet is the selection's). */
  selection?: string;
  /** Non-empty cells, e.g. "Sheet1!C5". */
  filled?: string[];
  /** The nth context.sync() (1-based, counted over the whole test) rejects. */
  failOnSync?: number;
  /** Requirement sets reported as supported ("ExcelApi 1.7"); default: all. */
  supported?: string[];
  /** Merged areas, e.g. "Sheet1!C3:D3": a write or table over one fails (MergedRangeConflict). */
  merged?: string[];
  /** Where each table is, e.g. { "Sales": "Sheet1!D4:F9" }, for Range.getTables. */
  tableRanges?: Record<string, string>;
  /** Opened read-only or in View mode: every write fails (AccessDenied). */
  readOnly?: boolean;
}

export interface Write {
  op: string;
  sheet?: string;
  address?: string;
  name?: string;
  value?: unknown;
}

export interface ExcelMock {
  writes: Write[];
  /** Rows inserted (count > 0) or deleted (count < 0) at 1-based row `first`: names move. */
  shiftRows(sheet: string, first: number, count: number): void;
  syncs(): number;
  /** Size of each synced request (limits.ts). */
  requests: readonly RequestSize[];
  state: Required<
    Omit<MockState, "failOnSync" | "supported" | "merged" | "tableRanges" | "readOnly">
  >;
}

const fold = (text: string) => text.toLowerCase();

export function installExcelMock(initial: MockState): ExcelMock {
  const state = {
    sheets: [...initial.sheets],
    tables: [...(initial.tables ?? [])],
    names: [...(initial.names ?? [])],
    settings: { ...(initial.settings ?? {}) },
    selection: initial.selection ?? `${initial.sheets[0]}!A1`,
    filled: [...(initial.filled ?? [])],
  };
  const writes: Write[] = [];
  /** What each added name refers to, by folded name ("=Sheet1!$B$2"), as Excel reports it. */
  const nameFormulas = new Map<string, string>();
  const meter = installRequestMeter();
  const rules = excelRules(initial, (error) => (queuedError ??= error));
  /** Logs a write Excel carries out; false when it refuses it or an earlier command failed. */
  const log = (write: Write): boolean => {
    if (queuedError || !rules.write(write)) return false;
    writes.push(write);
    meter.sent(write);
    return true;
  };
  const deleteTable = (name: string) => {
    if (!log({ op: "deleteTable", name })) return;
    state.tables = state.tables.filter((table) => fold(table.name) !== fold(name));
  };
  const exists = (names: string[], name: string, what: string) =>
    names.some((known) => fold(known) === fold(name)) &&
    (queuedError ??= { code: "ItemAlreadyExists", message: `A ${what} ${name} already exists.` });
  /** Defined names, folded: a set, so a conversion that adds 100,000 names checks each at once. */
  const definedNames = new Set(state.names.map(fold));
  /** Tables and defined names share one namespace in Excel. */
  const nameExists = (name: string) =>
    (definedNames.has(fold(name)) ||
      state.tables.some((table) => fold(table.name) === fold(name))) &&
    (queuedError ??= { code: "ItemAlreadyExists", message: `A name ${name} already exists.` });
  let syncCount = 0;
  /** Objects created since the last sync: their loads complete at the next sync. */
  let pending: (OfficeMockObject | Collection)[] = [];
  /** An error Excel would raise for a queued command, reported at the next sync. */
  let queuedError: { code: string; message: string } | null = null;

  const track = <T extends OfficeMockObject | Collection>(object: T): T => {
    pending.push(object);
    return object;
  };

  /**
   * Whether a chart's source shows values as the chart is made: cells filled before, or written as
   * values (not formulas, which Excel has yet to calculate) earlier in the same batch.
   */
  const hasValues = (sheet: string, address: string) =>
    isFilled(sheet, address) ||
    writes.some((write) => {
      if (write.op !== "formulas" || fold(write.sheet ?? "") !== fold(sheet) || !write.address) {
        return false;
      }
      const [box, source] = [parseRange(write.address), parseRange(address)];
      const first = (write.value as unknown[][])[source.row - box.row]?.[
        source.column - box.column
      ];
      return typeof first === "number" || (typeof first === "string" && !/^(=|$)/.test(first));
    });
  const isFilled = (sheet: string, address: string) => {
    const box = parseRange(address);
    return state.filled.some((cell) => {
      const at = parseQualified(cell);
      if (fold(at.sheet) !== fold(sheet)) return false;
      const { row, column } = parseRange(at.address);
      return (
        row >= box.row &&
        row < box.row + box.rows &&
        column >= box.column &&
        column < box.column + box.columns
      );
    });
  };

  function range(sheet: string, address: string): OfficeMockObject {
    // Whole columns ("C:C", for widths) have no box; the port only sets their width.
    const box = /^[A-Z]+:[A-Z]+$/.test(address)
      ? { row: 0, column: 0, rows: 1_048_576, columns: 1 }
      : parseRange(address);
    const mock = new OfficeMockObject({
      address: `${quoteSheet(sheet)}!${address}`,
      format: {},
      getCell(row: number, column: number) {
        return range(
          sheet,
          rangeAddress({ row: box.row + row, column: box.column + column, rows: 1, columns: 1 }),
        );
      },
      getResizedRange(rows: number, columns: number) {
        const resized = { ...box, rows: box.rows + rows, columns: box.columns + columns };
        if (resized.row + resized.rows > 1_048_576 || resized.column + resized.columns > 16_384) {
          queuedError = { code: "InvalidArgument", message: "The argument is invalid." };
          return range(sheet, address);
        }
        return range(sheet, rangeAddress(resized));
      },
      getMergedAreasOrNullObject: () => track(rules.mergedAreas(sheet, box)),
      getTables: () => track(rules.tablesOver(sheet, box, state.tables, deleteTable)),
      getUsedRangeOrNullObject(valuesOnly: boolean) {
        if (!valuesOnly) throw new Error("the port must ask for values only");
        return track(new OfficeMockObject({ isNullObject: !isFilled(sheet, address) }));
      },
      getRow(row: number) {
        const target = rangeAddress({ ...box, row: box.row + row, rows: 1 });
        const font = {};
        Object.defineProperty(font, "bold", {
          set(value) {
            log({ op: "bold", sheet, address: target, value });
          },
        });
        return { format: { font } };
      },
      clear(applyTo: string) {
        log({ op: "clear", sheet, address, value: applyTo });
      },
      select() {
        log({ op: "select", sheet, address });
      },
    });
    // Where the range is, for the log (its `address` property needs load + sync like in Excel).
    mock.where = address;
    mock.sheet = sheet;
    for (const property of ["formulas", "numberFormat", "values"]) {
      Object.defineProperty(mock, property, {
        set(value: unknown[][]) {
          log({ op: property, sheet, address, value });
        },
      });
    }
    Object.defineProperty(mock.format, "columnWidth", {
      set(value) {
        log({ op: "columnWidth", sheet, address, value });
      },
    });
    return track(mock);
  }

  function worksheet(name: string) {
    const known = () => state.sheets.some((sheet) => fold(sheet) === fold(name));
    if (!known()) queuedError ??= { code: "ItemNotFound", message: `No sheet ${name}` };
    return {
      getRange: (address: string) => range(name, address),
      activate: () => log({ op: "activate", sheet: name }),
      delete: () => {
        if (!log({ op: "deleteSheet", sheet: name })) return;
        state.sheets = state.sheets.filter((sheet) => fold(sheet) !== fold(name));
        state.tables = state.tables.filter((table) => fold(table.sheet) !== fold(name));
      },
      tables: {
        add(address: string, hasHeaders: boolean) {
          const table = { sheet: name, name: `Table${state.tables.length + 1}`, address };
          if (log({ op: "addTable", sheet: name, address, value: hasHeaders })) {
            state.tables.push(table);
          }
          return {
            set name(value: string) {
              nameExists(value);
              if (log({ op: "tableName", sheet: name, address, name: value })) table.name = value;
            },
            set style(value: string) {
              log({ op: "tableStyle", sheet: name, address, value });
            },
          };
        },
      },
      charts: {
        add(type: string, source: OfficeMockObject, seriesBy: string) {
          // Excel.ChartType is a closed list: anything else fails at the sync.
          if (!CHART_TYPES.has(type))
            queuedError = { code: "InvalidArgument", message: "The argument is invalid." };
          log({ op: "addChart", sheet: name, address: source.where, value: { type, seriesBy } });
          return {
            title: {
              set text(value: string) {
                log({ op: "chartTitle", sheet: name, value });
              },
            },
            series: chartSeries(
              name,
              hasValues(name, source.where) ? parseRange(source.where).columns : 0,
              log,
              (error) => {
                queuedError = error;
              },
            ),
            axes: {
              categoryAxis: {
                setCategoryNames: (range: OfficeMockObject) =>
                  log({ op: "categoryNames", sheet: name, address: range.where }),
              },
            },
            setPosition: (start: string, end?: string) =>
              log({ op: "chartPosition", sheet: name, address: end ? `${start}:${end}` : start }),
          };
        },
      },
    };
  }

  const selectionSheet = parseQualified(state.selection.split(",")[0]).sheet;
  /** A note (ExcelApi 1.18) or comment (1.10) on one cell; a range of several cells is refused. */
  const cellText = (op: string) => ({
    add(cell: OfficeMockObject, content: string) {
      if (parseRange(String(cell.where)).rows * parseRange(String(cell.where)).columns !== 1)
        queuedError = { code: "InvalidArgument", message: "The argument is invalid." };
      log({ op, sheet: String(cell.sheet), address: String(cell.where), value: content });
    },
  });
  const workbook = {
    notes: cellText("addNote"),
    comments: cellText("addComment"),
    worksheets: new Collection(track, () => state.sheets.map((name) => ({ name })), {
      add(name: string) {
        exists(state.sheets, name, "sheet");
        if (log({ op: "addSheet", sheet: name })) state.sheets.push(name);
        return worksheet(name);
      },
      getItem: worksheet,
      getActiveWorksheet: () => track(new OfficeMockObject({ name: selectionSheet })),
    }),
    tables: new Collection(
      track,
      () => state.tables.map((table) => ({ name: table.name, worksheet: { name: table.sheet } })),
      {
        getItem: (name: string) => ({
          rows: {
            add(_index: number | undefined, values: unknown[][]) {
              log({ op: "addRows", name, value: values });
            },
          },
          delete: () => deleteTable(name),
        }),
      },
    ),
    names: new Collection(
      track,
      () => state.names.map((name) => ({ name, formula: nameFormulas.get(fold(name)) })),
      {
        add(name: string, reference: OfficeMockObject, comment?: string) {
          nameExists(name);
          if (log({ op: "addName", name, address: `${reference.where}`, value: comment })) {
            state.names.push(name);
            definedNames.add(fold(name));
            nameFormulas.set(fold(name), `=${qualified(reference.sheet, reference.where)}`);
          }
          return {
            set visible(value: boolean) {
              log({ op: "nameVisible", name, value });
            },
          };
        },
        getItem: (name: string) => ({
          delete() {
            if (!log({ op: "deleteName", name })) return;
            state.names = state.names.filter((known) => fold(known) !== fold(name));
            definedNames.delete(fold(name));
          },
        }),
      },
    ),
    settings: new Collection(
      track,
      () => Object.entries(state.settings).map(([key, value]) => ({ key, value })),
      {
        add(key: string, value: string) {
          if (log({ op: "setting", name: key, value })) state.settings[key] = value;
        },
        getItem: (key: string) => ({
          delete() {
            if (log({ op: "deleteSetting", name: key })) delete state.settings[key];
          },
        }),
      },
    ),
    getSelectedRanges: () => track(rules.selectedAreas(state.selection)),
    getSelectedRange: () => {
      const { sheet, address } = parseQualified(rules.singleSelection(state.selection));
      return range(sheet, address);
    },
  };

  const context = new OfficeMockObject({ workbook: {} });
  context.workbook = Object.assign(workbook, {
    load: (property: string) => track(rules.workbookState()).load(property),
  });
  context.sync = async () => {
    syncCount++;
    const error = queuedError;
    queuedError = null;
    const loaded = pending;
    pending = [];
    meter.close();
    if (initial.failOnSync === syncCount) {
      throw Object.assign(new Error("The operation failed (mock)."), { code: "GeneralException" });
    }
    if (error) throw Object.assign(new Error(error.message), { code: error.code });
    for (const object of loaded) await object.sync();
  };

  const supported = initial.supported;
  Object.assign(globalThis, {
    Excel: { run: async <T>(batch: (ctx: unknown) => Promise<T>) => batch(context) },
    Office: {
      context: {
        requirements: {
          isSetSupported: (set: string, version: string) =>
            supported === undefined || supported.includes(`${set} ${version}`),
        },
      },
    },
  });
  /**
   * Rows inserted (count > 0) or deleted (count < 0) at 1-based row `first` of a sheet, as Excel
   * moves names: a name below moves with its cells; one whose cells were all deleted becomes
   * "=Sheet!#REF!"; one that spans the deleted rows shrinks.
   */
  function shiftRows(sheet: string, first: number, count: number): void {
    const from = first - 1;
    for (const [name, formula] of nameFormulas) {
      if (!/![$A-Z0-9:]+$/i.test(formula)) continue;
      const target = parseQualified(formula);
      if (fold(target.sheet) !== fold(sheet)) continue;
      const box = parseRange(target.address);
      const last = box.row + box.rows - 1;
      let [top, bottom] = [box.row, last];
      if (count > 0) {
        if (top >= from) top += count;
        if (bottom >= from) bottom += count;
      } else {
        const deleted = -count;
        const after = (row: number) =>
          row >= from + deleted ? row - deleted : Math.min(row, from);
        if (top >= from && last < from + deleted) {
          nameFormulas.set(name, `=${quoteSheet(target.sheet)}!#REF!`);
          continue;
        }
        [top, bottom] = [
          after(top),
          last >= from + deleted ? last - deleted : Math.min(last, from - 1),
        ];
      }
      const moved = rangeAddress({ ...box, row: top, rows: bottom - top + 1 });
      nameFormulas.set(name, `=${qualified(target.sheet, moved)}`);
    }
  }

  return { writes, syncs: () => syncCount, requests: meter.requests, state, shiftRows };
}

/** A collection whose `items` can be read only after load() and a sync, like Office.js. */
class Collection {
  private loaded: "no" | "queued" | "yes" = "no";
  private snapshot: unknown[] = [];

  constructor(
    private readonly track: (object: Collection) => Collection,
    private readonly read: () => unknown[],
    methods: Record<string, (...args: never[]) => unknown>,
  ) {
    Object.assign(this, methods);
  }

  load(): this {
    this.loaded = "queued";
    this.track(this);
    return this;
  }

  async sync(): Promise<void> {
    if (this.loaded === "queued") {
      this.snapshot = this.read();
      this.loaded = "yes";
    }
  }

  get items(): unknown[] {
    if (this.loaded !== "yes") throw new Error("items read before load() and context.sync()");
    return this.snapshot;
  }

  [method: string]: unknown;
}
