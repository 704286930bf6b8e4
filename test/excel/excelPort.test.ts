/**
 * The Office.js port against office-addin-mock: every insert action takes at most two
 * context.sync() calls (one read, one write) at 10 and at 10,000 rows, a non-empty target means no
 * write at all, names stay unique across repeated inserts, text is written as text, and a failed
 * write is undone.
 */
import { FACTS, type Fact } from "../../src/data";
import { checkRequirements, createExcelPort } from "../../src/excel";
import {
  insertFacts,
  insertFunctionReference,
  insertModelSheet,
  insertNamedInputs,
  insertReferenceTable,
} from "../../src/workbook/actions";
import { WorkbookError } from "../../src/workbook/port";
import { installExcelMock, type MockState, type Write } from "./mockExcel";

/** n facts: the data set's, repeated with distinct ids when n is larger. */
function facts(n: number): Fact[] {
  return Array.from({ length: n }, (_, i) => {
    const fact = FACTS[i % FACTS.length];
    return i < FACTS.length ? fact : { ...fact, id: `${fact.id}.copy${i}` };
  });
}

const fresh = (extra: Partial<MockState> = {}) =>
  installExcelMock({ sheets: ["Sheet1"], selection: "Sheet1!B2", ...extra });

const ops = (writes: Write[], op: string) => writes.filter((write) => write.op === op);

