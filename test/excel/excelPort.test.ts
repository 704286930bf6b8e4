/**
 * The Office.js port against office-addin-mock, in Excel's own terms: every insert action takes at
 * most two context.sync() calls (one read, one write) at 10 and at 10,000 rows, in requests under
 * Excel's size limit; a non-empty target costs one read; Sources rows are appended as table rows;
 * text goes with Excel's text prefix; a failed write is undone by what this insert created, in as
 * few syncs as it can. What both hosts must do alike is test/workbook/hosts.test.ts.
 */
import { FACTS, factById } from "../../src/data";
import { checkRequirements, createExcelPort } from "../../src/excel";
import {
  insertFacts,
  insertFunctionReference,
  insertModelSheet,
  insertNamedInputs,
  insertReferenceTable,
} from "../../src/workbook/actions";
import { WorkbookError } from "../../src/workbook/port";
import { SOURCES_KEY } from "../../src/workbook/sources";
import { PINNED_BLOCKS_KEY } from "../../src/workbook/vintage";
import { contentOf, formulaCells } from "../../src/workbook/reads";
import { formulaColumn, installCellMock } from "./mockCells";
import { installExcelMock, type MockState, type Write } from "./mockExcel";
import { TRICKY_FACT, manyFacts as facts } from "../support/facts";

/** n facts inserted as values at the selection (B2), the insert most of these tests make. */
const insertValues = (n: number, port = createExcelPort()) =>
  insertFacts(port, facts(n), { live: false, placement: "selection" });

const fresh = (extra: Partial<MockState> = {}) =>
  installExcelMock({ sheets: ["Sheet1"], selection: "Sheet1!B2", ...extra });

const ops = (writes: Write[], op: string) => writes.filter((write) => write.op === op);

describe("snapshot", () => {
  test("reads names, tables, settings, selection and the probe in one sync", async () => {
    const excel = fresh({
      sheets: ["Sheet1", "My 'data'"],
      tables: [{ name: "Sales", sheet: "My 'data'" }],
      tableRanges: { Sales: "'My ''data'''!A1:C4" },
      names: ["Rate"],
      settings: { "ree.sources": "{}" },
      selection: "'My ''data'''!C3",
      filled: ["My 'data'!E5"],
    });
    const snapshot = await createExcelPort().snapshot({ probe: { rows: 3, columns: 3 } });
    expect(excel.syncs()).toBe(1);
    expect(snapshot).toEqual({
      sheetNames: ["Sheet1", "My 'data'"],
      // A1:C4: a header and three data rows.
      tables: [{ name: "Sales", sheet: "My 'data'", dataRows: 3 }],
      definedNames: ["Rate"],
      nameFormulas: {},
      metadata: { "ree.sources": "{}" },
      activeSheet: "My 'data'",
      selection: { sheet: "My 'data'", address: "C3" },
      probe: { target: { sheet: "My 'data'", address: "C3:E5" }, isEmpty: false },
    });
    expect(excel.writes).toEqual([]);
  });

  test("a probe running off the sheet says there is not enough room", async () => {
    fresh({ selection: "Sheet1!A1048570" });
    await expect(
      createExcelPort().snapshot({ probe: { rows: 20, columns: 2 } }),
    ).rejects.toMatchObject({
      name: "WorkbookError",
      message: expect.stringMatching(/not enough room/),
    });
  });
});

/**
 * The facts block is 13 columns of about 50 bytes of JSON each (id, label, value, unit, source,
 * evidence...): 10 facts are a few KB, one request; 10,000 facts are about 6.5 MB, more than Excel
 * on the web takes in one request (5 MB), so two requests of at most 4 MB: one read + two writes.
 */
