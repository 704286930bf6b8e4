/**
 * One contract for both workbook hosts: the same insert actions run on the Office.js port (against
 * the strict mock Excel, with cell contents) and on the browser preview (HyperFormula), and what
 * each port reads back afterwards must be the same. Host-specific behaviour stays with each host:
 * test/excel/excelPort.test.ts (syncs, request sizes, requirement sets, undo by identity) and
 * test/workbook/preview.test.ts (computed values, charts).
 */
import { HyperFormula } from "hyperformula";
import { factById } from "../../src/data";
import { createExcelPort } from "../../src/excel";
import { createPreviewWorkbook } from "../../src/preview/workbook";
import { parseQualified } from "../../src/workbook/address";
import {
  insertFacts,
  insertFunctionReference,
  insertModelSheet,
  insertNamedInputs,
  insertReferenceTable,
  type InsertOutcome,
} from "../../src/workbook/actions";
import {
  WorkbookError,
  emptyWritePlan,
  type ReadableWorkbookPort,
  type WorkbookSnapshot,
} from "../../src/workbook/port";
import { SOURCES_KEY } from "../../src/workbook/sources";
import { PINNED_BLOCKS_KEY } from "../../src/workbook/vintage";
import { contentOf } from "../../src/workbook/reads";
import { installCellMock } from "../excel/mockCells";
import { TRICKY_FACT, manyFacts as facts } from "../support/facts";

/** What a scenario starts from: the user's sheets, cells, names, tables and selection. */
interface Seed {
  /** Sheets after Sheet1, in order. */
  sheets?: string[];
  /** Text the user typed, by cell ("Sheet1!C5"). */
  cells?: Record<string, string>;
  /** The selected cell; Sheet1!B2 unless given. */
  selection?: string;
  /** Defined names the user made, each over Sheet1!A1. */
  names?: string[];
  /** Tables the user made on Sheet1. */
  tables?: { name: string; address: string }[];
}

/**
 * A host opened on a seed: its port, and ways to make the next insert's write fail midway: at its
 * second range of cells (a block, or rows appended to a table) after its sheets and first block,
 * or at its write of one setting, after everything it writes before that.
 */
interface Opened {
  port: ReadableWorkbookPort;
  failNextWrite(): void;
  failSetting(key: string): void;
}

interface Host {
  name: string;
  open(seed?: Seed): Promise<Opened>;
  /** Metadata keys the host keeps for itself, left out of what the contract compares. */
  ownMetadata: string[];
}

const excelHost: Host = {
  name: "Excel (Office.js port, mock Excel)",
  // What the insert under way has created, for its undo: the next insert replaces it, and a failed
  // one's undo deletes it. The preview undoes a failed write in the engine and needs no record.
  ownMetadata: ["ree.insertCreated"],
  async open(seed = {}) {
    const cells: Record<string, Record<string, string>> = {};
    for (const [reference, text] of Object.entries(seed.cells ?? {})) {
      const { sheet, address } = parseQualified(reference);
      cells[sheet] = { ...cells[sheet], [address]: text };
    }
    const excel = installCellMock(
      {
        sheets: ["Sheet1", ...(seed.sheets ?? [])],
        selection: seed.selection ?? "Sheet1!B2",
        nameFormulas: Object.fromEntries((seed.names ?? []).map((n) => [n, "=Sheet1!$A$1"])),
        tables: seed.tables?.map(({ name }) => ({ name, sheet: "Sheet1" })),
        tableRanges: Object.fromEntries(
          (seed.tables ?? []).map(({ name, address }) => [name, `Sheet1!${address}`]),
        ),
      },
      cells,
    );
    return {
      port: createExcelPort(),
      // As Office.js runs a request: the commands before the failing one are carried out.
      failNextWrite: () => excel.failWrite(["formulas", "addRows"], 2),
      failSetting: (key) => excel.failWrite(["setting"], 1, key),
    };
  },
};

