/** Sheet, table and defined names: valid for Excel and unique, whatever the workbook already holds. */
import fc from "fast-check";
import {
  SHEET_NAME_MAX,
  cleanName,
  isValidName,
  isValidSheetName,
  looksLikeCellReference,
  uniqueName,
  uniqueSheetName,
} from "../../src/workbook/naming";

/**
 * Property: for any base name and any names already taken, `unique` gives a name that `expectValid`
 * accepts and that is none of the taken ones, compared without case.
 */
function expectValidUnusedNames(
  unique: (base: string, taken: string[]) => string,
  baseMaxLength: number,
  takenMaxLength: number,
  expectValid: (name: string) => void,
): void {
  fc.assert(
    fc.property(
      fc.string({ maxLength: baseMaxLength }),
      fc.array(fc.string({ maxLength: takenMaxLength })),
      (base, taken) => {
        const name = unique(base, taken);
        expectValid(name);
        expect(taken.map((t) => t.toLowerCase())).not.toContain(name.toLowerCase());
      },
    ),
  );
}

describe("sheet names", () => {
  test("a taken name gets the next free (n), compared without case", () => {
    expect(uniqueSheetName("Sources", ["Sheet1"])).toBe("Sources");
    expect(uniqueSheetName("Sources", ["sources"])).toBe("Sources (2)");
    expect(uniqueSheetName("Sources", ["SOURCES", "Sources (2)"])).toBe("Sources (3)");
  });

  test("forbidden characters, edge apostrophes and over-long names are cleaned", () => {
    expect(uniqueSheetName("a[b]c:d*e?f/g\\h", [])).toBe("a b c d e f g h");
    expect(uniqueSheetName("'quoted'", [])).toBe("quoted");
    expect(uniqueSheetName("x".repeat(40), [])).toBe("x".repeat(31));
    expect(uniqueSheetName("", [])).toBe("Sheet");
    expect(uniqueSheetName("History", [])).toBe("Sheet");
  });

  test("the (n) suffix still fits in 31 characters", () => {
    const base = "Supply gap model for the 2030 target";
    const first = uniqueSheetName(base, []);
    const second = uniqueSheetName(base, [first]);
    expect(first).toHaveLength(31);
    expect(second).toHaveLength(31);
    expect(second.endsWith(" (2)")).toBe(true);
  });

  test("property: any base and any taken names give a valid, unused name", () => {
    expectValidUnusedNames(uniqueSheetName, 50, 35, (name) => {
      expect(name.length).toBeGreaterThan(0);
      expect(name.length).toBeLessThanOrEqual(SHEET_NAME_MAX);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
      expect(name).not.toMatch(/^'|'$/);
      expect(isValidSheetName(name)).toBe(true);
    });
  });

  test("property: repeated inserts never reuse a name", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.integer({ min: 1, max: 30 }), (base, times) => {
        const taken: string[] = [];
        for (let i = 0; i < times; i++) taken.push(uniqueSheetName(base, taken));
        expect(new Set(taken.map((t) => t.toLowerCase())).size).toBe(times);
      }),
    );
  });
});

describe("table and defined names", () => {
  test.each(["A1", "xfd1048576", "R1C1", "r", "C", "RC", "R2", "C3", "rc12"])(
    "%s reads as a cell reference",
    (name) => {
      expect(looksLikeCellReference(name)).toBe(true);
      expect(isValidName(name)).toBe(false);
    },
  );

  test.each(["XFE1", "A0", "ABCD1", "REPM_Target_t", "FY25_t", "Rate", "RC_1"])(
    "%s does not read as a cell reference",
    (name) => expect(looksLikeCellReference(name)).toBe(false),
  );

  test("invalid characters, leading digits, cell lookalikes and TRUE are repaired", () => {
    expect(cleanName("REE facts-2025")).toBe("REE_facts_2025");
    expect(cleanName("2025 target")).toBe("_2025_target");
    expect(cleanName("FY25")).toBe("FY25_");
    expect(cleanName("R1C1")).toBe("R1C1_");
    expect(cleanName("TRUE")).toBe("TRUE_");
  });

  test("one namespace for tables and defined names, without case", () => {
    expect(uniqueName("REE_Facts", ["ree_facts", "REE_FACTS_2"])).toBe("REE_Facts_3");
  });

  test("property: the result is a valid name not already taken", () => {
    expectValidUnusedNames(uniqueName, 30, 30, (name) => expect(isValidName(name)).toBe(true));
  });
});
