/**
 * Make portable and restore through the Office.js port, against office-addin-mock: the reads are
 * one context.sync() each (used ranges of every sheet with formulas and values; spill areas), so a
 * conversion of 10,000 formulas costs the same handful of round trips as one of ten, its cells go
 * in a few range writes, a failed write puts the original formulas back, and restore reads the
 * Portability sheet back. The office-addin-mock Excel of mockExcel.ts is extended here with what
 * these reads need (cell contents, used ranges, spill ranges); mockExcel.ts itself is unchanged.
 */
import { OfficeMockObject } from "office-addin-mock";
import type { CellValue } from "../../src/data";
import { createExcelPort } from "../../src/excel";
import { parseQualified, parseRange, quoteSheet, rangeAddress } from "../../src/workbook/address";
import {
  checkPortable,
  makePortable,
  restoreLiveFormulas,
} from "../../src/workbook/portable/actions";
import { WorkbookError } from "../../src/workbook/port";
import { installExcelMock, type MockState, type Write } from "./mockExcel";

type Content = { formula: string | null; value: CellValue };
type Store = Map<string, Map<string, Content>>;

const key = (row: number, column: number) => `${row}:${column}`;

/**
 * installExcelMock plus cell contents: `cells` holds each sheet's entries by address ("=..." is a
 * formula showing 0, or the value given in `shows`). Writes the port queues (formulas of ranges)
 * update the contents, so a later read sees them.
 */
