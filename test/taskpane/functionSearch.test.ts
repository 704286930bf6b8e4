/**
 * Browse finds the functions a planner names: the words a user types for a model concept, checked
 * against the function names the README lists (REE.HHI, REE.SELF_SUFFICIENCY, REE.STOCKPILE_DAYS,
 * REE.CRORE_TO_USD and REE.USD_TO_CRORE).
 */
import { searchFunctions } from "../../src/taskpane/browse/functionSearch";

const names = (query: string, otherResults = 0) =>
  searchFunctions(query, otherResults).map((match) => match.name);

describe("functions in a Browse search", () => {
  it('"HHI" finds REE.HHI with its syntax and description', () => {
    const [hhi] = searchFunctions("HHI", 0);
    expect(hhi).toMatchObject({ name: "REE.HHI", syntax: "REE.HHI(values)" });
    expect(hhi.summary).toMatch(/Herfindahl/);
  });

  it('"self sufficiency", "stockpile" and "crore" name their functions', () => {
    expect(names("self sufficiency", 1)).toEqual(["REE.SELF_SUFFICIENCY"]);
    // With nothing else found, the balance's description names its Self-sufficiency column too.
    expect(names("self sufficiency")).toEqual(["REE.SELF_SUFFICIENCY", "REE.SUPPLY_BALANCE"]);
    expect(names("stockpile")).toEqual(["REE.STOCKPILE_DAYS"]);
    expect(names("crore", 28)).toEqual(["REE.CRORE_TO_USD", "REE.USD_TO_CRORE"]);
  });

  it("a description is searched only when no fact or row matched", () => {
    expect(names("herfindahl")).toContain("REE.HHI");
    expect(names("herfindahl", 3)).toEqual([]);
  });

  it("numbers alone and empty text name no function", () => {
    expect(names("6,000")).toEqual([]);
    expect(names("  ")).toEqual([]);
  });
});
