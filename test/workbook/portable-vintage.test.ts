/**
 * The pinned data vintage: the reverse change log answers for older versions (FACT's vintage
 * parameter), every insert pins the data version and the figures it wrote, and when the add-in's
 * data is newer (an injected release 1.2.0 here) the workbook can keep its figures or
 * update to the current ones. Also: history.json itself is valid.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FACTS, factById, figuresAt, type DataHistory, type Fact } from "../../src/data";
import { DATA_FILES, HISTORY_FILE } from "../../src/data/dataset";
import { validateDataSet } from "../../src/data/validate";
import { fact as FACT } from "../../src/functions/functions";
import { factField } from "../../src/model";
import { createPreviewWorkbook, type PreviewSheet } from "../../src/preview/workbook";
import { parseCell } from "../../src/workbook/address";
import { insertFacts, insertModelSheet, insertNamedInputs } from "../../src/workbook/actions";
import {
  DATA_VERSION_KEY,
  KEPT_KEY,
  PINNED_CELLS_KEY,
  PINNED_KEY,
  checkVintage,
  compareVintage,
  keepPinned,
  pinFormula,
  unpinFormula,
  updateToCurrent,
  type DataVintage,
} from "../../src/workbook/vintage";

/** The magnet target's preferred claim (the Cabinet's 6,000 MTPA): the figure the model sheet pins. */
const TARGET = "india.repm.target_t.business_standard_cabinet";
/** The metric key functions read their default target from. */
const TARGET_METRIC = "india.repm.target_t";
const target = factById(TARGET) as Fact;

/** A data set one release ahead of the workbook: the magnet target rose from 6,000 to 7,000 t. */
const NEWER: DataVintage = {
  version: "1.2.0",
  fact: (id) => (id === TARGET ? { ...target, value: 7000 } : factById(id)),
};

describe("the reverse change log", () => {
  const history: DataHistory = {
    note: "test",
    releases: [
      { version: "1.0.0", date: "2026-11-22", changes: [] },
      {
        version: "1.1.0",
        date: "2027-01-10",
        changes: [{ id: TARGET, previous: { value: 5000, low: null, high: null } }],
      },
      {
        version: "1.2.0",
        date: "2027-03-01",
        changes: [
          { id: TARGET, previous: { value: 6500, low: 6000, high: 7000 } },
          { id: "india.mined_2024_t", previous: null },
        ],
      },
    ],
  };

  test("undoes each release back to the version asked for", () => {
    expect(figuresAt(target, "1.2.0", history)).toEqual({
      value: target.value,
      low: target.low,
      high: target.high,
    });
    expect(figuresAt(target, "1.1.0", history)).toEqual({ value: 6500, low: 6000, high: 7000 });
    expect(figuresAt(target, "1.0.0", history)).toEqual({ value: 5000, low: null, high: null });
  });

  test("a fact a release added, and an unknown version, have no figures", () => {
    expect(figuresAt(factById("india.mined_2024_t") as Fact, "1.1.0", history)).toBeUndefined();
    expect(figuresAt(target, "0.9.0", history)).toBeUndefined();
  });

  test("history.json is valid against the data set, and CHANGELOG.md says how to extend it", () => {
    const changelog = readFileSync(join(__dirname, "../../src/data/CHANGELOG.md"), "utf8");
    expect(
      validateDataSet({
        ...DATA_FILES,
        history: HISTORY_FILE,
        changelog: { path: "src/data/CHANGELOG.md", data: changelog },
      }),
    ).toEqual([]);
    expect(changelog).toMatch(/history\.json/);
  });
});

describe("REE.FACT(id, field, vintage)", () => {
  test("the current version gives the current figures", () => {
    expect(FACT(TARGET, null, "1.1.0")).toBe(target.value);
    expect(factField(TARGET, "value", " 1.1.0 ")).toBe(target.value);
    expect(FACT(TARGET, "unit", "1.1.0")).toBe(target.unit);
  });

  test("an unknown version is #N/A naming the versions there are", () => {
    expect(() => FACT(TARGET, null, "0.9.0")).toThrow(
      expect.objectContaining({ code: "#N/A", message: expect.stringMatching(/1\.0\.0/) }),
    );
    expect(() => FACT(TARGET, null, 1)).toThrow(expect.objectContaining({ code: "#VALUE!" }));
  });
});