function installCellMock(
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
    else if (typeof input === "string" && input.startsWith("=")) {
      target.set(key(row, column), { formula: input, value: 0 });
    } else {
      const text = typeof input === "string" ? input.replace(/^'/, "") : input;
      target.set(key(row, column), { formula: null, value: text as CellValue });
    }
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
  /** The used range of a sheet within `box`, as Excel gives it: formulas shows values for constants. */
  const usedRange = (sheet: string, box = { row: 0, column: 0, rows: 1e7, columns: 1e5 }) => {
    const entries = [...sheetStore(sheet)].map(([at, content]) => {
      const [row, column] = at.split(":").map(Number);
      return { row, column, content };
    });
    const inside = entries.filter(
      ({ row, column }) =>
        row >= box.row &&
        row < box.row + box.rows &&
        column >= box.column &&
        column < box.column + box.columns,
    );
    if (inside.length === 0) return track(new OfficeMockObject({}), true);
    const top = Math.min(...inside.map((e) => e.row));
    const left = Math.min(...inside.map((e) => e.column));
    const rows = Math.max(...inside.map((e) => e.row)) - top + 1;
    const columns = Math.max(...inside.map((e) => e.column)) - left + 1;
    const grid = <T>(read: (content: Content | undefined) => T) =>
      Array.from({ length: rows }, (_, r) =>
        Array.from({ length: columns }, (_, c) =>
          read(sheetStore(sheet).get(key(top + r, left + c))),
        ),
      );
    return track(
      new OfficeMockObject({
        address: `${quoteSheet(sheet)}!${rangeAddress({ row: top, column: left, rows, columns })}`,
        formulas: grid((content) => content?.formula ?? content?.value ?? ""),
        values: grid((content) => content?.value ?? ""),
      }),
    );
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
      getRange: (address: string) => {
        const range = sheet.getRange(address);
        range.getSpillingToRangeOrNullObject = () => {
          const values = options.spills?.[`${name}!${address}`];
          if (!values) return track(new OfficeMockObject({}), true);
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
    return range;
  };
  let applied = 0;
  const sync = context!.sync;
  context!.sync = async () => {
    try {
      await sync();
    } finally {
      // Queued writes land in the contents (Office.js may have carried out part of a failed batch).
      for (const write of excel.writes.slice(applied)) {
        if (write.op !== "formulas" || !write.sheet || !write.address) continue;
        const box = parseRange(write.address);
        (write.value as unknown[][]).forEach((row, r) =>
          row.forEach((input, c) => put(write.sheet!, box.row + r, box.column + c, input)),
        );
      }
      applied = excel.writes.length;
    }
    for (const mock of pending.splice(0)) await mock.sync();
  };
  const content = (sheet: string, address: string) => {
    const { row, column } = parseRange(address);
    return sheetStore(sheet).get(key(row, column));
  };
  /** The user deletes rows `first`.. of a sheet (1-based): cells below move up, names with them. */
  const deleteRows = (sheet: string, first: number, count: number) => {
    const cellsOf = sheetStore(sheet);
    const kept = [...cellsOf].flatMap(([at, entry]): [string, Content][] => {
      const [row, column] = at.split(":").map(Number);
      if (row < first - 1) return [[at, entry]];
      return row < first - 1 + count ? [] : [[key(row - count, column), entry]];
    });
    cellsOf.clear();
    for (const [at, entry] of kept) cellsOf.set(at, entry);
    excel.shiftRows(sheet, first, -count);
  };
  return { ...excel, content, deleteRows };
}

const ops = (writes: Write[], op: string) => writes.filter((write) => write.op === op);

/** n REE formulas in column B, each over the tonnes in column A. */
function model(n: number): Record<string, string | number> {
  const cells: Record<string, string | number> = {};
  for (let row = 1; row <= n; row++) {
    cells[`A${row}`] = 100 * row;
    cells[`B${row}`] = `=REE.MAGNET_CAPACITY(A${row})`;
  }
  return cells;
}

const NOW = new Date("2026-12-01T10:00:00Z");

describe.each([10, 10_000])("%i formulas", (n) => {
  test("the check is two syncs and writes nothing", async () => {
    const excel = installCellMock({ sheets: ["Model"] }, { Model: model(n) });
    const check = await checkPortable(createExcelPort(), "workbook");
    expect(excel.syncs()).toBe(2);
    expect(check.conversions).toHaveLength(n);
    expect(excel.writes).toEqual([]);
  });

  test("making them portable is three syncs, with the whole column in one range write", async () => {
    const excel = installCellMock({ sheets: ["Model"] }, { Model: model(n) });
    const outcome = await makePortable(createExcelPort(), "workbook", undefined, NOW);
    expect(outcome).toMatchObject({ status: "converted", converted: n });
    expect(excel.syncs()).toBe(3);
    const formulas = ops(excel.writes, "formulas");
    expect(formulas.map((w) => `${w.sheet}!${w.address}`)).toEqual([
      `Model!B1:B${n}`,
      `Portability!A1:L${n + 1}`,
      "Sources!A1:I2",
    ]);
    expect(excel.content("Model", `B${n}`)?.formula).toBe(`=A${n}/(1/3)`);
    // The user's number formats are theirs: a conversion sets none on the model sheet.
    expect(ops(excel.writes, "numberFormat").some((w) => w.sheet === "Model")).toBe(false);
    expect(excel.state.settings["ree.portable"]).toBe(
      JSON.stringify({ table: "REE_Portability", sheet: "Portability", tracked: true }),
    );
  });

  test("restoring is three syncs and gives back every original formula", async () => {
    const excel = installCellMock({ sheets: ["Model"] }, { Model: model(n) });
    const port = createExcelPort();
    await makePortable(port, "workbook", undefined, NOW);
    const before = excel.syncs();
    const outcome = await restoreLiveFormulas(port, NOW);
    expect(excel.syncs() - before).toBe(3);
    expect(outcome).toMatchObject({ restored: n, refused: [] });
    for (const row of [1, n]) {
      expect(excel.content("Model", `B${row}`)?.formula).toBe(`=REE.MAGNET_CAPACITY(A${row})`);
    }
    expect(excel.content("Portability", `K${n + 1}`)?.value).toBe(NOW.toISOString());
  });
});

test("a spilled table: one more sync reads its area, which gets native formulas", async () => {
  const balance = [
    ["Year", "Demand (t)", "Domestic (t)", "Recycled (t)", "Imports (t)", "Self-sufficiency"],
    [0, 2000, 400, 0, 1600, 0.2],
    [1, 2200, 400, 0, 1800, 400 / 2200],
  ];
  const excel = installCellMock(
    { sheets: ["Model"] },
    { Model: { A1: "=REE.SUPPLY_BALANCE(2,2000,0.1,400)" } },
    { shows: { "Model!A1": "Year" }, spills: { "Model!A1": balance } },
  );
  await makePortable(createExcelPort(), "workbook", undefined, NOW);
  expect(excel.syncs()).toBe(4);
  const [area] = ops(excel.writes, "formulas");
  expect(area).toMatchObject({ sheet: "Model", address: "A1:F3" });
  expect((area.value as unknown[][])[2]).toEqual([
    1,
    "=2000*(1+0.1)^1",
    "=400",
    0,
    "=MAX(0,B3-C3-D3)",
    "=(C3+D3)/B3",
  ]);
});

test("a cell changed after the conversion is listed and left alone by restore", async () => {
  const excel = installCellMock({ sheets: ["Model"] }, { Model: model(3) });
  const port = createExcelPort();
  await makePortable(port, "workbook", undefined, NOW);
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem("Model").getRange("B2").formulas = [["=42"]];
    await context.sync();
  });
  const outcome = await restoreLiveFormulas(port, NOW);
  expect(outcome.restored).toBe(2);
  expect(outcome.refused).toEqual([
    { sheet: "Model", address: "B2", reason: "changed since converted" },
  ]);
  expect(excel.content("Model", "B2")?.formula).toBe("=42");
  expect(excel.content("Model", "B3")?.formula).toBe("=REE.MAGNET_CAPACITY(A3)");
});

test("restore after row 1 was deleted: each formula goes back to its moved cell", async () => {
  const years = {
    B1: '=REE.FACT("irel.magnet_plan_report_year")',
    B2: '=REE.FACT("irel.magnet_board_approval_year")',
    B3: '=REE.FACT("china.embargo_year")',
  };
  const excel = installCellMock({ sheets: ["Model"] }, { Model: years });
  const port = createExcelPort();
  await makePortable(port, "workbook", undefined, NOW);
  // The figures: 2025, 2025, 2010.
  expect(["B1", "B2", "B3"].map((a) => excel.content("Model", a)?.value)).toEqual([
    2025, 2025, 2010,
  ]);
  // Each converted cell has a hidden name that Excel moves with it.
  expect(ops(excel.writes, "addName").map((w) => w.address)).toEqual(["B1", "B2", "B3"]);
  expect(ops(excel.writes, "nameVisible").map((w) => w.value)).toEqual([false, false, false]);
  excel.deleteRows("Model", 1, 1);
  const outcome = await restoreLiveFormulas(port, NOW);
  expect(outcome.restored).toBe(2);
  expect(outcome.refused).toEqual([
    { sheet: "Model", address: "B1", reason: "its cells were deleted" },
  ]);
  expect(excel.content("Model", "B1")?.formula).toBe(years.B2);
  expect(excel.content("Model", "B2")?.formula).toBe(years.B3);
  expect(excel.content("Model", "B3")).toBeUndefined();
});

test("a failed write puts the original formulas back and removes the Portability sheet", async () => {
  // Snapshot, read, then the write fails.
  const excel = installCellMock({ sheets: ["Model"], failOnSync: 3 }, { Model: model(5) });
  const error = await makePortable(createExcelPort(), "workbook", undefined, NOW).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkbookError);
  for (let row = 1; row <= 5; row++) {
    expect(excel.content("Model", `B${row}`)?.formula).toBe(`=REE.MAGNET_CAPACITY(A${row})`);
  }
  expect(ops(excel.writes, "clear").filter((w) => w.sheet === "Model")).toEqual([]);
  expect(excel.state.sheets).toEqual(["Model"]);
});

test("selection scope reads only the selection's used range", async () => {
  const excel = installCellMock(
    { sheets: ["Model"], selection: "Model!B2:B3" },
    { Model: model(5) },
  );
  const check = await checkPortable(createExcelPort(), "selection");
  expect(check.conversions.map((c) => c.address)).toEqual(["B2", "B3"]);
  expect(excel.syncs()).toBe(2);
});

test("without ExcelApi 1.12 a spilled table cannot be read, and the user is told why", async () => {
  installCellMock(
    { sheets: ["Model"], supported: ["ExcelApi 1.4", "ExcelApi 1.7"] },
    { Model: { A1: "=REE.PROJECT(6000,0.1,3)" } },
  );
  await expect(checkPortable(createExcelPort(), "workbook")).rejects.toMatchObject({
    message: expect.stringMatching(/ExcelApi 1\.12/),
  });
});