describe.each([
  [10, 1],
  [10_000, 2],
])("insert %i facts", (n, writeRequests) => {
  test.each([true, false])(
    "at the selection (live %s): one read, then whole-row writes in requests under 4 MB",
    async (live) => {
      const excel = fresh();
      const outcome = await insertFacts(createExcelPort(), facts(n), {
        live,
        placement: "selection",
      });
      expect(excel.syncs()).toBe(1 + writeRequests);
      expect(Math.max(...excel.requests.map((r) => r.sentBytes))).toBeLessThanOrEqual(4 * 2 ** 20);
      const address = `B2:N${n + 2}`;
      const sources = `A1:I${new Set(facts(n).map((fact) => fact.source)).size + 1}`;
      expect(outcome).toMatchObject({ status: "inserted", target: { sheet: "Sheet1", address } });
      // The facts in consecutive bands of whole rows (one band when small), then the Sources list.
      const formulas = ops(excel.writes, "formulas");
      const bands = formulas.filter((w) => w.sheet === "Sheet1");
      expect(bands).toHaveLength(writeRequests);
      expect(bands[0].address).toMatch(/^B2:N\d+$/);
      expect(bands[bands.length - 1].address).toMatch(new RegExp(`^B\\d+:N${n + 2}$`));
      expect(formulas.slice(bands.length).map((w) => `${w.sheet}!${w.address}`)).toEqual([
        `Sources!${sources}`,
      ]);
      const cells = bands.flatMap((band) => band.value as unknown[][]);
      expect(cells).toHaveLength(n + 1);
      expect(cells[1][2]).toBe(live ? `=REE.FACT("${FACTS[0].id}")` : FACTS[0].value);
      expect(cells[n][0]).toBe(`'${facts(n)[n - 1].id}`);
      // The new Sources sheet is General already: its formats are not sent again.
      expect(ops(excel.writes, "numberFormat").map((w) => w.address)).toEqual(
        bands.map((band) => band.address),
      );
      expect(ops(excel.writes, "tableName").map((w) => w.name)).toEqual([
        "REE_Facts",
        "REE_Sources",
      ]);
      expect(ops(excel.writes, "columnWidth").every((w) => w.sheet === "Sources")).toBe(true);
    },
  );

  test("on a new sheet: the same requests", async () => {
    const excel = fresh();
    await insertFacts(createExcelPort(), facts(n), { live: false, placement: "new-sheet" });
    expect(excel.syncs()).toBe(1 + writeRequests);
    expect(ops(excel.writes, "addSheet").map((w) => w.sheet)).toEqual(["REE facts", "Sources"]);
  });
});

test.each([
  [
    "reference table",
    () => insertReferenceTable(createExcelPort(), "partners", { placement: "selection" }),
  ],
  ["named inputs", () => insertNamedInputs(createExcelPort(), { placement: "selection" })],
  ["model sheet", () => insertModelSheet(createExcelPort())],
  ["function reference", () => insertFunctionReference(createExcelPort())],
])("%s: one read and one write", async (_, run) => {
  const excel = fresh();
  expect((await run()).status).toBe("inserted");
  expect(excel.syncs()).toBe(2);
});

describe("a non-empty target", () => {
  test.each([
    [
      "facts",
      () => insertFacts(createExcelPort(), facts(10), { live: true, placement: "selection" }),
    ],
    [
      "reference table",
      () => insertReferenceTable(createExcelPort(), "timeline", { placement: "selection" }),
    ],
    ["named inputs", () => insertNamedInputs(createExcelPort(), { placement: "selection" })],
  ])("%s: told after one read, and nothing is written", async (_, run) => {
    const excel = fresh({ filled: ["Sheet1!D5"] });
    await run();
    expect(excel.syncs()).toBe(1);
    expect(excel.writes).toEqual([]);
  });
});

describe("repeated inserts", () => {
  test("Sources rows are appended to its table with rows.add, never written over", async () => {
    const excel = fresh();
    const port = createExcelPort();
    await insertFacts(port, facts(3), { live: false, placement: "new-sheet" });
    await insertFacts(port, facts(12), { live: false, placement: "new-sheet" });
    await insertNamedInputs(port, { placement: "new-sheet" });
    await insertModelSheet(port);
    // The first insert writes the Sources table; later ones only append sources not yet listed.
    expect(ops(excel.writes, "formulas").filter((w) => w.sheet === "Sources")).toHaveLength(1);
    const appended = ops(excel.writes, "addRows").flatMap((w) =>
      (w.value as string[][]).map((r) => r[0]),
    );
    const first = (
      ops(excel.writes, "formulas").find((w) => w.sheet === "Sources")!.value as string[][]
    )
      .slice(1)
      .map((r) => r[0]);
    const listed = [...first, ...appended];
    expect(new Set(listed).size).toBe(listed.length);
    expect(appended.length).toBeGreaterThan(0);
    expect(listed).toContain("'usgs_mcs2025");
  });
});

