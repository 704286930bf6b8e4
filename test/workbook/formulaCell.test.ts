/**
 * The Cell view's builder: what typed arguments become in the formula, and the insert into the
 * selected cell that never writes over what the user has there.
 */
import { functionSpec, type FunctionSpec } from "../../src/model/functionCatalog";
import { createPreviewWorkbook } from "../../src/preview/workbook";
import { parseCell } from "../../src/workbook/address";
import { insertFormulaCell } from "../../src/workbook/actions";
import { argumentText, composeFormula, factArgument } from "../../src/workbook/formulaCell";

const spec = (name: string) => functionSpec(name) as FunctionSpec;

describe("arguments as the formula writes them", () => {
  it.each([
    ["", "t/yr", ""],
    ["6,000", "t/yr", "6000"],
    ["1,00,000", "t/yr", "100000"],
    ["25%", "0-1", "25%"],
    ["-1.5e3", "t", "-1.5e3"],
    ["B5", "t/yr", "B5"],
    ["'Supply gap model'!$B$5", "t/yr", "'Supply gap model'!$B$5"],
    ["H5:H14", "t", "H5:H14"],
    ["REPM_Target_t", "t/yr", "REPM_Target_t"],
    ["China", "text", '"China"'],
    ['"magnet"', "text", '"magnet"'],
    ['say "hi"', "text", '"say ""hi"""'],
    ["=B5*2", "t/yr", "B5*2"],
    ["true", "text", "TRUE"],
  ])("%j for a parameter in %s gives %j", (typed, unit, written) => {
    expect(argumentText(typed, unit)).toBe(written);
  });

  it("leaves trailing omitted arguments off and keeps inner ones empty", () => {
    expect(composeFormula(spec("NDPR_GAP"), ["", "", "", ""])).toBe("=REE.NDPR_GAP()");
    expect(composeFormula(spec("NDPR_GAP"), ["B5", "", "0.5"])).toBe("=REE.NDPR_GAP(B5,,0.5)");
    expect(composeFormula(spec("IMPORT_VOLUME"), ["China", "", "", "53000"])).toBe(
      '=REE.IMPORT_VOLUME("China",,,53000)',
    );
    expect(
      composeFormula(spec("SELF_SUFFICIENCY"), ["400", factArgument("india.repm.target_t")]),
    ).toBe('=REE.SELF_SUFFICIENCY(400,REE.FACT("india.repm.target_t"))');
  });
});

describe("inserting a built formula", () => {
  it("writes into an empty selected cell and asks before writing over one that holds something", async () => {
    const book = createPreviewWorkbook();
    await book.port.select({ sheet: "Sheet1", address: "C3" });
    const formula = composeFormula(spec("SELF_SUFFICIENCY"), ["400", "2,000"]);
    const outcome = await insertFormulaCell(book.port, formula, { placement: "selection" });
    expect(outcome).toMatchObject({ status: "inserted", target: { address: "C3" } });
    const { row, column } = parseCell("C3");
    const cell = book.sheets()[0].cells[row][column];
    // 400 / 2,000 = 0.2
    expect(cell).toMatchObject({ formula: "=REE.SELF_SUFFICIENCY(400,2000)", value: 0.2 });
    const again = await insertFormulaCell(book.port, "=REE.NDPR_GAP()", {
      placement: "selection",
    });
    expect(again).toEqual({
      status: "target-not-empty",
      target: { sheet: "Sheet1", address: "C3" },
    });
    expect(book.sheets()[0].cells[row][column].formula).toBe("=REE.SELF_SUFFICIENCY(400,2000)");
  });

  it("refuses a formula it cannot read, writing nothing", async () => {
    const book = createPreviewWorkbook();
    await expect(
      insertFormulaCell(book.port, '=REE.FACT("x', { placement: "selection" }),
    ).rejects.toMatchObject({ name: "WorkbookError" });
    expect(book.sheets()[0].cells).toEqual([]);
  });
});
