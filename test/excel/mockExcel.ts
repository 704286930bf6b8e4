/**
 * A mock Excel for the Office.js port, built on office-addin-mock: ranges, the active sheet and the
 * probe's used range are OfficeMockObjects, so reading a property that was not loaded, or not
 * synced, yields office-addin-mock's error text instead of data. Collections (worksheets, tables,
 * names, settings) are small hand-written objects whose `items` throw until loaded and synced.
 * Every queued write is logged; context.sync() is counted and can be made to fail, as can a chosen
 * write (what is queued after it in the request is then not carried out, as in Office.js).
 */
import { OfficeMockObject } from "office-addin-mock";
import {
  parseQualified,
  parseRange,
  qualified,
  quoteSheet,
  rangeAddress,
} from "../../src/workbook/address";
import { cellValueProblems } from "./entities";
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
  /** What names refer to ("=Sheet1!$B$2"), by name; a name listed here is defined too. */
  nameFormulas?: Record<string, string>;
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
  /** The user selects a cell ("Sheet1!C3"): Workbook.onSelectionChanged handlers run. */
  userSelects(selection: string): Promise<void>;
  /** How many selection handlers are registered. */
  selectionHandlers(): number;
  /**
   * From now on the nth write of one of `ops` ("formulas", "addRows"), of the sheet, table, name or
   * setting `name` where given, fails: Excel carries out nothing queued after it in that request,
   * and the sync rejects (GeneralException).
   */
  failWrite(ops: string[], nth?: number, name?: string): void;
  /** Size of each synced request (limits.ts). */
  requests: readonly RequestSize[];
  state: Required<
    Omit<
      MockState,
      "failOnSync" | "supported" | "nameFormulas" | "merged" | "tableRanges" | "readOnly"
    >
  >;
  /** What Range.valuesAsJson reads for a box of a sheet (mockCells.ts gives cell contents). */
  readJson: (sheet: string, box: Box) => unknown[][];
  /** What Range.values reads for a box of a sheet: only mockCells.ts knows cell contents. */
  readValues: (sheet: string, box: Box) => unknown[][];
  /** Whether a box of a sheet holds a value or formula (mockCells.ts adds the cells written). */
  holdsContent: (sheet: string, box: Box) => boolean;
}

type Box = { row: number; column: number; rows: number; columns: number };

/** ExcelApi 1.16 brought entity values and Range.valuesAsJson. */
const VALUES_AS_JSON = "ExcelApi 1.16";

const fold = (text: string) => text.toLowerCase();

/** A table and, once the port added it (or the test placed it), the range it covers. */
type PlacedTable = { name: string; sheet: string; address?: string };

const overlaps = (a: Box, b: Box) =>
  a.row < b.row + b.rows &&
  b.row < a.row + a.rows &&
  a.column < b.column + b.columns &&
  b.column < a.column + a.columns;

