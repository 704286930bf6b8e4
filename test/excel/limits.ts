/**
 * Excel's documented limits on one request (everything queued between two context.sync() calls),
 * for the mock Excel. Excel on the web refuses a request or a response above 5 MB
 * (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded), and no platform reads more
 * than 5,000,000 cells at once. The meter sizes what a request sends (every queued write, as JSON)
 * and what it asks back (every property loaded on an office-addin-mock object, as JSON), and the
 * mock's sync asks it to refuse a request over a limit.
 */
import { OfficeMockObject } from "office-addin-mock";
import { parseQualified, parseRange } from "../../src/workbook/address";

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const CELLS_READ_LIMIT = 5_000_000;

/** What one synced request carried. */
export interface RequestSize {
  sentBytes: number;
  receivedBytes: number;
  cellsRead: number;
}

export interface RequestMeter {
  /** A queued write: its JSON size counts towards the request. */
  sent(write: unknown): void;
  /** Called by sync: closes the request and throws Excel's error if it was over a limit. */
  close(): void;
  /** Every request closed so far, in order. */
  readonly requests: readonly RequestSize[];
}

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");

/** The request being queued: the one meter installed last (one mock Excel per test). */
let current: { sentBytes: number; receivedBytes: number; cellsRead: number } | null = null;

type Stored = { _properties: Map<string, { _valueBeforeLoaded: unknown }> };
const plainLoad = OfficeMockObject.prototype.load;
OfficeMockObject.prototype.load = function load(this: OfficeMockObject, properties?: unknown) {
  if (current && typeof properties === "string") {
    const stored = (this as unknown as Stored)._properties;
    let cells = 0;
    for (const name of properties.replace(/\s/g, "").split(",")) {
      const value = stored.get(name)?._valueBeforeLoaded;
      current.receivedBytes += jsonBytes({ [name]: value });
      if (Array.isArray(value) && Array.isArray(value[0])) {
        cells = Math.max(cells, value.length * (value[0] as unknown[]).length);
      }
    }
    current.cellsRead += cells;
  }
  return plainLoad.call(this, properties as string);
} as typeof plainLoad;

function excelError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

export function installRequestMeter(): RequestMeter {
  const requests: RequestSize[] = [];
  const open = { sentBytes: 0, receivedBytes: 0, cellsRead: 0 };
  current = open;
  return {
    requests,
    sent(write) {
      open.sentBytes += jsonBytes(write);
    },
    close() {
      const size = { ...open };
      requests.push(size);
      Object.assign(open, { sentBytes: 0, receivedBytes: 0, cellsRead: 0 });
      if (size.sentBytes > PAYLOAD_LIMIT_BYTES) {
        throw excelError(
          "RequestPayloadSizeLimitExceeded",
          "The request payload size has exceeded the limit.",
        );
      }
      if (size.receivedBytes > PAYLOAD_LIMIT_BYTES || size.cellsRead > CELLS_READ_LIMIT) {
        throw excelError(
          "ResponsePayloadSizeLimitExceeded",
          "The response payload size has exceeded the limit.",
        );
      }
    },
  };
}

/**
 * A chart's series collection. Excel makes a series of each source column only where the source
 * shows values (`madeFromSource` series): a chart made in the batch that writes the formulas has
 * none, so getItemAt fails at the sync (ItemNotFound) and series must be added (series.add,
 * ExcelApi 1.7).
 */
export function chartSeries(
  sheet: string,
  madeFromSource: number,
  log: (write: { op: string; sheet: string; address?: string; value?: unknown }) => void,
  fail: (error: { code: string; message: string }) => void,
) {
  let count = madeFromSource;
  const where = (range: { where?: string }) => range.where;
  return {
    getItemAt(index: number) {
      if (index >= count) {
        fail({ code: "ItemNotFound", message: "The requested resource doesn't exist." });
      }
      return {
        set name(value: string) {
          log({ op: "seriesName", sheet, value: [index, value] });
        },
      };
    },
    add(name: string) {
      const index = count++;
      log({ op: "addSeries", sheet, value: [index, name] });
      return {
        setValues: (range: { where?: string }) =>
          log({ op: "seriesValues", sheet, address: where(range), value: index }),
        setXAxisValues: (range: { where?: string }) =>
          log({ op: "seriesXValues", sheet, address: where(range), value: index }),
      };
    },
  };
}