describe("text goes to Excel as text", () => {
  test("text beginning with = + - @, a tab or CR gets Excel's text prefix; formulas only where planned", async () => {
    const excel = fresh();
    await insertFacts(createExcelPort(), [{ ...TRICKY_FACT, period: "\r=2" }, TRICKY_FACT], {
      live: false,
      placement: "selection",
    });
    const [row1, row2] = (ops(excel.writes, "formulas")[0].value as unknown[][]).slice(1);
    expect(row1.slice(0, 2)).toEqual(["'test.tricky", '\'=HYPERLINK("http://evil")']);
    expect(row1[8]).toBe("'\r=2");
    // The Source column names the source as people read it: this one (repm_scheme) by its title.
    const sourceName = "'REPM incentive scheme and overseas mineral assets (untitled)";
    expect(row2.slice(7, 12)).toEqual(["'+1", "'-2", sourceName, "'@SUM(A1)", "'\t=1+1"]);
    for (const write of ops(excel.writes, "formulas")) {
      for (const cell of (write.value as unknown[][]).flat()) {
        if (typeof cell === "string" && cell !== "") expect(cell).toMatch(/^'|^=REE\./);
      }
    }
  });
});

describe("the model sheet", () => {
  test("adds a line chart with its four series added from their columns, named, with year labels", async () => {
    const excel = fresh();
    await insertModelSheet(createExcelPort());
    const [chart] = ops(excel.writes, "addChart");
    expect(chart).toMatchObject({
      sheet: "Supply gap model",
      value: { type: "Line", seriesBy: "Columns" },
    });
    const [, top, bottom] = /^B(\d+):E(\d+)$/.exec(chart.address!)!;
    // Below the balance's header row: years in A, then demand, domestic, recycled and imports.
    expect(ops(excel.writes, "addSeries").map((w) => w.value)).toEqual([
      [0, "Demand (t)"],
      [1, "Domestic (t)"],
      [2, "Recycled (t)"],
      [3, "Imports (t)"],
    ]);
    expect(ops(excel.writes, "seriesValues").map((w) => w.address)).toEqual(
      ["B", "C", "D", "E"].map((column) => `${column}${top}:${column}${bottom}`),
    );
    expect(ops(excel.writes, "seriesXValues").map((w) => w.address)).toEqual(
      Array(4).fill(`A${top}:A${bottom}`),
    );
    expect(ops(excel.writes, "chartPosition")).toHaveLength(1);
  });

  test("a chart over the not yet calculated balance has no series: the insert does not depend on them", async () => {
    const excel = fresh();
    const outcome = await insertModelSheet(createExcelPort());
    expect(outcome.status).toBe("inserted");
    expect(ops(excel.writes, "seriesName")).toEqual([]);
    expect(excel.state.sheets).toContain("Supply gap model");
  });

  test("without ExcelApi 1.7 the chart is still made, with the series Excel makes", async () => {
    const excel = fresh({ supported: ["ExcelApi 1.4"] });
    expect((await insertModelSheet(createExcelPort())).status).toBe("inserted");
    expect(ops(excel.writes, "addChart")).toHaveLength(1);
    expect(ops(excel.writes, "addSeries")).toEqual([]);
  });

  test("prints A4 landscape, one page wide, title row repeated; its notes column wraps", async () => {
    const excel = fresh();
    await insertModelSheet(createExcelPort());
    const on = (op: string) => ops(excel.writes, op).filter((w) => w.sheet === "Supply gap model");
    expect(on("orientation").map((w) => w.value)).toEqual(["Landscape"]);
    expect(on("paperSize").map((w) => w.value)).toEqual(["A4"]);
    expect(on("zoom").map((w) => w.value)).toEqual([{ horizontalFitToPages: 1 }]);
    expect(on("printTitleRows").map((w) => w.address)).toEqual(["$1:$1"]);
    // The Sources sheet the insert adds prints the same way.
    expect(ops(excel.writes, "orientation").map((w) => w.sheet)).toEqual([
      "Supply gap model",
      "Sources",
    ]);
    expect(on("wrapText")).toEqual([
      expect.objectContaining({ address: expect.stringMatching(/^D1:D\d+$/), value: true }),
    ]);
  });

  test("without ExcelApi 1.9 the sheet is inserted without page setup", async () => {
    const excel = fresh({ supported: ["ExcelApi 1.4", "ExcelApi 1.7"] });
    expect((await insertModelSheet(createExcelPort())).status).toBe("inserted");
    expect(ops(excel.writes, "orientation")).toEqual([]);
  });
});

describe("a failure midway", () => {
  test("on an existing sheet: the table, its cells, names and new sheets are removed", async () => {
    const excel = fresh({ failOnSync: 2 });
    const error = await insertValues(10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).message).toMatch(/could not finish the insert/);
    // Read, failed write, then the clean-up (read what exists, remove it).
    expect(excel.syncs()).toBe(4);
    expect(ops(excel.writes, "deleteTable").map((w) => w.name)).toEqual(["REE_Facts"]);
    expect(ops(excel.writes, "clear")).toEqual([
      { op: "clear", sheet: "Sheet1", address: "B2:N12", value: "Contents" },
    ]);
    expect(ops(excel.writes, "deleteSheet").map((w) => w.sheet)).toEqual(["Sources"]);
  });

  test("in the second request of a large insert: what the first request wrote is removed too", async () => {
    // Read, first write request (sheet Sources, first band of facts), second request fails.
    const excel = fresh({ failOnSync: 3 });
    const error = await insertValues(10_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    const firstBand = ops(excel.writes, "formulas")[0];
    expect(firstBand.address).toMatch(/^B2:N\d+$/);
    expect(ops(excel.writes, "clear")).toEqual([
      { op: "clear", sheet: "Sheet1", address: "B2:N10002", value: "Contents" },
    ]);
    expect(excel.state.sheets).toEqual(["Sheet1"]);
    expect(excel.state.tables).toEqual([]);
  });

  test.each([
    [
      "a Sources sheet",
      (excel: ReturnType<typeof fresh>) => excel.state.sheets.push("Sources"),
      { sheets: ["Sheet1", "Sources"], tables: [] },
    ],
    [
      "a table named REE_Facts",
      (excel: ReturnType<typeof fresh>) =>
        excel.state.tables.push({ name: "REE_Facts", sheet: "Sheet1" }),
      { sheets: ["Sheet1"], tables: ["REE_Facts"] },
    ],
  ])(
    "a co-author creates %s between the read and the write: theirs survives the undo",
    async (_, coAuthor, left) => {
      const excel = fresh();
      const port = createExcelPort();
      const write = port.apply;
      port.apply = (plan) => {
        coAuthor(excel);
        return write(plan);
      };
      const error = await insertValues(10, port).catch((e: unknown) => e);
      expect(error).toMatchObject({ message: expect.stringMatching(/created by someone else/) });
      // Theirs is still there, and nothing of this insert is: not its sheet, table or cells.
      expect(excel.state.sheets).toEqual(left.sheets);
      expect(excel.state.tables.map((table) => table.name)).toEqual(left.tables);
      expect(excel.state.settings).toEqual({});
    },
  );

  test("named inputs: each name it added is deleted by name, once", async () => {
    const excel = fresh({ failOnSync: 2 });
    await expect(
      insertNamedInputs(createExcelPort(), { placement: "selection" }),
    ).rejects.toBeInstanceOf(WorkbookError);
    // The 11 inputs and the hidden name that tracks the insert's figures.
    expect(ops(excel.writes, "deleteName")).toHaveLength(12);
  });

  test("a failure before its appended rows and settings: nothing of them to undo, no more reads", async () => {
    const excel = installCellMock({ sheets: ["Sheet1"], selection: "Sheet1!B2" }, {});
    const port = createExcelPort();
    await insertFacts(port, [factById("india.repm.target_t.repm_scheme")!], {
      live: false,
      placement: "new-sheet",
    });
    const before = settingsOf(excel);
    const sources = await port.readCells({ sheets: ["Sources"] });
    const syncs = excel.syncs();
    // Selecting what it wrote is the last command before the rows and settings.
    excel.failWrite(["select"]);
    await expect(
      insertReferenceTable(port, "world_production", { placement: "new-sheet" }),
    ).rejects.toBeInstanceOf(WorkbookError);
    // Read, failed write, and the undo's read and write: no rows were appended to look for.
    expect(excel.syncs() - syncs).toBe(4);
    expect(settingsOf(excel)).toEqual(before);
    expect(await port.readCells({ sheets: ["Sources"] })).toEqual(sources);
  });
});

/** Every setting but the record of what an insert created, which the undo deletes. */
const settingsOf = (excel: { state: { settings: Record<string, string> } }) =>
  Object.fromEntries(
    Object.entries(excel.state.settings).filter(([key]) => key !== "ree.insertCreated"),
  );

/** The REPM target as a value on a new sheet: its source is new to the Sources table. */
const insertTarget = (port = createExcelPort()) =>
  insertFacts(port, [factById("india.repm.target_t.repm_scheme")!], {
    live: false,
    placement: "new-sheet",
  });

/**
 * Runs `coAuthor`, as a colleague's Excel would, just before the nth Excel.run from now (an insert
 * runs one to read, one to write and, after a failed write, one to undo it).
 */
function coAuthorBeforeRun(nth: number, coAuthor: (workbook: Excel.Workbook) => void): void {
  const excel = globalThis.Excel as {
    run: (batch: (context: unknown) => Promise<unknown>) => unknown;
  };
  const run = excel.run;
  let calls = 0;
  excel.run = async (batch) => {
    if (++calls === nth) {
      await run(async (context) => {
        coAuthor((context as Excel.RequestContext).workbook);
        await (context as Excel.RequestContext).sync();
      });
    }
    return run(batch);
  };
}

describe("an insert that appends to an earlier insert's Sources table", () => {
  // The earlier insert (world production, on its sheet) listed the USGS summaries: Sources holds
  // its header in row 1 and that source in row 2, across the nine columns A:I. The REPM target
  // cites the REPM scheme: its row goes in row 3.
  async function seeded(state: Partial<MockState> = {}) {
    const excel = installCellMock({ sheets: ["Sheet1"], selection: "Sheet1!B2", ...state }, {});
    const port = createExcelPort();
    await insertReferenceTable(port, "world_production", { placement: "new-sheet" });
    return {
      excel,
      port,
      settings: settingsOf(excel),
      sources: await port.readCells({ sheets: ["Sources"] }),
    };
  }

  test("takes a read and a write, like any insert", async () => {
    const { excel, port } = await seeded();
    const syncs = excel.syncs();
    await insertTarget(port);
    expect(excel.syncs() - syncs).toBe(2);
    expect(ops(excel.writes, "addRows")).toMatchObject([{ sheet: "Sources", address: "A3:I3" }]);
  });

  test("failing after its commands ran: its row is deleted, the settings it wrote put back", async () => {
    // Syncs 1 and 2 are the earlier insert's, 3 and 4 read Sources; 5 reads, 6 writes
    // everything, then fails.
    const { excel, port, settings, sources } = await seeded({ failOnSync: 6 });
    expect(Object.keys(settings)).toEqual(["ree.sources"]);
    const error = await insertTarget(port).catch((e: unknown) => e);
    // The undo reads what it recorded and the table's row count (7), the row's first and last
    // cells (8), then deletes and puts back (9): one more read than an insert that appends none.
    expect(excel.syncs()).toBe(9);
    expect(error).toMatchObject({ message: expect.stringMatching(/could not finish the insert/) });
    expect((error as Error).message).not.toMatch(/left/);
    // Row 3, table columns only: cells below move up within the table's columns.
    expect(ops(excel.writes, "deleteCells")).toEqual([
      { op: "deleteCells", sheet: "Sources", address: "A3:I3", value: "Up" },
    ]);
    expect(excel.state.tables).toContainEqual(
      expect.objectContaining({ name: "REE_Sources", address: "A1:I2" }),
    );
    expect(await port.readCells({ sheets: ["Sources"] })).toEqual(sources);
    // The Sources record put back as it was; the data vintage's settings, new, deleted.
    expect(settingsOf(excel)).toEqual(settings);
  });

  /** A co-author appends a row to Sources before this insert's; the insert fails at `failing`. */
  async function failingAfterTheirRow(failing: string) {
    const seededBook = await seeded();
    coAuthorBeforeRun(2, (workbook) =>
      workbook.tables.getItem("REE_Sources").rows.add(undefined, [Array(9).fill("'theirs")]),
    );
    seededBook.excel.failWrite(["setting"], 1, failing);
    return { ...seededBook, error: await insertTarget(seededBook.port).catch((e: unknown) => e) };
  }

  test("failing after a co-author appended a row before its own: its row is left and named", async () => {
    // The Sources record is its first setting: the row is appended, then the write fails.
    const { excel, port, settings, error } = await failingAfterTheirRow(SOURCES_KEY);
    expect(error).toMatchObject({
      message: expect.stringMatching(
        /It left the 1 row it added to the table REE_Sources on Sources: someone else changed that table meanwhile/,
      ),
    });
    expect(ops(excel.writes, "deleteCells")).toEqual([]);
    // Header, USGS, theirs (row 3), this insert's (row 4).
    const [block] = await port.readCells({ sheets: ["Sources"] });
    expect(block.address).toBe("A1:I4");
    expect(block.values.map((row) => row[0])).toEqual([
      "Source key",
      "usgs_mcs2025",
      "theirs",
      "repm_scheme",
    ]);
    expect(settingsOf(excel)).toEqual(settings);
  });

  test("failing after its Sources record was written, rows it had to leave stay in that record", async () => {
    // The hidden name's record is its last setting: the row and the Sources record are written.
    const { excel, settings, error } = await failingAfterTheirRow(PINNED_BLOCKS_KEY);
    expect(error).toMatchObject({ message: expect.stringMatching(/It left the 1 row/) });
    // repm_scheme's row is still in Sources, so the record still lists it: a later insert citing
    // it does not list it twice. Every other setting is as before.
    const record = JSON.parse(excel.state.settings[SOURCES_KEY]) as { keys: string[] };
    expect(record.keys).toEqual(["usgs_mcs2025", "repm_scheme"]);
    const withoutRecord = (all: Record<string, string>) =>
      Object.entries(all).filter(([key]) => key !== SOURCES_KEY);
    expect(withoutRecord(settingsOf(excel))).toEqual(withoutRecord(settings));
  });

  test("failing, what a co-author changed before the undo stays: a cell of its row, a setting", async () => {
    const { excel, port, settings } = await seeded();
    coAuthorBeforeRun(3, (workbook) => {
      workbook.worksheets.getItem("Sources").getRange("A3").formulas = [["'mine now"]];
      workbook.settings.add(SOURCES_KEY, "theirs");
    });
    // The hidden name's record is its last setting: the row and the other settings are written.
    excel.failWrite(["setting"], 1, PINNED_BLOCKS_KEY);
    const error = await insertTarget(port).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: expect.stringMatching(/It left the 1 row/) });
    expect(ops(excel.writes, "deleteCells")).toEqual([]);
    const [block] = await port.readCells({ sheets: ["Sources"] });
    expect(block.values[2][0]).toBe("mine now");
    // Their Sources record stays; the data vintage's settings, new, are deleted.
    expect(settingsOf(excel)).toEqual({ ...settings, [SOURCES_KEY]: "theirs" });
  });
});