const sheetOf = (book: ReturnType<typeof createPreviewWorkbook>, name: string): PreviewSheet =>
  book.sheets().find((s) => s.name === name) as PreviewSheet;
const at = (sheet: PreviewSheet, address: string) => {
  const { row, column } = parseCell(address);
  return sheet.cells[row]?.[column];
};

describe("every insert pins its figures", () => {
  test("model sheet, facts and named inputs record the data version, values and value cells", async () => {
    const book = createPreviewWorkbook();
    await insertModelSheet(book.port);
    await insertFacts(book.port, [factById("india.reserves_t.niice") as Fact], {
      live: true,
      placement: "new-sheet",
    });
    await insertNamedInputs(book.port, { placement: "new-sheet" });
    const { metadata } = await book.port.snapshot();
    expect(metadata[DATA_VERSION_KEY]).toBe("1.1.0");
    const pinned = JSON.parse(metadata[PINNED_KEY]) as Record<string, number>;
    expect(pinned[TARGET]).toBe(6000);
    expect(pinned["india.reserves_t.niice"]).toBe(6_900_000);
    expect(pinned["fx.inr_per_usd_implied"]).toBeCloseTo(86.774, 3);
    const cells = JSON.parse(metadata[PINNED_CELLS_KEY]) as Record<string, string[]>;
    // The model's input cell and the named input's cell; the live formula has no value cell.
    expect(cells["india.repm_scheme.gestation_years"]).toEqual([
      expect.stringMatching(/^'Supply gap model'!\$B\$\d+$/),
    ]);
    expect(cells[TARGET]).toEqual([expect.stringMatching(/^'REE inputs'!\$C\$2$/)]);
    expect(cells["india.reserves_t.niice"]).toBeUndefined();
    // With the add-in's own data nothing has changed.
    expect(await checkVintage(book.port)).toMatchObject({
      workbookVersion: "1.1.0",
      addinVersion: "1.1.0",
      changes: [],
    });
  });

  test("facts the data set does not know are not pinned", async () => {
    const book = createPreviewWorkbook();
    await insertFacts(book.port, [{ ...FACTS[0], id: "made.up_fact" }], {
      live: false,
      placement: "selection",
    });
    expect((await book.port.snapshot()).metadata[PINNED_KEY]).toBeUndefined();
  });
});

