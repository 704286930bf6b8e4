import { HyperFormula } from "hyperformula";
import { CATALOG } from "../../src/functions/catalog";
import {
  REE_FUNCTION_NAMES,
  createReeEngine,
  refreshSpills,
  registerReeFunctions,
} from "../../src/preview/ree-plugin";
import { sheet } from "./engine";

it("registers every catalog function under its REE. name, once however often it is called", () => {
  registerReeFunctions();
  registerReeFunctions();
  expect(REE_FUNCTION_NAMES).toEqual(CATALOG.map((spec) => `REE.${spec.name}`));
  const registered = HyperFormula.getRegisteredFunctionNames("enGB");
  for (const name of REE_FUNCTION_NAMES) expect(registered).toContain(name);
  expect(createReeEngine().getSheetNames()).toEqual(["Sheet1"]);
});

it("nothing is volatile: an unrelated edit does not recompute REE formulas", () => {
  const s = sheet([["=REE.NDPR_GAP()", null]]);
  const changes = s.hf.setCellContents({ sheet: 0, row: 0, col: 1 }, [[1]]);
  expect(changes.map((change) => ("address" in change ? change.address : undefined))).toEqual([
    { sheet: 0, row: 0, col: 1 },
  ]);
});

it("a spill whose inputs are formulas is sized once the sheet is built", () => {
  const s = sheet([["=REE.PROJECT(100, 0.5, D1)", null, null, "=1+1"]]);
  expect(s.range("A1:A4").map((row) => row[0])).toEqual(["Year", 0, 1, 2]);
});

it("a spill that outgrows its size says so, and refreshSpills re-sizes it", () => {
  const s = sheet([[2, "=REE.PROJECT(100, 0.5, A1)"]]);
  expect(s.range("B1:B4").map((row) => row[0])).toEqual(["Year", 0, 1, 2]);
  s.set("A1", 4);
  const [code, message] = s.error("B1");
  expect(code).toBe("#SPILL!");
  expect(message).toMatch(/re-enter the formula/);
  expect(refreshSpills(s.hf)).toEqual([{ sheet: 0, row: 0, col: 1 }]);
  expect(s.range("B1:C6").map((row) => row[0])).toEqual(["Year", 0, 1, 2, 3, 4]);
  expect(s.value("C6")).toBeCloseTo(506.25, 9); // 100 x 1.5^4
});

it("refreshSpills re-enters only formulas that call a spill function, not text that names one", () => {
  const s = sheet([[2, '="REE.PROJECT(" & A1', "=REE.PROJECT(100, 0.5, A1)"]]);
  expect(refreshSpills(s.hf)).toEqual([{ sheet: 0, row: 0, col: 2 }]);
});

it("answers a call with too many or too few arguments as HyperFormula's own functions do", () => {
  const s = sheet([["=REE.MAGNET_CAPACITY(400, 0.5, 1)", "=REE.MAGNET_CAPACITY()"]]);
  for (const a1 of ["A1", "B1"]) {
    expect(s.error(a1)).toEqual(["#N/A", "Wrong number of arguments."]);
  }
});

it("passes numbers typed as percentages as plain numbers, alone and inside ranges", () => {
  const s = sheet([["50%", "25%", "25%", "=REE.HHI(A1:C1)", "=REE.MAGNET_CAPACITY(A1, A1)"]]);
  expect(s.value("D1")).toBeCloseTo(3_750, 9); // 10,000 x (0.5² + 0.25² + 0.25²)
  expect(s.value("E1")).toBeCloseTo(1, 9); // 0.5 t oxide at 0.5 t oxide per t of magnet
});

it("returns the first error among the arguments, as Excel does, before calling the function", () => {
  const s = sheet([["=1/0", "=REE.MAGNET_CAPACITY(A1, B2)", "=REE.HHI(A1:A2)"]]);
  expect(s.error("B1")[0]).toBe("#DIV/0!");
  expect(s.error("C1")[0]).toBe("#DIV/0!");
});
