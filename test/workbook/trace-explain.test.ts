/**
 * Why a cell shows an error, said through the same adapters Excel calls, with the argument values
 * read from the cells; and a built formula's result before it is inserted. Expected results are
 * worked out by hand: 400 / 2,000 = 0.2; 400 / 0 divides by zero; a ratio of 0 t oxide per t magnet
 * is impossible (#NUM!).
 */
import { createPreviewWorkbook } from "../../src/preview/workbook";
import { insertModelSheet } from "../../src/workbook/actions";
import type { SheetRef } from "../../src/workbook/port";
import { formulaCells } from "../../src/workbook/reads";
import { CellIndex } from "../../src/workbook/trace/cells";
import { CARD_RESULT, evaluateFormula, explainError } from "../../src/taskpane/cell/evaluate";
import { readWorkbook, traceFrom } from "../../src/workbook/trace/trace";

const SHEET = "Sheet1";

async function indexOf(book: ReturnType<typeof createPreviewWorkbook>) {
  return new CellIndex(await readWorkbook(book.port));
}

/** A1's explanation in a new book whose cells are typed in this order. */
async function explainA1(cells: Record<string, string>, reeFunctionsLoaded = true) {
  const book = createPreviewWorkbook();
  for (const [address, text] of Object.entries(cells)) book.setCell(SHEET, address, text);
  if (!reeFunctionsLoaded) book.setReeFunctionsEnabled(false);
  return explainError(await indexOf(book), { sheet: SHEET, address: "A1" });
}

describe("explaining an error from an REE call", () => {
  it("names the argument and what its cell holds (#NUM! on the model's gap)", async () => {
    const book = createPreviewWorkbook();
    await insertModelSheet(book.port);
    const read = await readWorkbook(book.port);
    const gap = formulaCells([...read.blocks]).find((cell) =>
      /^=REE\.NDPR_GAP\([^"]*\)$/i.test(cell.formula),
    ) as SheetRef;
    const ratio = traceFrom(read, gap).root.children[2].ref;
    book.setCell(gap.sheet, ratio, "0");
    const explained = explainError(await indexOf(book), gap);
    expect(explained).toEqual({
      code: "#NUM!",
      call: "REE.NDPR_GAP",
      message: "oxide_per_magnet must be more than zero t/t (got 0).",
      advice: `oxide_per_magnet: ${ratio} holds 0.`,
    });
  });

  it("says #DIV/0! comes from an empty or zero divisor", async () => {
    const explained = await explainA1({ A1: "=REE.SELF_SUFFICIENCY(400,B1)", B1: "0" });
    expect(explained).toMatchObject({
      code: "#DIV/0!",
      call: "REE.SELF_SUFFICIENCY",
      advice: "demand: B1 holds 0.",
    });
    expect(explained?.message).toMatch(/^demand is zero/);
  });

  it("points at an argument cell that shows an error itself", async () => {
    expect(await explainA1({ B1: "=1/0", A1: "=REE.STOCKPILE_DAYS(B1,2000)" })).toMatchObject({
      code: "#DIV/0!",
      advice: "Fix B1 first.",
    });
  });

  it("says the add-in is not loaded for #NAME? on an REE formula, and how to share", async () => {
    const explained = await explainA1({ A1: "=REE.NDPR_GAP()" }, false);
    expect(explained?.message).toMatch(/add-in is not loaded on this machine/);
    expect(explained?.advice).toMatch(/Make portable/);
    expect(explained?.advice).toMatch(/standalone workbook/);
  });

  it("says when an argument is a calculation it does not recompute", async () => {
    expect(await explainA1({ B1: "0", A1: "=REE.STOCKPILE_DAYS(400,B1*2)" })).toMatchObject({
      code: "#DIV/0!",
      call: "REE.STOCKPILE_DAYS",
      message:
        "The pane does not recompute REE.STOCKPILE_DAYS here: its argument B1*2 is a calculation.",
    });
  });

  it("has nothing to say about a cell without an error or without an REE call", async () => {
    const book = createPreviewWorkbook();
    book.setCell(SHEET, "A1", "=REE.NDPR_GAP()");
    book.setCell(SHEET, "A2", "=1/0");
    const index = await indexOf(book);
    expect(explainError(index, { sheet: SHEET, address: "A1" })).toBeNull();
    expect(explainError(index, { sheet: SHEET, address: "A2" })).toBeNull();
  });
});

describe("a built formula's result", () => {
  it("computes one REE call over typed values, cells and inner REE calls", async () => {
    const book = createPreviewWorkbook();
    book.setCell(SHEET, "B1", "2000");
    const index = await indexOf(book);
    // 400 / 2,000 = 0.2
    expect(evaluateFormula(index, "=REE.SELF_SUFFICIENCY(400,B1)", SHEET)).toEqual({
      ok: true,
      value: 0.2,
    });
    // 6,000 t magnets x 1/3 t oxide per t magnet = 2,000 t oxide; 400 / 2,000 = 0.2
    expect(
      evaluateFormula(
        index,
        '=REE.SELF_SUFFICIENCY(400,REE.OXIDE_REQUIRED(REE.FACT("india.repm.target_t")))',
        SHEET,
      ),
    ).toEqual({ ok: true, value: 0.2 });
    expect(evaluateFormula(index, "=REE.SELF_SUFFICIENCY(400,0)", SHEET)).toMatchObject({
      ok: false,
      code: "#DIV/0!",
    });
    // Beyond one REE call, the pane leaves the computing to the workbook.
    expect(evaluateFormula(index, "=REE.SELF_SUFFICIENCY(400,B1*2)", SHEET)).toBeNull();
    expect(evaluateFormula(index, "=B1+1", SHEET)).toBeNull();
  });

  it('says a card where Excel takes one from FACT(id, "card")', async () => {
    const index = await indexOf(createPreviewWorkbook());
    const formula = '=REE.FACT("india.ndpr_oxide.production_t","card")';
    // The preview's engine and Excel without CustomFunctionsRuntime 1.4: the figure, 400 t/yr.
    expect(evaluateFormula(index, formula, SHEET)).toEqual({ ok: true, value: 400 });
    const office = { context: { requirements: { isSetSupported: () => true } } };
    Object.assign(globalThis, { Office: office });
    try {
      expect(evaluateFormula(index, formula, SHEET)).toEqual({ ok: true, value: CARD_RESULT });
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });
});
