import { closestName, findByName, normalizeName, sameName } from "../../src/model/names";
import { expectKind } from "./helpers";

describe("name matching", () => {
  it("ignores case, surrounding spaces, dots, dashes and '&' vs 'and'", () => {
    expect(normalizeName("  Rare-Earth  Magnets ")).toBe("rare earth magnets");
    expect(normalizeName("U.S.")).toBe("us");
    expect(normalizeName("Trade & Imports")).toBe("trade and imports");
  });
  it.each([
    ["US", "United States"],
    ["U.S.A.", "United States"],
    ["Myanmar", "Burma (Myanmar)"],
    ["burma", "Burma (Myanmar)"],
    ["UK", "United Kingdom"],
    ["PRC", "China"],
    ["Viet Nam", "Vietnam"],
  ])("%s names %s", (typed, stored) => expect(sameName(typed, stored)).toBe(true));
  it("does not confuse different countries", () => {
    expect(sameName("India", "Indonesia")).toBe(false);
    expect(sameName("US", "Russia")).toBe(false);
  });
  it("suggests close names (typos, swapped letters, partial names) and nothing for far ones", () => {
    expect(closestName("Chnia", ["China", "Chile"])).toBe("China");
    expect(closestName("austral", ["Australia", "Austria"])).toBe("Australia");
    expect(closestName("Germany", ["China", "India"])).toBeUndefined();
  });
  it("lists what exists when nothing is close", () => {
    expectKind(() => findByName("Zed", ["a", "b"], (x) => x, "letter"), "na", /Known: a, b\./);
  });
});

describe("a very long name typed or pasted into a cell", () => {
  const pasted = "China ".repeat(4_000);

  it("still gets a suggestion when it contains a known name", () => {
    expect(closestName(pasted, ["China", "India", "Burma (Myanmar)", "United States"])).toBe(
      "China",
    );
    expect(closestName("x".repeat(20_000), ["China", "India"])).toBe(undefined);
  });

  it("is quoted back shortened, not in full", () => {
    let message = "";
    try {
      findByName(pasted, [{ name: "China" }], (item) => item.name, "country");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Unknown country "China China/);
    expect(message).toContain("(24000 characters)");
    expect(message.length).toBeLessThan(200);
  });
});