const previewHost: Host = {
  name: "preview (HyperFormula)",
  ownMetadata: [],
  async open(seed = {}) {
    const book = createPreviewWorkbook();
    // The preview has no user command for sheets, names or tables: they are written as a plan.
    if (seed.sheets || seed.names || seed.tables) {
      await book.port.apply({
        ...emptyWritePlan(),
        newSheets: seed.sheets ?? [],
        names: (seed.names ?? []).map((name) => ({ name, sheet: "Sheet1", address: "A1" })),
        tables: (seed.tables ?? []).map((table) => ({ ...table, sheet: "Sheet1" })),
      });
    }
    for (const [reference, text] of Object.entries(seed.cells ?? {})) {
      const { sheet, address } = parseQualified(reference);
      book.setCell(sheet, address, text);
    }
    await book.port.select(parseQualified(seed.selection ?? "Sheet1!B2"));
    return {
      port: book.port,
      failNextWrite: () => {
        const write = HyperFormula.prototype.setCellContents;
        let writes = 0;
        jest.spyOn(HyperFormula.prototype, "setCellContents").mockImplementation(function (
          this: HyperFormula,
          ...args
        ) {
          if (++writes === 2) throw new Error("The engine failed (test).");
          return write.apply(this, args);
        });
      },
      // The preview keeps settings in a Map beside the engine: the insert's write of a key it did
      // not hold before is the first time that key is set (copying the settings sets only keys held).
      failSetting: (key) => {
        const set = Map.prototype.set;
        jest.spyOn(Map.prototype, "set").mockImplementation(function (
          this: Map<unknown, unknown>,
          k,
          v,
        ) {
          if (k === key) throw new Error("The setting could not be stored (test).");
          return set.call(this, k, v);
        });
      },
    };
  },
};

afterEach(() => jest.restoreAllMocks());

/** The inserts the scenarios make, by what they insert: at the selection (B2 unless seeded). */
const INSERTS: Record<string, (port: ReadableWorkbookPort) => Promise<InsertOutcome>> = {
  facts: (port) => insertFacts(port, facts(3), { live: false, placement: "selection" }),
  "named inputs": (port) => insertNamedInputs(port, { placement: "selection" }),
  "a reference table": (port) => insertReferenceTable(port, "timeline", { placement: "selection" }),
  // Always on a sheet of its own.
  "the model sheet": (port) => insertModelSheet(port),
};

/**
 * The workbook as it was before a failed insert. The hosts differ only in where the selection ends:
 * the preview puts it back; Excel had selected the insert's new sheet, and activates a neighbour
 * once the undo deletes that sheet. Either way the selection is on a sheet that exists.
 */
function expectLeftAsBefore<T extends WorkbookSnapshot>(after: T, before: T): void {
  expect({ ...after, activeSheet: before.activeSheet, selection: before.selection }).toEqual(
    before,
  );
  expect(after.sheetNames).toContain(after.activeSheet);
  expect(after.selection.sheet).toBe(after.activeSheet);
}