test("compareVintage lists changed and removed figures with their source", () => {
  const metadata = {
    [PINNED_KEY]: JSON.stringify({ [TARGET]: 6000, "india.mined_2024_t": 2900, "gone.fact": 1 }),
  };
  expect(compareVintage(metadata, NEWER.fact)).toEqual([
    {
      id: TARGET,
      label: target.label,
      unit: target.unit,
      pinned: 6000,
      current: 7000,
      source: expect.stringMatching(/^Business Standard, 'Cabinet approves/),
    },
    { id: "gone.fact", label: "gone.fact", unit: "", pinned: 1, current: null, source: "" },
  ]);
});

describe("pinning formulas", () => {
  const changed = new Set([TARGET]);
  test.each([
    [`=REE.FACT("${TARGET}")`, `=REE.FACT("${TARGET}",,"1.0.0")`],
    [`=REE.FACT("${TARGET}","low")*2`, `=REE.FACT("${TARGET}","low","1.0.0")*2`],
    ["=REE.NDPR_GAP(,B6)", `=REE.NDPR_GAP(REE.FACT("${TARGET_METRIC}",,"1.0.0"),B6)`],
    ["=REE.NDPR_GAP(B5,B6,B7)", null],
    [`=REE.FACT("india.mined_2024_t")`, null],
    [`=REE.FACT("${TARGET}",,"1.0.0")`, null],
  ])("%s -> %s", (formula, pinned) => {
    expect(pinFormula(formula, changed, "1.0.0")).toBe(pinned);
  });

  test.each([
    [`=REE.FACT("${TARGET}",,"1.0.0")`, `=REE.FACT("${TARGET}")`],
    [`=REE.FACT("${TARGET}","high","1.0.0")`, `=REE.FACT("${TARGET}","high")`],
    [`=REE.FACT("india.mined_2024_t",,"1.0.0")`, null],
  ])("unpinned, %s -> %s", (formula, live) => {
    expect(unpinFormula(formula, changed)).toBe(live);
  });
});

describe("a workbook built on 1.1.0, opened with data 1.2.0", () => {
  async function built() {
    const book = createPreviewWorkbook();
    await insertNamedInputs(book.port, { placement: "new-sheet" });
    await insertFacts(book.port, [target], { live: true, placement: "new-sheet" });
    book.setCell("Sheet1", "A1", "=REE.NDPR_GAP()");
    return book;
  }

  test("the check lists the changed figure", async () => {
    const book = await built();
    const state = await checkVintage(book.port, NEWER);
    expect(state).toMatchObject({ workbookVersion: "1.1.0", addinVersion: "1.2.0", kept: false });
    expect(state.changes.map((c) => [c.id, c.pinned, c.current])).toEqual([[TARGET, 6000, 7000]]);
  });

  test("keep pinned: every read of the changed fact asks for 1.1.0", async () => {
    const book = await built();
    const outcome = await keepPinned(book.port, NEWER);
    expect(outcome.summary).toMatch(/2 formulas now ask for that version/);
    expect(at(sheetOf(book, "REE facts"), "C2")?.formula).toBe(`=REE.FACT("${TARGET}",,"1.1.0")`);
    expect(at(sheetOf(book, "Sheet1"), "A1")).toMatchObject({
      formula: `=REE.NDPR_GAP(REE.FACT("${TARGET_METRIC}",,"1.1.0"))`,
      value: 1600,
    });
    expect((await checkVintage(book.port, NEWER)).kept).toBe(true);
    expect((await book.port.snapshot()).metadata[KEPT_KEY]).toBe("1.2.0");
  });

  test("update to current: pins dropped, untouched values updated, edited ones listed", async () => {
    const book = await built();
    await keepPinned(book.port, NEWER);
    const { metadata } = await book.port.snapshot();
    const [modelCell] = JSON.parse(metadata[PINNED_CELLS_KEY])[TARGET] as string[];
    const address = modelCell.split("!")[1].replace(/\$/g, "");
    const outcome = await updateToCurrent(book.port, NEWER);
    expect(outcome.edited).toEqual([]);
    expect(at(sheetOf(book, "REE inputs"), address)?.value).toBe(7000);
    expect(at(sheetOf(book, "REE facts"), "C2")?.formula).toBe(`=REE.FACT("${TARGET}")`);
    const after = await book.port.snapshot();
    expect(after.metadata[DATA_VERSION_KEY]).toBe("1.2.0");
    expect(JSON.parse(after.metadata[PINNED_KEY])[TARGET]).toBe(7000);
    expect(await checkVintage(book.port, NEWER)).toMatchObject({ changes: [], kept: false });
  });

  test("update to current leaves an input the user changed alone and says so", async () => {
    const book = await built();
    const { metadata } = await book.port.snapshot();
    const [modelCell] = JSON.parse(metadata[PINNED_CELLS_KEY])[TARGET] as string[];
    const address = modelCell.split("!")[1].replace(/\$/g, "");
    book.setCell("REE inputs", address, "6500");
    const outcome = await updateToCurrent(book.port, NEWER);
    expect(outcome.edited).toEqual([{ sheet: "REE inputs", address }]);
    expect(at(sheetOf(book, "REE inputs"), address)?.value).toBe(6500);
  });
});