describe("reading cells (make portable, restore, data vintage)", () => {
  const MB = 2 ** 20;

  // 250,000 rows: formulas of about 30 bytes and values of about 8 give some 10 MB of JSON, twice
  // what Excel on the web answers in one request. Read in requests of at most 4 MB: with the special
  // cells, 250,000 formulas (~33 bytes with their shown 0) ≈ 8 MB plus 250,000 constants (~8 bytes)
  // ≈ 2 MB, so at least ceil(10 / 4) = 3 reads after the one that locates them.
  test.each([
    ["formula and constant areas (ExcelApi 1.9)", undefined],
    ["the used range in bands (ExcelApi 1.7)", ["ExcelApi 1.4", "ExcelApi 1.7"]],
  ])("250,000 formula cells: %s, every request under 4 MB", async (_, supported) => {
    const n = 250_000;
    const excel = installCellMock({ sheets: ["Model"], supported }, { Model: formulaColumn(n) });
    const [block] = await createExcelPort().readCells({ sheets: ["Model"] });
    expect(block.address).toBe(`A1:B${n}`);
    expect(block.formulas[n - 1]).toEqual([null, `=REE.MAGNET_CAPACITY(A${n})`]);
    expect(block.values[n - 1]).toEqual([100 * n, 0]);
    expect(block.formulas.filter((row) => row[1] !== null)).toHaveLength(n);
    const received = excel.requests.map((r) => r.receivedBytes);
    expect(Math.max(...received)).toBeLessThanOrEqual(4 * MB);
    const total = received.reduce((sum, bytes) => sum + bytes, 0);
    expect(total).toBeGreaterThan(8 * MB);
    expect(excel.syncs()).toBeLessThanOrEqual(2 + Math.ceil(total / (4 * MB)));
  });

  test("a stray value in the last cell of the sheet: only the filled cells are read", async () => {
    // The used range A1:XFD1048576 is 17 billion cells, far over Excel's 5,000,000 per read.
    const excel = installCellMock(
      { sheets: ["Model"] },
      { Model: { ...formulaColumn(3), XFD1048576: "note" } },
    );
    const blocks = await createExcelPort().readCells({ sheets: ["Model"] });
    expect(excel.syncs()).toBe(2);
    expect(formulaCells(blocks).map((cell) => cell.address)).toEqual(["B1", "B2", "B3"]);
    expect(contentOf(blocks, { sheet: "Model", address: "XFD1048576" })).toEqual([
      [{ formula: null, value: "note" }],
    ]);
  });
});