describe("snapshot", () => {
  test("reads names, tables, settings, selection and the probe in one sync", async () => {
    const excel = fresh({
      sheets: ["Sheet1", "My 'data'"],
      tables: [{ name: "Sales", sheet: "My 'data'" }],
      names: ["Rate"],
      settings: { "ree.sources": "{}" },
      selection: "'My ''data'''!C3",
      filled: ["My 'data'!E5"],
    });
    const snapshot = await createExcelPort().snapshot({ probe: { rows: 3, columns: 3 } });
    expect(excel.syncs()).toBe(1);
    expect(snapshot).toEqual({
      sheetNames: ["Sheet1", "My 'data'"],
      tables: [{ name: "Sales", sheet: "My 'data'" }],
      definedNames: ["Rate"],
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

describe.each([10, 10_000])("insert %i facts", (n) => {
  test.each([true, false])(
    "at the selection (live %s): one read, one write, whole-range writes",
    async (live) => {
      const excel = fresh();
      const outcome = await insertFacts(createExcelPort(), facts(n), {
        live,
        placement: "selection",
      });
      expect(excel.syncs()).toBe(2);
      const address = `B2:N${n + 2}`;
      const sources = `A1:I${new Set(facts(n).map((fact) => fact.source)).size + 1}`;
      expect(outcome).toMatchObject({ status: "inserted", target: { sheet: "Sheet1", address } });
      // One formulas write per block: the facts and the new Sources list.
      const formulas = ops(excel.writes, "formulas");
      expect(formulas.map((w) => `${w.sheet}!${w.address}`)).toEqual([
        `Sheet1!${address}`,
        `Sources!${sources}`,
      ]);
      const cells = formulas[0].value as unknown[][];
      expect(cells).toHaveLength(n + 1);
      expect(cells[1][2]).toBe(live ? `=REE.FACT("${FACTS[0].id}")` : FACTS[0].value);
      expect(ops(excel.writes, "numberFormat").map((w) => w.address)).toEqual([address, sources]);
      expect(ops(excel.writes, "tableName").map((w) => w.name)).toEqual([
        "REE_Facts",
        "REE_Sources",
      ]);
      expect(ops(excel.writes, "columnWidth").every((w) => w.sheet === "Sources")).toBe(true);
    },
  );

  test("on a new sheet: still two syncs", async () => {
    const excel = fresh();
    await insertFacts(createExcelPort(), facts(n), { live: false, placement: "new-sheet" });
    expect(excel.syncs()).toBe(2);
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
  ])("%s: reported after one read, and nothing is written", async (_, run) => {
    const excel = fresh({ filled: ["Sheet1!D5"] });
    const outcome = await run();
    expect(outcome).toMatchObject({ status: "target-not-empty", target: { sheet: "Sheet1" } });
    expect(excel.syncs()).toBe(1);
    expect(excel.writes).toEqual([]);
  });

  test("a filled cell just outside the block does not count", async () => {
    const excel = fresh({ filled: ["Sheet1!O2", "Sheet1!B13"] });
    const outcome = await insertFacts(createExcelPort(), facts(10), {
      live: false,
      placement: "selection",
    });
    expect(outcome.status).toBe("inserted");
    expect(excel.syncs()).toBe(2);
  });
});

describe("repeated inserts", () => {
  test("get unique sheet, table and defined names, and Sources rows are appended once", async () => {
    const excel = fresh();
    const port = createExcelPort();
    await insertFacts(port, facts(3), { live: false, placement: "new-sheet" });
    await insertFacts(port, facts(3), { live: false, placement: "new-sheet" });
    await insertFacts(port, facts(12), { live: false, placement: "new-sheet" });
    await insertNamedInputs(port, { placement: "new-sheet" });
    await insertNamedInputs(port, { placement: "new-sheet" });
    await insertModelSheet(port);
    await insertModelSheet(port);
    expect(excel.state.sheets).toEqual([
      "Sheet1",
      "REE facts",
      "Sources",
      "REE facts (2)",
      "REE facts (3)",
      "REE inputs",
      "REE inputs (2)",
      "Supply gap model",
      "Supply gap model (2)",
    ]);
    expect(excel.state.tables.map((t) => t.name)).toEqual([
      "REE_Facts",
      "REE_Sources",
      "REE_Facts_2",
      "REE_Facts_3",
    ]);
    const names = excel.state.names;
    expect(names).toContain("REPM_Target_t");
    expect(names).toContain("REPM_Target_t_2");
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    // Sources: the first insert creates the table, later ones only append sources not yet listed.
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
    expect(listed).toContain("'usgs_mcs2025");
  });

  test("a sheet named like ours in other letter case still gets a fresh name", async () => {
    const excel = fresh({ sheets: ["Sheet1", "sources", "REE FACTS"] });
    await insertFacts(createExcelPort(), facts(2), { live: false, placement: "new-sheet" });
    expect(ops(excel.writes, "addSheet").map((w) => w.sheet)).toEqual([
      "REE facts (2)",
      "Sources (2)",
    ]);
  });

  test("a table name never collides with a defined name", async () => {
    const excel = fresh({
      names: ["REE_Facts"],
      tables: [{ name: "ree_facts_2", sheet: "Sheet1" }],
    });
    await insertFacts(createExcelPort(), facts(2), { live: false, placement: "new-sheet" });
    expect(ops(excel.writes, "tableName")[0].name).toBe("REE_Facts_3");
  });
});

describe("text is written as text", () => {
  test("text beginning with = + - @, a tab or CR gets Excel's text prefix; formulas only where planned", async () => {
    const tricky: Fact = {
      ...FACTS[0],
      id: "test.tricky",
      label: '=HYPERLINK("http://evil")',
      basis: "+1",
      period: "-2",
      locator: "@SUM(A1)",
      evidence: "\t=1+1",
      note: null,
      qualifier: "exact",
    };
    const excel = fresh();
    await insertFacts(createExcelPort(), [{ ...tricky, period: "\r=2" }, tricky], {
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
  test("adds a line chart of demand against domestic supply with named series and year labels", async () => {
    const excel = fresh();
    await insertModelSheet(createExcelPort());
    const [chart] = ops(excel.writes, "addChart");
    expect(chart).toMatchObject({
      sheet: "Supply gap model",
      value: { type: "Line", seriesBy: "Columns" },
    });
    expect(chart.address).toMatch(/^B(\d+):C(\d+)$/);
    expect(ops(excel.writes, "seriesName").map((w) => w.value)).toEqual([
      [0, "Demand (t)"],
      [1, "Domestic (t)"],
    ]);
    expect(ops(excel.writes, "categoryNames")[0].address).toMatch(/^A\d+:A\d+$/);
    expect(ops(excel.writes, "chartPosition")).toHaveLength(1);
  });

  test("without ExcelApi 1.7 the chart is still made, without year labels", async () => {
    const excel = fresh({ supported: ["ExcelApi 1.4"] });
    await insertModelSheet(createExcelPort());
    expect(ops(excel.writes, "addChart")).toHaveLength(1);
    expect(ops(excel.writes, "categoryNames")).toEqual([]);
  });
});

describe("a failure midway", () => {
  test("on an existing sheet: the table, its cells, names and new sheets are removed", async () => {
    const excel = fresh({ failOnSync: 2 });
    const error = await insertFacts(createExcelPort(), facts(10), {
      live: false,
      placement: "selection",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).message).toMatch(/could not finish the insert/);
    // Read, failed write, then the clean-up (read what exists, remove it).
    expect(excel.syncs()).toBe(4);
    expect(ops(excel.writes, "deleteTable").map((w) => w.name)).toEqual(["REE_Facts"]);
    expect(ops(excel.writes, "clear")).toEqual([
      { op: "clear", sheet: "Sheet1", address: "B2:N12", value: "Contents" },
    ]);
    expect(ops(excel.writes, "deleteSheet").map((w) => w.sheet)).toEqual(["Sources"]);
    expect(excel.state.tables).toEqual([]);
    expect(excel.state.sheets).toEqual(["Sheet1"]);
  });

  test("named inputs: every added name is deleted again", async () => {
    const excel = fresh({ failOnSync: 2 });
    await expect(
      insertNamedInputs(createExcelPort(), { placement: "selection" }),
    ).rejects.toBeInstanceOf(WorkbookError);
    expect(ops(excel.writes, "deleteName")).toHaveLength(11);
    expect(excel.state.names).toEqual([]);
  });

  test("the model sheet: the new sheets are deleted", async () => {
    const excel = fresh({ failOnSync: 2 });
    await expect(insertModelSheet(createExcelPort())).rejects.toBeInstanceOf(WorkbookError);
    expect(excel.state.sheets).toEqual(["Sheet1"]);
  });
});

describe("requirement sets", () => {
  test("checkRequirements names each missing set and what it is for", () => {
    installExcelMock({ sheets: ["Sheet1"], supported: ["ExcelApi 1.4"] });
    const messages = checkRequirements();
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/ExcelApi 1\.7.*chart/);
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
});