export function installExcelMock(initial: MockState): ExcelMock {
  const state = {
    sheets: [...initial.sheets],
    tables: (initial.tables ?? []).map((table): PlacedTable => ({ ...table })),
    names: [...new Set([...(initial.names ?? []), ...Object.keys(initial.nameFormulas ?? {})])],
    settings: { ...(initial.settings ?? {}) },
    selection: initial.selection ?? `${initial.sheets[0]}!A1`,
    filled: [...(initial.filled ?? [])],
  };
  const writes: Write[] = [];
  /** Where a table is (header row first): added by the port, or given by the test; else null. */
  const tableBox = (table: PlacedTable): Box | null => {
    const given = initial.tableRanges?.[table.name];
    const placed = table.address ?? (given && parseQualified(given).address);
    return placed ? parseRange(placed) : null;
  };
  const findTable = (name: string) => state.tables.find((known) => fold(known.name) === fold(name));
  /** Without cell contents (mockCells.ts adds them), every cell but the `filled` ones is empty. */
  const excelMock = {
    readJson: (_sheet: string, box: Box): unknown[][] =>
      Array.from({ length: box.rows }, () =>
        Array.from({ length: box.columns }, () => ({ type: "Empty", basicValue: "" })),
      ),
    holdsContent: (sheet: string, box: Box) =>
      state.filled.some((cell) => {
        const at = parseQualified(cell);
        if (fold(at.sheet) !== fold(sheet)) return false;
        const { row, column } = parseRange(at.address);
        return (
          row >= box.row &&
          row < box.row + box.rows &&
          column >= box.column &&
          column < box.column + box.columns
        );
      }),
  } as ExcelMock;
  excelMock.readValues = () => {
    throw new Error("mock: reading Range.values needs the cell contents of installCellMock");
  };
  /** What each added name refers to, by folded name ("=Sheet1!$B$2"), as Excel reports it. */
  const nameFormulas = new Map<string, string>(
    Object.entries(initial.nameFormulas ?? {}).map(([name, formula]) => [fold(name), formula]),
  );
  const meter = installRequestMeter();
  const rules = excelRules(initial, (error) => (queuedError ??= error));
  /** The write failWrite set up to fail: which ops (of which name) count, and how many more. */
  let failing: { ops: string[]; name?: string; left: number } | null = null;
  /** Logs a write Excel carries out; false when it refuses it or an earlier command failed. */
  const log = (write: Write): boolean => {
    if (queuedError || !rules.write(write)) return false;
    const counts =
      failing?.ops.includes(write.op) &&
      (failing.name === undefined || [write.name, write.sheet].includes(failing.name));
    if (failing && counts && --failing.left === 0) {
      failing = null;
      queuedError = { code: "GeneralException", message: "The operation failed (mock)." };
      return false;
    }
    writes.push(write);
    meter.sent(write);
    return true;
  };
  /** A format object whose `property` (wrapText, bold) logs each value set on it, op named so. */
  const loggedProperty = (property: string, sheet: string, address: string) =>
    Object.defineProperty({}, property, {
      set(value: unknown) {
        log({ op: property, sheet, address, value });
      },
    });
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
  /** valuesAsJson loads queued since the last sync: they complete at the next sync. */
  let jsonLoads: (() => void)[] = [];
  const supports = (set: string) =>
    initial.supported === undefined || initial.supported.includes(set);
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
  const isFilled = (sheet: string, address: string) =>
    excelMock.holdsContent(sheet, parseRange(address));

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
      getColumn: (column: number) =>
        range(sheet, rangeAddress({ ...box, column: box.column + column, columns: 1 })),
      getRow: (row: number) => range(sheet, rangeAddress({ ...box, row: box.row + row, rows: 1 })),
      getBoundingRect(other: OfficeMockObject) {
        const that = parseRange(String(other.where));
        const row = Math.min(box.row, that.row);
        const column = Math.min(box.column, that.column);
        const rows = Math.max(box.row + box.rows, that.row + that.rows) - row;
        const columns = Math.max(box.column + box.columns, that.column + that.columns) - column;
        return range(sheet, rangeAddress({ row, column, rows, columns }));
      },
      // Range.delete: the cells go and those below move up. Only whole data rows of a table are
      // modelled (the table shrinks), or cells outside any table.
      delete(shift: string) {
        if (shift !== "Up") throw new Error(`mock: Range.delete("${shift}") is not modelled`);
        const table = state.tables.find((known) => {
          const placed = tableBox(known);
          return fold(known.sheet) === fold(sheet) && placed !== null && overlaps(placed, box);
        });
        const placed = table && tableBox(table)!;
        if (
          placed &&
          (box.column !== placed.column ||
            box.columns !== placed.columns ||
            box.row <= placed.row ||
            box.row + box.rows > placed.row + placed.rows)
        ) {
          throw new Error(`mock: deleting ${address} cuts across the table ${table.name}`);
        }
        if (log({ op: "deleteCells", sheet, address, value: shift }) && table && placed) {
          table.address = rangeAddress({ ...placed, rows: placed.rows - box.rows });
        }
      },
      clear(applyTo: string) {
        log({ op: "clear", sheet, address, value: applyTo });
      },
      select() {
        // Range.select activates its sheet too: the selection's sheet is the active one here.
        if (log({ op: "select", sheet, address })) state.selection = qualified(sheet, address);
      },
    });
    // Where the range is, for the log (its `address` property needs load + sync like in Excel).
    mock.where = address;
    mock.sheet = sheet;
    /** Range.values and valuesAsJson as read: only after load() and a sync, like Office.js. */
    const reads: Partial<Record<"values" | "valuesAsJson", unknown[][]>> = {};
    const read = (property: keyof typeof reads) => () => {
      if (!(property in reads))
        throw new Error(`${property} read before load() and context.sync()`);
      return reads[property];
    };
    for (const property of ["formulas", "numberFormat", "values"]) {
      Object.defineProperty(mock, property, {
        set(value: unknown[][]) {
          log({ op: property, sheet, address, value });
        },
        ...(property === "values" ? { get: read("values") } : {}),
      });
    }
    // Range.valuesAsJson (ExcelApi 1.16): every value written must be one Excel takes as it is
    // (entities.ts).
    Object.defineProperty(mock, "valuesAsJson", {
      set(value: unknown[][]) {
        if (!supports(VALUES_AS_JSON)) {
          queuedError ??= { code: "ApiNotFound", message: "valuesAsJson needs ExcelApi 1.16." };
          return;
        }
        if (value.length !== box.rows || value.some((row) => row.length !== box.columns)) {
          throw new Error(`valuesAsJson for ${address} must be ${box.rows} x ${box.columns}`);
        }
        for (const cell of value.flat()) {
          const problems = cellValueProblems(cell);
          if (problems.length > 0) {
            throw new Error(
              `Excel would show #VALUE! in ${sheet}!${address}:\n${problems.join("\n")}`,
            );
          }
        }
        log({ op: "valuesAsJson", sheet, address, value });
      },
      get: read("valuesAsJson"),
    });
    const plainLoad = mock.load.bind(mock);
    mock.load = (properties: Parameters<typeof plainLoad>[0]) => {
      const asked = String(properties ?? "")
        .split(",")
        .map((name) => name.trim());
      const cells = asked.filter(
        (name): name is keyof typeof reads => name === "values" || name === "valuesAsJson",
      );
      if (cells.length === 0) return plainLoad(properties);
      if (cells.includes("valuesAsJson") && !supports(VALUES_AS_JSON)) {
        queuedError ??= { code: "ApiNotFound", message: "valuesAsJson needs ExcelApi 1.16." };
      }
      jsonLoads.push(() => {
        if (cells.includes("values")) reads.values = excelMock.readValues(sheet, box);
        if (cells.includes("valuesAsJson")) reads.valuesAsJson = excelMock.readJson(sheet, box);
      });
      const rest = asked.filter((name) => name !== "values" && name !== "valuesAsJson");
      return rest.length > 0 ? plainLoad(rest.join(", ")) : mock;
    };
    // Formats set on the range (getRow/getColumn give ranges of their own) are logged by op.
    Object.defineProperty(mock.format, "font", { value: loggedProperty("bold", sheet, address) });
    Object.defineProperty(mock.format, "wrapText", {
      set(value) {
        log({ op: "wrapText", sheet, address, value });
      },
    });
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
      // Worksheet.pageLayout is ExcelApi 1.9: older hosts have no such property.
      get pageLayout() {
        if (initial.supported && !initial.supported.includes("ExcelApi 1.9")) return undefined;
        const set = (op: string, valid: (value: unknown) => boolean) => ({
          set(value: unknown) {
            if (!valid(value)) queuedError ??= { code: "InvalidArgument", message: `${op}` };
            else log({ op, sheet: name, value });
          },
        });
        const layout = {
          setPrintTitleRows(rows: string) {
            if (!/^\$\d+:\$\d+$/.test(rows))
              queuedError ??= { code: "InvalidArgument", message: "printTitleRows" };
            else log({ op: "printTitleRows", sheet: name, address: rows });
          },
        };
        Object.defineProperty(
          layout,
          "orientation",
          set("orientation", (v) => v === "Landscape" || v === "Portrait"),
        );
        Object.defineProperty(
          layout,
          "paperSize",
          set("paperSize", (v) => typeof v === "string"),
        );
        Object.defineProperty(
          layout,
          "zoom",
          set("zoom", (v) => {
            const zoom = v as Excel.PageLayoutZoomOptions;
            const pages = [zoom.horizontalFitToPages, zoom.verticalFitToPages];
            // Scale (10-400) or pages to fit, never both.
            return zoom.scale === undefined
              ? pages.every((n) => n === undefined || (Number.isInteger(n) && n >= 0))
              : pages.every((n) => n === undefined) && zoom.scale >= 10 && zoom.scale <= 400;
          }),
        );
        return layout;
      },
      activate: () => log({ op: "activate", sheet: name }),
      delete: () => {
        if (!log({ op: "deleteSheet", sheet: name })) return;
        const at = state.sheets.findIndex((sheet) => fold(sheet) === fold(name));
        state.sheets = state.sheets.filter((sheet) => fold(sheet) !== fold(name));
        // Excel activates the next sheet (the previous one after the last); the mock keeps no
        // selection per sheet, so it selects that sheet's A1.
        if (fold(parseQualified(state.selection.split(",")[0]).sheet) === fold(name)) {
          state.selection = qualified(state.sheets[Math.min(at, state.sheets.length - 1)], "A1");
        }
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

  /** notes or comments: each needs its API set, and Excel refuses either on several cells. */
  const annotations = (op: "note" | "comment", api: string, what: string) => ({
    add(cell: OfficeMockObject, text: string) {
      if (!supports(api)) queuedError ??= { code: "ApiNotFound", message: `${what} need ${api}.` };
      const box = parseRange(String(cell.where));
      if (box.rows * box.columns !== 1)
        queuedError ??= { code: "InvalidArgument", message: "The argument is invalid." };
      log({ op, sheet: cell.sheet, address: cell.where, value: text });
    },
  });
  const workbook = {
    worksheets: new Collection(track, () => state.sheets.map((name) => ({ name })), {
      add(name: string) {
        exists(state.sheets, name, "sheet");
        if (log({ op: "addSheet", sheet: name })) state.sheets.push(name);
        return worksheet(name);
      },
      getItem: worksheet,
      getActiveWorksheet: () =>
        track(new OfficeMockObject({ name: parseQualified(state.selection.split(",")[0]).sheet })),
    }),
    tables: new Collection(
      track,
      () =>
        state.tables.map((table) => {
          const placed = tableBox(table);
          // Data rows: below the header row. Counted only where the test said where the table is.
          const rows = placed
            ? { count: placed.rows - 1 }
            : {
                get count(): number {
                  throw new Error(`mock: the test did not give the range of table ${table.name}`);
                },
              };
          return { name: table.name, worksheet: { name: table.sheet }, rows };
        }),
      {
        getItem: (name: string) => ({
          getDataBodyRange() {
            const table = findTable(name);
            const placed = table && tableBox(table);
            if (!table) queuedError ??= { code: "ItemNotFound", message: `No table ${name}` };
            else if (!placed) throw new Error(`mock: the test did not give the range of ${name}`);
            return table && placed
              ? range(
                  table.sheet,
                  rangeAddress({ ...placed, row: placed.row + 1, rows: placed.rows - 1 }),
                )
              : range(state.sheets[0], "A1");
          },
          rows: {
            // Appended below the table's last row, which then takes them in: the write names
            // where they land when the table's range is known (added by the port, or tableRanges).
            add(_index: number | undefined, values: unknown[][]) {
              const table = findTable(name);
              if (!table) {
                queuedError ??= { code: "ItemNotFound", message: `No table ${name}` };
                return;
              }
              const box = tableBox(table);
              const below =
                box && rangeAddress({ ...box, row: box.row + box.rows, rows: values.length });
              const write = { op: "addRows", name, sheet: table.sheet, value: values };
              if (log(below ? { ...write, address: below } : write) && box) {
                table.address = rangeAddress({ ...box, rows: box.rows + values.length });
              }
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
    // A note on one cell (ExcelApi 1.18), or before that a comment (ExcelApi 1.10).
    notes: annotations("note", "ExcelApi 1.18", "Notes"),
    comments: annotations("comment", "ExcelApi 1.10", "Comments"),
    getSelectedRanges: () => track(rules.selectedAreas(state.selection)),
    getSelectedRange: () => {
      const { sheet, address } = parseQualified(rules.singleSelection(state.selection));
      return range(sheet, address);
    },
  };

  const context = new OfficeMockObject({ workbook: {} });
  /** Selection handlers: added and removed at the next sync, as Office.js registers events. */
  const handlers = new Set<(args: unknown) => Promise<unknown>>();
  let handlerChanges: (() => void)[] = [];
  context.workbook = Object.assign(workbook, {
    load: (property: string) => track(rules.workbookState()).load(property),
    onSelectionChanged: {
      add(handler: (args: unknown) => Promise<unknown>) {
        handlerChanges.push(() => handlers.add(handler));
        return {
          context,
          remove: () => handlerChanges.push(() => handlers.delete(handler)),
        };
      },
    },
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
    for (const complete of jsonLoads.splice(0)) complete();
    handlerChanges.forEach((change) => change());
    handlerChanges = [];
  };

  const supported = initial.supported;
  Object.assign(globalThis, {
    // Excel.run(batch), or Excel.run(object.context, batch) to reuse a context (removing a handler).
    Excel: {
      run: async <T>(first: unknown, second?: (ctx: unknown) => Promise<T>) =>
        (second ?? (first as (ctx: unknown) => Promise<T>))(context),
    },
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

  /** The user selects a cell: the selection handlers registered so far run. */
  async function userSelects(selection: string): Promise<void> {
    state.selection = selection;
    await Promise.all([...handlers].map((handler) => handler({ workbook: context.workbook })));
  }

  return Object.assign(excelMock, {
    writes,
    syncs: () => syncCount,
    requests: meter.requests,
    state,
    shiftRows,
    userSelects,
    selectionHandlers: () => handlers.size,
    failWrite: (ops: string[], nth = 1, name?: string) => (failing = { ops, name, left: nth }),
  });
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
