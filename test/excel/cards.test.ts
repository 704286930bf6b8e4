/**
 * Citation cards through the Office.js port against the mock Excel, which checks every entity
 * written through Range.valuesAsJson against the documented shape (entities.ts): an insert writes
 * one card per figure in the same write as the table; a host without ExcelApi 1.16 is refused, not
 * downgraded; "Update to current" rewrites exactly the cards that are out of date; make portable
 * leaves cards as they are.
 */
import { DATA_VERSION, factById, type Fact } from "../../src/data";
import { createExcelPort } from "../../src/excel";
import { insertFacts, insertNamedInputs } from "../../src/workbook/actions";
import { factCard } from "../../src/model/card";
import { FACT_COLUMNS } from "../../src/workbook/facts";
import { makePortable } from "../../src/workbook/portable/actions";
import { checkUpdate, updateToCurrent, type DataVintage } from "../../src/workbook/vintage";
import { installCellMock } from "./mockCells";
import type { Write } from "./mockExcel";

const ops = (writes: Write[], op: string) => writes.filter((write) => write.op === op);
const fact = (id: string) => factById(id) as Fact;
const THREE = [
  "india.ndpr_oxide.production_t",
  "china.processing_share.niice",
  "india.repm.supported_by_domestic_oxide_t",
];
/** Every requirement set the port asks about, without ExcelApi 1.16 (Excel 2021, 2019). */
const WITHOUT_CARDS = [
  "ExcelApi 1.4",
  "ExcelApi 1.7",
  "ExcelApi 1.9",
  "ExcelApi 1.10",
  "ExcelApi 1.12",
  "ExcelApi 1.13",
];

const sheet1 = () => installCellMock({ sheets: ["Sheet1"], selection: "Sheet1!A1" }, {});

test("three facts as cards: the table and its three cards in one write, each card on its Value cell", async () => {
  const excel = sheet1();
  const outcome = await insertFacts(createExcelPort(), THREE.map(fact), {
    live: false,
    placement: "selection",
    dress: "cards",
  });
  // Snapshot, then one write request.
  expect(excel.syncs()).toBe(2);
  expect(outcome).toMatchObject({
    status: "inserted",
    summary: expect.stringMatching(/citation cards/),
  });
  const value = String.fromCharCode(65 + FACT_COLUMNS.indexOf("Value")); // "C"
  const cards = ops(excel.writes, "valuesAsJson");
  expect(cards.map((write) => write.address)).toEqual([`${value}2`, `${value}3`, `${value}4`]);
  expect(cards.map((write) => (write.value as { text: string }[][])[0][0].text)).toEqual([
    "400 t/yr",
    "over 90%",
    "1,200 t/yr",
  ]);
  // The card carries the citation: no note repeats it.
  expect(ops(excel.writes, "note")).toEqual([]);
  // Excel reads a card cell as "#VALUE!" (an entity's plain value); the card is its JSON.
  expect(excel.content("Sheet1", `${value}2`)).toMatchObject({ value: "#VALUE!" });
});

test("the mock refuses a card Excel would show as #VALUE!", async () => {
  sheet1();
  const broken = { ...factCard(fact("india.ndpr_oxide.production_t")), text: "" };
  await expect(
    Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").valuesAsJson = [
        [broken as unknown as Excel.EntityCellValue],
      ];
      await context.sync();
    }),
  ).rejects.toThrow(/#VALUE!.*\n.*text must be/s);
});

describe("a host without ExcelApi 1.16", () => {
  test("cards are refused with the reason, and nothing is written", async () => {
    const excel = installCellMock({ sheets: ["Sheet1"], supported: WITHOUT_CARDS }, {});
    const port = createExcelPort();
    expect(port.cardSupport()).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/ExcelApi 1.16/),
    });
    await expect(
      insertFacts(port, THREE.map(fact), { live: false, placement: "selection", dress: "cards" }),
    ).rejects.toMatchObject({ name: "WorkbookError", action: expect.stringMatching(/cell note/) });
    expect(excel.syncs()).toBe(0);
    expect(excel.writes).toEqual([]);
  });

  test("values with a cell note: each named input's value cell cites its source", async () => {
    const excel = installCellMock({ sheets: ["Sheet1"], supported: WITHOUT_CARDS }, {});
    await insertNamedInputs(createExcelPort(), { placement: "selection", dress: "noted" });
    // No notes API before ExcelApi 1.18: a comment on each of the 11 value cells (C2:C12).
    const comments = ops(excel.writes, "comment");
    expect(ops(excel.writes, "valuesAsJson")).toEqual([]);
    expect(comments.map((write) => write.address)).toEqual(
      Array.from({ length: 11 }, (_, i) => `C${i + 2}`),
    );
    expect(comments[0].value).toMatch(
      /^REPM production target \(t\/yr, magnets\)\. Stated as: exact\. Source: /,
    );
  });
});