type Box = { row: number; column: number; rows: number; columns: number };
const overlaps = (a: Box, b: Box) =>
  a.row < b.row + b.rows &&
  b.row < a.row + a.rows &&
  a.column < b.column + b.columns &&
  b.column < a.column + a.columns;

/**
 * What Excel refuses that the emptiness probe cannot see: writes to a workbook opened read-only or
 * in View mode (AccessDenied), cells or a table over merged cells (MergedRangeConflict), and a
 * single range asked of a selection of several areas (InvalidSelection). Errors are reported
 * through `fail` and surface at the next sync, as in Office.js.
 */
export function excelRules(
  state: { merged?: string[]; tableRanges?: Record<string, string>; readOnly?: boolean },
  fail: (error: { code: string; message: string }) => void,
) {
  const located = (references: string[]) =>
    references.map((reference) => {
      const { sheet, address } = parseQualified(reference);
      return { sheet: sheet.toLowerCase(), box: parseRange(address), reference };
    });
  const merged = located(state.merged ?? []);
  const mergedIn = (sheet: string, box: Box) =>
    merged.filter((area) => area.sheet === sheet.toLowerCase() && overlaps(area.box, box));
  return {
    /** Whether Excel carries out a queued write (else the error is queued). */
    write(write: { op: string; sheet?: string; address?: string }): boolean {
      // Every op the mock logs changes the workbook (or its view, which View mode also keeps).
      if (state.readOnly) {
        fail({ code: "AccessDenied", message: "You cannot perform the requested operation." });
        return false;
      }
      const cells = write.op === "formulas" || write.op === "addTable";
      if (cells && write.sheet && write.address && /\d/.test(write.address)) {
        if (mergedIn(write.sheet, parseRange(write.address)).length > 0) {
          fail({ code: "MergedRangeConflict", message: "Cannot change part of a merged cell." });
          return false;
        }
      }
      return true;
    },
    mergedAreas(sheet: string, box: Box): OfficeMockObject {
      const found = mergedIn(sheet, box);
      const areas = new OfficeMockObject({
        address: found.map((area) => area.reference).join(", "),
      });
      areas.isNullObject = found.length === 0;
      return areas;
    },
    /** Range.getTables: the tables of `known` (with where they are) and of tableRanges over `box`. */
    tablesOver(
      sheet: string,
      box: Box,
      known: { name: string; sheet: string; address?: string }[],
      remove: (name: string) => void,
    ): OfficeMockObject {
      const placed = [
        ...Object.entries(state.tableRanges ?? {}).map(([name, reference]) => ({
          name,
          ...parseQualified(reference),
        })),
        ...known.flatMap((table) =>
          table.address ? [{ name: table.name, sheet: table.sheet, address: table.address }] : [],
        ),
      ];
      const names = placed
        .filter(
          (table) =>
            table.sheet.toLowerCase() === sheet.toLowerCase() &&
            overlaps(parseRange(table.address), box),
        )
        .map((table) => ({ name: table.name }));
      // A collection: load("items/name") loads the items' names.
      const tables = new OfficeMockObject({ items: names });
      const load = tables.load.bind(tables);
      tables.load = () => load("items");
      tables.getFirst = () => ({ delete: () => names[0] && remove(names[0].name) });
      return tables;
    },
    selectedAreas: (selection: string) =>
      new OfficeMockObject({ areaCount: selection.split(",").length }),
    /** Workbook.getSelectedRange: only one area, else InvalidSelection at the sync. */
    singleSelection(selection: string): string {
      const [first, ...others] = selection.split(",");
      if (others.length > 0) {
        fail({ code: "InvalidSelection", message: "The current selection is invalid." });
      }
      return first.trim();
    },
    /** Workbook.readOnly (ExcelApi 1.8), loaded like any property. */
    workbookState: () => new OfficeMockObject({ readOnly: state.readOnly === true }),
  };
}
