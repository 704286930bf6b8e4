/**
 * Make portable never changes a number: every reference form Excel writes keeps the data-set
 * default for an empty (or blank) cell, REE.HHI's native form rejects text as the function does,
 * and derived defaults are written so the converted formula gives the add-in's value to the last
 * digit. Expected values are worked out by hand from the articles' figures: REPM target 6,000 t,
 * IREL NdPr oxide 400 t, 400 t oxide per 1,200 t magnet = 1/3 t/t.
 */
import fc from "fast-check";
import { createPreviewWorkbook, type PreviewSheet } from "../../src/preview/workbook";
import { parseCell } from "../../src/workbook/address";
import { PlanBuilder } from "../../src/workbook/plan";
import { makePortable } from "../../src/workbook/portable/actions";
import { convertCell } from "../../src/workbook/portable/convert";
import { classify, isReference, parseFormula } from "../../src/workbook/portable/formula";

type Book = ReturnType<typeof createPreviewWorkbook>;

async function bookWithSheets(...names: string[]): Promise<Book> {
  const book = createPreviewWorkbook();
  const builder = new PlanBuilder(await book.port.snapshot());
  for (const name of names) builder.newSheet(name);
  await book.port.apply(builder.build());
  return book;
}

const valueAt = (book: Book, sheet: string, address: string) => {
  const { row, column } = parseCell(address);
  const found = book.sheets().find((s) => s.name === sheet) as PreviewSheet;
  return found.cells[row]?.[column]?.value ?? null;
};

/** Sheet1!A1 live, then converted with the REE functions unregistered, and the formula written. */
async function liveAndConverted(book: Book, formula: string) {
  book.setCell("Sheet1", "A1", formula);
  const live = valueAt(book, "Sheet1", "A1");
  const outcome = await makePortable(book.port, "workbook");
  expect(outcome.status).toBe("converted");
  book.setReeFunctionsEnabled(false);
  const written = book.sheets()[0].cells[0][0].formula;
  return { live, converted: valueAt(book, "Sheet1", "A1"), written };
}

describe("a reference on a sheet whose name Excel writes unquoted keeps the empty-cell default", () => {
  test("=REE.NDPR_GAP(Données!A1) with Données!A1 empty: 6,000 x 400/1,200 - 400 = 1,600", async () => {
    const book = await bookWithSheets("Données");
    const { live, converted } = await liveAndConverted(book, "=REE.NDPR_GAP(Données!A1)");
    expect(converted).toBe(1600);
    expect(converted).toBe(live);
  });

  test("=REE.MAGNET_CAPACITY(100,Données!B1) with B1 empty: 100 / (400/1,200) = 300", async () => {
    const book = await bookWithSheets("Données");
    const { live, converted } = await liveAndConverted(
      book,
      "=REE.MAGNET_CAPACITY(100,Données!B1)",
    );
    expect(converted).toBe(300);
    expect(converted).toBe(live);
  });

  test("a parameter cell holding only spaces takes the default too: 1,600", async () => {
    const book = await bookWithSheets();
    book.setCell("Sheet1", "B1", "   ");
    const { live, converted } = await liveAndConverted(book, "=REE.NDPR_GAP(B1)");
    expect(converted).toBe(1600);
    expect(converted).toBe(live);
  });

  test.each([
    "आंकड़े!A1",
    "数据!A1",
    "[@Target]",
    "Table1[Target]",
    "Table1[[#This Row],[Target]]",
    "@A1",
    "Sheet1!A1:Sheet1!A1",
    "[Book.xlsx]Sheet1!A1",
    "'[Book.xlsx]My sheet'!A1",
    "Jan:Mar!A1",
    "Target",
    "INDEX(B1:B3,2)",
  ])("%s is guarded with the default", (reference) => {
    const conversion = convertCell({
      sheet: "Sheet1",
      address: "C1",
      formula: `=REE.NDPR_GAP(${reference})`,
      value: 1600,
    });
    expect(conversion?.how).toBe("native");
    expect(conversion?.converted).toBe(
      `=IF(TRIM(CLEAN(${reference}))="",6000,${reference})*(1/3)-400`,
    );
  });
});

/** The characters Excel forbids in a sheet name. */
const FORBIDDEN = /[:\\/?*[\]]/;