describe.each([excelHost, previewHost])("$name", (host) => {
  /** Everything the port reads back: the snapshot (less the host's own metadata) and every cell. */
  async function readBack(port: ReadableWorkbookPort) {
    const snapshot = await port.snapshot();
    const metadata = Object.fromEntries(
      Object.entries(snapshot.metadata).filter(([key]) => !host.ownMetadata.includes(key)),
    );
    return {
      ...snapshot,
      metadata,
      cells: await port.readCells({ sheets: snapshot.sheetNames }),
    };
  }

  test("repeated inserts get unique sheet, table and defined names", async () => {
    const { port } = await host.open();
    await insertFacts(port, facts(3), { live: false, placement: "new-sheet" });
    await insertFacts(port, facts(3), { live: false, placement: "new-sheet" });
    await insertFacts(port, facts(12), { live: false, placement: "new-sheet" });
    await insertNamedInputs(port, { placement: "new-sheet" });
    await insertNamedInputs(port, { placement: "new-sheet" });
    await insertModelSheet(port);
    await insertModelSheet(port);
    const back = await readBack(port);
    expect(back.sheetNames).toEqual([
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
    // A row per fact (3, 3 and 12); Sources holds a row per source it lists (checked below).
    expect(back.tables).toEqual([
      { name: "REE_Facts", sheet: "REE facts", dataRows: 3 },
      { name: "REE_Sources", sheet: "Sources", dataRows: expect.any(Number) },
      { name: "REE_Facts_2", sheet: "REE facts (2)", dataRows: 3 },
      { name: "REE_Facts_3", sheet: "REE facts (3)", dataRows: 12 },
    ]);
    const folded = back.definedNames.map((name) => name.toLowerCase());
    expect(new Set(folded).size).toBe(folded.length);
    // Each sheet of inputs names its own value cells: Value is the third column, C.
    expect(back.nameFormulas).toMatchObject({
      REPM_Target_t: "='REE inputs'!$C$2",
      REPM_Target_t_2: "='REE inputs (2)'!$C$2",
    });
    // Under its name (column B), the Cabinet's 6,000 t/yr magnet target (Business Standard,
    // 2025-11-26, para 1: "6,000 Metric Tons per Annum").
    expect(contentOf(back.cells, { sheet: "REE inputs (2)", address: "B2:C2" })).toEqual([
      [
        { formula: null, value: "REPM_Target_t_2" },
        { formula: null, value: 6000 },
      ],
    ]);
    // The seven inserts share one Sources list: each source key once.
    const [sources] = back.cells.filter((block) => block.sheet === "Sources");
    const keys = sources.values.slice(1).map((row) => row[0]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain("usgs_mcs2025");
    // The rows later inserts appended are the table's.
    expect(back.tables[1].dataRows).toBe(keys.length);
    // Each insert selects what it wrote: the last, its new sheet.
    expect(back.activeSheet).toBe("Supply gap model (2)");
  });

  test("Sources lists each source once: a new one is appended as a row of its table", async () => {
    const { port } = await host.open();
    // The target fact cites repm_scheme; world production cites the USGS summaries.
    const target = factById("india.repm.target_t.repm_scheme")!;
    await insertFacts(port, [target], { live: false, placement: "new-sheet" });
    await insertReferenceTable(port, "world_production", { placement: "new-sheet" });
    await insertFacts(port, [target], { live: false, placement: "new-sheet" });
    const back = await readBack(port);
    // One Sources sheet for the three inserts (sheet naming is the test above's).
    expect(back.sheetNames.filter((name) => name.startsWith("Sources"))).toEqual(["Sources"]);
    const [sources] = back.cells.filter((block) => block.sheet === "Sources");
    // Header and two sources, across the table's nine columns A..I.
    expect(sources.address).toBe("A1:I3");
    expect(sources.values.map((row) => row[0])).toEqual([
      "Source key",
      "repm_scheme",
      "usgs_mcs2025",
    ]);
  });

  test("a sheet named like ours in another letter case still gets a fresh name", async () => {
    const { port } = await host.open({ sheets: ["sources", "REE FACTS"] });
    await insertFacts(port, facts(2), { live: false, placement: "new-sheet" });
    expect((await port.snapshot()).sheetNames).toEqual([
      "Sheet1",
      "sources",
      "REE FACTS",
      "REE facts (2)",
      "Sources (2)",
    ]);
  });

  test("a table name never collides with a defined name or another table", async () => {
    const { port } = await host.open({
      names: ["REE_Facts"],
      tables: [{ name: "ree_facts_2", address: "E10:F11" }],
    });
    await insertFacts(port, facts(2), { live: false, placement: "new-sheet" });
    // E10:F11 is a header and one row; two facts; both facts cite one source, the REPM scheme.
    expect((await port.snapshot()).tables).toEqual([
      { name: "ree_facts_2", sheet: "Sheet1", dataRows: 1 },
      { name: "REE_Facts_3", sheet: "REE facts", dataRows: 2 },
      { name: "REE_Sources", sheet: "Sources", dataRows: 1 },
    ]);
  });

  describe("a non-empty target is reported and nothing is written", () => {
    test.each([
      // 3 facts: a header and 3 rows (4..7) of the 13 fact columns (B..N).
      ["facts", "B4:N7"],
      // 11 named inputs: a header and 11 rows (4..15) of 5 columns (B..F).
      ["named inputs", "B4:F15"],
      // As many rows as the timeline holds: only its corner is typed here.
      ["a reference table", expect.stringMatching(/^B4:/)],
    ])("%s", async (name, address) => {
      const { port } = await host.open({
        cells: { "Sheet1!C5": "keep me" },
        selection: "Sheet1!B4",
      });
      const before = await readBack(port);
      expect(await INSERTS[name](port)).toEqual({
        status: "target-not-empty",
        target: { sheet: "Sheet1", address },
      });
      expect(await readBack(port)).toEqual(before);
    });

    test("a filled cell just outside the block does not count", async () => {
      // 10 facts at B2 take B2:N12: O2 is right of it, B13 below.
      const cells = { "Sheet1!O2": "right", "Sheet1!B13": "below" };
      const { port } = await host.open({ cells });
      const outcome = await insertFacts(port, facts(10), { live: false, placement: "selection" });
      expect(outcome).toMatchObject({
        status: "inserted",
        target: { sheet: "Sheet1", address: "B2:N12" },
      });
      const blocks = await port.readCells({ sheets: ["Sheet1"] });
      expect(contentOf(blocks, { sheet: "Sheet1", address: "O2" })).toEqual([
        [{ formula: null, value: "right" }],
      ]);
      expect(contentOf(blocks, { sheet: "Sheet1", address: "B13" })).toEqual([
        [{ formula: null, value: "below" }],
      ]);
      // The insert selects what it wrote (the port reads the selection's top-left cell).
      expect((await port.snapshot()).selection).toEqual({ sheet: "Sheet1", address: "B2" });
    });
  });

  describe("text that looks like a formula is written as text", () => {
    test("in a fact's citation columns", async () => {
      const { port } = await host.open();
      await insertFacts(port, [TRICKY_FACT], { live: false, placement: "selection" });
      // At B2 the fact's row is 3: label in C, basis I, period J, locator L, evidence M.
      const [row] = contentOf(await port.readCells({ sheets: ["Sheet1"] }), {
        sheet: "Sheet1",
        address: "C3:M3",
      })!;
      const at = (column: string) => row[column.charCodeAt(0) - "C".charCodeAt(0)];
      expect(["C", "I", "J", "L", "M"].map(at)).toEqual(
        ['=HYPERLINK("http://evil")', "+1", "-2", "@SUM(A1)", "\t=1+1"].map((text) => ({
          formula: null,
          value: text,
        })),
      );
    });

    test("in the function reference's examples", async () => {
      const { port } = await host.open();
      await insertFunctionReference(port);
      // The first function's example, in column G under the header.
      const [[example]] = contentOf(await port.readCells({ sheets: ["REE functions"] }), {
        sheet: "REE functions",
        address: "G2",
      })!;
      expect(example).toEqual({ formula: null, value: expect.stringMatching(/^=REE\./) });
    });
  });

  describe("a failure midway leaves nothing behind", () => {
    test.each(Object.keys(INSERTS))("%s", async (name) => {
      const { port, failNextWrite } = await host.open();
      const before = await readBack(port);
      failNextWrite();
      await expect(INSERTS[name](port)).rejects.toBeInstanceOf(WorkbookError);
      expect(await readBack(port)).toEqual(before);
    });

    // An earlier insert listed the USGS summaries on Sources and wrote no figures; inserting the
    // REPM target as a value appends its source (the REPM scheme) to that table, replaces the
    // Sources record and adds the data vintage's settings, the hidden name's record last.
    test.each([
      [
        "at the row it appends to an earlier insert's Sources table",
        (o: Opened) => o.failNextWrite(),
      ],
      [
        "at its last setting, after that row and its other settings",
        (o: Opened) => o.failSetting(PINNED_BLOCKS_KEY),
      ],
    ])("%s", async (_, fail) => {
      const opened = await host.open();
      const { port } = opened;
      await insertReferenceTable(port, "world_production", { placement: "new-sheet" });
      const before = await readBack(port);
      expect(before.metadata).toEqual({ [SOURCES_KEY]: expect.any(String) });
      fail(opened);
      await expect(
        insertFacts(port, [factById("india.repm.target_t.repm_scheme")!], {
          live: false,
          placement: "new-sheet",
        }),
      ).rejects.toBeInstanceOf(WorkbookError);
      expectLeftAsBefore(await readBack(port), before);
    });
  });
});