describe("what the emptiness probe cannot see gets its own message", () => {
  const insert = () => insertValues(10);

  test("merged cells in the target: told before anything is written", async () => {
    const excel = fresh({ merged: ["Sheet1!D4:E4"] });
    await expect(insert()).rejects.toMatchObject({
      name: "WorkbookError",
      message: expect.stringMatching(/merged cells \(D4:E4\)/),
      action: expect.stringMatching(/Unmerge/),
    });
    expect(excel.syncs()).toBe(1);
    expect(excel.writes).toEqual([]);
  });

  test("merged cells where Excel cannot list them (before ExcelApi 1.13): the write's error says so", async () => {
    const excel = fresh({
      merged: ["Sheet1!D4:E4"],
      supported: ["ExcelApi 1.4", "ExcelApi 1.7", "ExcelApi 1.8", "ExcelApi 1.9"],
    });
    await expect(insert()).rejects.toMatchObject({
      message: expect.stringMatching(/merged/),
      action: expect.stringMatching(/Unmerge/),
    });
    expect(excel.state.sheets).toEqual(["Sheet1"]);
  });

  test("an empty table overlapping the target", async () => {
    const excel = fresh({
      tables: [{ name: "Plan", sheet: "Sheet1" }],
      tableRanges: { Plan: "Sheet1!F6:H9" },
    });
    await expect(insert()).rejects.toMatchObject({
      message: expect.stringMatching(/overlaps the table Plan/),
      action: expect.stringMatching(/outside the table/),
    });
    expect(excel.writes).toEqual([]);
  });

  test("a workbook open read-only or in View mode", async () => {
    const excel = fresh({ readOnly: true });
    await expect(insert()).rejects.toMatchObject({
      message: expect.stringMatching(/read-only or in View mode/),
      action: expect.stringMatching(/Switch to Editing/),
    });
    expect(excel.writes).toEqual([]);
  });

  test("several ranges selected", async () => {
    const excel = fresh({ selection: "Sheet1!B2:C3, Sheet1!E5" });
    await expect(insert()).rejects.toMatchObject({
      message: expect.stringMatching(/Several ranges are selected/),
      action: expect.stringMatching(/single cell/),
    });
    expect(excel.writes).toEqual([]);
  });
});