describe("Update to current", () => {
  /** A newer data set: the figures given here, every other fact as it is. */
  const newer = (figures: Record<string, number>): DataVintage => ({
    version: "9.0.0",
    fact: (id) => {
      const found = factById(id);
      return found && id in figures ? { ...found, value: figures[id] } : found;
    },
  });

  test("rewrites exactly the out-of-date card, and keeps a card the user replaced", async () => {
    const excel = sheet1();
    const port = createExcelPort();
    await insertFacts(port, THREE.map(fact), {
      live: false,
      placement: "selection",
      dress: "cards",
    });
    // The user types over the third card (C4) with their own figure.
    excel.writes.length = 0;
    const data = newer({
      "india.ndpr_oxide.production_t": 450,
      "india.repm.supported_by_domestic_oxide_t": 1500,
    });
    const before = excel.syncs();

    const plan = await checkUpdate(port, data);
    expect(plan.values).toEqual([
      {
        sheet: "Sheet1",
        address: "C2",
        fact: "india.ndpr_oxide.production_t",
        label: "Domestic NdPr oxide production (IREL)",
        old: 400,
        new: 450,
        proof: "card",
      },
      expect.objectContaining({
        address: "C4",
        fact: "india.repm.supported_by_domestic_oxide_t",
        new: 1500,
        proof: "card",
      }),
    ]);
    // Snapshot, where the cells are, the cells, the three cards' JSON.
    expect(excel.syncs() - before).toBe(4);
    // China's share is unchanged in the newer data: its card (C3) is not out of date.
    expect(plan.values.some((update) => update.address === "C3")).toBe(false);

    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C4").formulas = [[1250]];
      await context.sync();
    });
    const outcome = await updateToCurrent(port, data, plan.values);
    const rewritten = ops(excel.writes, "valuesAsJson");
    expect(rewritten.map((write) => write.address)).toEqual(["C2"]);
    const card = (rewritten[0].value as ReturnType<typeof factCard>[][])[0][0];
    expect(card.text).toBe("450 t/yr");
    expect(card.properties["Data version"].basicValue).toBe("9.0.0");
    expect(excel.content("Sheet1", "C4")).toMatchObject({ value: 1250 });
    expect(outcome.summary).toMatch(/1 card/);
    // Nothing else was written over cells: no value or formula writes on the sheet's cells.
    expect(ops(excel.writes, "formulas")).toEqual([expect.objectContaining({ address: "C4" })]);
  });

  test("a card from the current data version is never out of date", async () => {
    const excel = sheet1();
    const port = createExcelPort();
    await insertFacts(port, [fact("india.ndpr_oxide.production_t")], {
      live: false,
      placement: "selection",
      dress: "cards",
    });
    const same: DataVintage = { version: DATA_VERSION.version, fact: factById };
    expect((await checkUpdate(port, same)).values).toEqual([]);
    excel.writes.length = 0;
    await updateToCurrent(port, same);
    expect(ops(excel.writes, "valuesAsJson")).toEqual([]);
  });
});

test("make portable leaves cards as they are and says so", async () => {
  const excel = sheet1();
  const port = createExcelPort();
  await insertFacts(port, THREE.map(fact), { live: false, placement: "selection", dress: "cards" });
  excel.writes.length = 0;
  const outcome = await makePortable(port, "workbook");
  expect(outcome).toMatchObject({
    status: "nothing",
    summary: expect.stringMatching(/3 citation cards left as they are: a card is a value/),
  });
  expect(excel.writes).toEqual([]);
});