test("any sheet name Excel allows, written as Excel writes it, is a reference guarded with the default", () => {
  const sheetName = fc
    .string({ unit: "grapheme", minLength: 1, maxLength: 31 })
    .filter(
      (name) =>
        [...name].length <= 31 &&
        !FORBIDDEN.test(name) &&
        !name.startsWith("'") &&
        !name.endsWith("'") &&
        name.toLowerCase() !== "history",
    );
  fc.assert(
    fc.property(sheetName, fc.boolean(), (name, quoteAlways) => {
      // Excel leaves a name of letters (any script), digits, "_" and "." unquoted.
      const bare = /^[\p{L}\p{M}\p{N}_.]+$/u.test(name) && !/^\p{N}/u.test(name);
      const written = bare && !quoteAlways ? `${name}!$B$2` : `'${name.replace(/'/g, "''")}'!$B$2`;
      expect(isReference(written)).toBe(true);
      const argument = classify(parseFormula(`=${written}`));
      expect(argument).toEqual({ kind: "reference", text: written });
      const conversion = convertCell({
        sheet: "Sheet1",
        address: "C1",
        formula: `=REE.NDPR_GAP(${written})`,
        value: 1600,
      });
      expect(conversion?.converted).toBe(
        `=IF(TRIM(CLEAN(${written}))="",6000,${written})*(1/3)-400`,
      );
    }),
    { numRuns: 500 },
  );
});

describe("REE.HHI over text", () => {
  test("A1:A3 = 10, '20 (text), 30: #VALUE! both live and converted", async () => {
    const book = await bookWithSheets();
    book.setCell("Sheet1", "B1", "10");
    book.setCell("Sheet1", "B2", "'20");
    book.setCell("Sheet1", "B3", "30");
    book.setCell("Sheet1", "A1", "=REE.HHI(B1:B3)");
    expect(valueAt(book, "Sheet1", "A1")).toBe("#VALUE!");
    // A cell showing an error stays live, so convert it with 20 as a number, then type '20 back.
    book.setCell("Sheet1", "B2", "20");
    const { written } = await liveAndConverted(book, "=REE.HHI(B1:B3)");
    expect(written).toMatch(/^=IF\(COUNTA\(B1:B3\)>COUNT\(B1:B3\),#VALUE!,/);
    book.setCell("Sheet1", "B2", "'20");
    expect(valueAt(book, "Sheet1", "A1")).toBe("#VALUE!");
  });

  test("10, 20, 30 with an empty cell: (100 + 400 + 900) / 60^2 x 10,000 = 3,888.9", async () => {
    const book = await bookWithSheets();
    for (const [address, input] of [
      ["B1", "10"],
      ["B2", "20"],
      ["B4", "30"],
    ]) {
      book.setCell("Sheet1", address, input);
    }
    const { live, converted } = await liveAndConverted(book, "=REE.HHI(B1:B4)");
    expect(converted).toBeCloseTo(14_000_000 / 3600, 9);
    // The model sums shares, the native form squares sums: equal to rounding.
    expect(converted).toBeCloseTo(live as number, 9);
  });
});

describe("derived defaults keep every digit", () => {
  test("=REE.NDPR_GAP(): 6,000 x (400/1,200) - 400, identical to the add-in's value", async () => {
    const book = await bookWithSheets();
    const { live, converted, written } = await liveAndConverted(book, "=REE.NDPR_GAP()");
    expect(written).toBe("=6000*(1/3)-400");
    expect(converted).toBe(live);
    expect(converted).toBeCloseTo(1600, 9);
  });

  test("=REE.OXIDE_REQUIRED(B1)*2 with B1 = 7,500: 7,500 x 1/3 x 2 = 5,000, to the last digit", async () => {
    const book = await bookWithSheets();
    book.setCell("Sheet1", "B1", "7500");
    const { live, converted } = await liveAndConverted(book, "=REE.OXIDE_REQUIRED(B1)*2");
    expect(converted).toBe(live);
    expect(converted).toBeCloseTo(5000, 9);
  });
});

describe("NdPr oxide with an Nd2O3 share from the sheet", () => {
  // Nd in Nd2O3: 2 x 144.242 / (2 x 144.242 + 3 x 15.999) = 288.484 / 336.481 = 0.857356;
  // Pr in Pr6O11: 6 x 140.90766 / (6 x 140.90766 + 11 x 15.999) = 845.44596 / 1,021.43496 = 0.827705.
  test('=REE.OXIDE_TO_METAL(400,"NdPr",B1), B1 = 0.6: 400 x (0.6 x 0.857356 + 0.4 x 0.827705) = 338.20', async () => {
    const book = await bookWithSheets();
    book.setCell("Sheet1", "B1", "0.6");
    const { live, converted } = await liveAndConverted(book, '=REE.OXIDE_TO_METAL(400,"NdPr",B1)');
    expect(converted).toBeCloseTo(338.2, 1);
    expect(converted).toBe(live);
  });

  test("B1 empty: the assumed 75:25, 400 x (0.75 x 0.857356 + 0.25 x 0.827705) = 339.98", async () => {
    const book = await bookWithSheets();
    const { live, converted } = await liveAndConverted(book, '=REE.OXIDE_TO_METAL(400,"NdPr",B1)');
    expect(converted).toBeCloseTo(339.98, 1);
    expect(converted).toBe(live);
  });
});