describe("requirement sets", () => {
  test("checkRequirements names each missing set and what it is for", () => {
    installExcelMock({ sheets: ["Sheet1"], supported: ["ExcelApi 1.4"] });
    const messages = checkRequirements();
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/ExcelApi 1\.7.*chart series/);
    expect(messages[1]).toMatch(/CustomFunctionsRuntime 1\.1.*#NAME\?/);
  });

  test("all supported: no messages", () => {
    installExcelMock({ sheets: ["Sheet1"] });
    expect(checkRequirements()).toEqual([]);
  });

  test("without ExcelApi 1.4 the port refuses before touching the workbook", async () => {
    const excel = installExcelMock({ sheets: ["Sheet1"], supported: [] });
    await expect(insertModelSheet(createExcelPort())).rejects.toMatchObject({
      name: "WorkbookError",
      message: expect.stringMatching(/ExcelApi 1\.4/),
    });
    expect(excel.syncs()).toBe(0);
  });
});

describe("the mock is strict, so passing tests mean the port loads and syncs before reading", () => {
  test("a range property read without load() and sync() is office-addin-mock's error text", async () => {
    fresh();
    await Excel.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      // Reading too early on purpose: the mock must refuse the way Office.js does.
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      expect(range.address).toBe("Error, property was not loaded");
      range.load("address");
      // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
      expect(range.address).toBe("Error, context.sync() was not called");
      await context.sync();
      expect(range.address).toBe("'Sheet1'!B2");
    });
  });

  test("collection items cannot be read before load() and sync()", async () => {
    fresh();
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow();
      sheets.load("items/name");
      expect(() => sheets.items).toThrow();
      await context.sync();
      expect(sheets.items.map((sheet) => sheet.name)).toEqual(["Sheet1"]);
    });
  });

  test("a range's values cannot be read before load() and sync(); they are the cells' contents", async () => {
    installCellMock({ sheets: ["Sheet1"] }, { Sheet1: { A1: "'2025", B1: 7 } });
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      expect(() => range.values).toThrow();
      range.load("values");
      // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
      expect(() => range.values).toThrow();
      await context.sync();
      // Text kept as text by its apostrophe, a number, and "" for the empty cell.
      expect(range.values).toEqual([["2025", 7, ""]]);
    });
  });

  test("Range.delete shifts up whole table rows, and nothing that cuts across a table", async () => {
    const excel = installCellMock(
      {
        sheets: ["Sheet1"],
        tables: [{ name: "T", sheet: "Sheet1" }],
        tableRanges: { T: "Sheet1!A1:B3" },
      },
      { Sheet1: { A1: "'Key", B1: "'Value", A2: "'a", B2: 1, A3: "'b", B3: 2 } },
    );
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      expect(() => sheet.getRange("A3").delete("Up")).toThrow(/cuts across the table T/);
      expect(() => sheet.getRange("A3:B3").delete("Left")).toThrow(/not modelled/);
      sheet.getRange("A3:B3").delete("Up");
      await context.sync();
    });
    // Header and one data row (A1:B2) are left of the table, and of the cells.
    expect(excel.state.tables).toEqual([{ name: "T", sheet: "Sheet1", address: "A1:B2" }]);
    expect(excel.content("Sheet1", "A3")).toBeUndefined();
    expect(excel.content("Sheet1", "A2")).toEqual({ formula: null, value: "a" });
  });
});
