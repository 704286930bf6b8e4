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
