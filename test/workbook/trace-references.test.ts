/** The references the precedent walk finds in a formula's text. */
import { formulaReferences } from "../../src/workbook/trace/references";

const found = (formula: string) =>
  formulaReferences(formula).map((reference) =>
    reference.kind === "name"
      ? `name ${reference.name}`
      : `${reference.sheet ?? "."}!${reference.box.row},${reference.box.column} ${reference.box.rows}x${reference.box.columns}${reference.spill ? "#" : ""}`,
  );

describe("references in a formula", () => {
  it("reads cells, ranges, other sheets, spills, whole columns and rows", () => {
    expect(found("=A1+$B$2*'My ''x'' sheet'!C3:D4-Inputs!E5#")).toEqual([
      ".!0,0 1x1",
      ".!1,1 1x1",
      "My 'x' sheet!2,2 2x2",
      "Inputs!4,4 1x1#",
    ]);
    expect(found("=SUM($A:$C,3:5)")).toEqual([".!0,0 1048576x3", ".!2,0 3x16384"]);
  });

  it("reads defined names, but not numbers, strings, booleans or calls", () => {
    expect(found('=REE.NDPR_GAP(REPM_Target_t,1E5,"B7",TRUE)+A1B2')).toEqual([
      "name REPM_Target_t",
      "name A1B2",
    ]);
    // A table's column is read as its table name, which is not a defined name: the walk skips it.
    expect(found("=SUM(Table1[Volume])")).toEqual(["name Table1"]);
  });

  it("gives nothing for a formula it cannot read", () => {
    expect(found('=REE.FACT("x')).toEqual([]);
  });
});
