/**
 * The NATIVE table against the functions themselves, on the preview engine: for every REE function
 * (its catalog example with constants, with every argument moved into a cell, and with defaulted
 * arguments left as empty cells) the converted cell computes, with the REE functions unregistered,
 * what the live formula computed with them. Plus the formula reader on what Excel can write.
 */
import { CATALOG } from "../../src/functions/catalog";
import * as model from "../../src/model";
import { createPreviewWorkbook, type PreviewSheet } from "../../src/preview/workbook";
import { parseRange } from "../../src/workbook/address";
import { checkPortable, makePortable } from "../../src/workbook/portable/actions";
import { convertCell } from "../../src/workbook/portable/convert";
import {
  canonical,
  classify,
  parseFormula,
  render,
  type FormulaNode,
} from "../../src/workbook/portable/formula";
import { NATIVE } from "../../src/workbook/portable/natives";

/** Values of the formula's cell, or of its whole spill area. */
function valuesAt(sheet: PreviewSheet, address: string) {
  const box = parseRange(address);
  return Array.from({ length: box.rows }, (_, r) =>
    Array.from({ length: box.columns }, (_, c) => {
      // A spilled "" and an empty cell look the same; a converted table writes the latter.
      const value = sheet.cells[box.row + r]?.[box.column + c]?.value ?? null;
      if (value === "") return null;
      return typeof value === "number" ? Number(value.toPrecision(12)) : value;
    }),
  );
}

/**
 * Enters `inputs` and a formula at A1, converts the workbook, unregisters the REE functions and
 * returns what A1 (or its spill area) showed live and shows converted, and the converted formula.
 */
async function liveAndConverted(formula: string, inputs: Record<string, string> = {}) {
  const book = createPreviewWorkbook();
  for (const [address, input] of Object.entries(inputs)) book.setCell("Sheet1", address, input);
  book.setCell("Sheet1", "A1", formula);
  const check = await checkPortable(book.port, "workbook");
  expect(check.conversions).toHaveLength(1);
  const [conversion] = check.conversions;
  const sheet = () => book.sheets().find((s) => s.name === "Sheet1") as PreviewSheet;
  const live = valuesAt(sheet(), conversion.address);
  await makePortable(book.port, "workbook", check);
  book.setReeFunctionsEnabled(false);
  return { live, converted: valuesAt(sheet(), conversion.address), conversion };
}

const examples = CATALOG.map((spec) => [spec.name, spec.example.formula] as const);

test("NATIVE has one rule per REE function, and nothing else", () => {
  expect(Object.keys(NATIVE).sort()).toEqual(CATALOG.map((spec) => spec.name).sort());
});

describe.each(examples)("%s", (_, example) => {
  test(`${example}: same result without the add-in`, async () => {
    const { live, converted, conversion } = await liveAndConverted(example);
    expect(conversion.how).not.toBe("live");
    expect(converted).toEqual(live);
  });

  test("with every argument in a cell: same result without the add-in", async () => {
    const [call] = parseFormula(example) as Extract<FormulaNode, { kind: "call" }>[];
    const inputs: Record<string, string> = {};
    let row = 20;
    const args = call.args.map((arg) => {
      const argument = classify(arg);
      const text = render(arg).trim();
      if (argument.kind === "omitted") return "";
      const values = text.startsWith("{") ? text.slice(1, -1).split(/[;,]/) : [text];
      const first = row;
      for (const item of values) {
        const shown = argument.kind === "constant" ? String(argument.value) : item;
        inputs[`H${row++}`] = values.length > 1 ? item : shown;
      }
      return values.length > 1 ? `H${first}:H${row - 1}` : `H${first}`;
    });
    const { live, converted } = await liveAndConverted(`=${call.name}(${args.join(",")})`, inputs);
    expect(converted).toEqual(live);
  });
});

describe.each(
  CATALOG.filter((spec) => spec.parameters.some((p) => p.defaultFrom)).map((spec) => [
    spec.name,
    spec,
  ]),
)("%s with its defaulted arguments as empty cells", (_, spec) => {
  test("takes the data set's defaults, like the function", async () => {
    const [call] = parseFormula(spec.example.formula) as Extract<FormulaNode, { kind: "call" }>[];
    const args = spec.parameters.map((parameter, i) =>
      parameter.defaultFrom ? `H${20 + i}` : render(call.args[i] ?? []),
    );
    const { live, converted, conversion } = await liveAndConverted(
      `=${call.name}(${args.join(",")})`,
    );
    expect(conversion.how).toBe("native");
    expect(converted).toEqual(live);
  });
});

test.each([
  ["nested", '="Market: "&REE.CONCENTRATION(REE.HHI(H20:H24))'],
  [
    "inside other functions",
    '=ROUND(REE.MAGNET_CAPACITY(REE.FACT("india.ndpr_oxide.production_t")),0)',
  ],
  ["arithmetic around", "=-REE.SELF_SUFFICIENCY(H20,H21)^2*100"],
  ["a pinned vintage", '=REE.FACT("india.repm.target_t",,"1.0.0")'],
  ["an expression argument", "=REE.OXIDE_REQUIRED(H20*2+H21)"],
])("%s: same result without the add-in", async (_, formula) => {
  const inputs = { H20: "70", H21: "13", H22: "6", H23: "5", H24: "6" };
  const { live, converted, conversion } = await liveAndConverted(formula, inputs);
  expect(conversion.how).not.toBe("live");
  expect(converted).toEqual(live);
});

test("CONCENTRATION's native bands agree with the model at and around each boundary", async () => {
  for (const hhi of [0, 1499.99, 1500, 2000, 2500, 2500.01, 10000]) {
    const { converted } = await liveAndConverted(`=REE.CONCENTRATION(${hhi})`);
    expect(converted).toEqual([[model.concentration(hhi)]]);
  }
});

describe("the formula reader", () => {
  test.each([
    '=REE.FACT("a ""quoted"" id","unit")',
    "='My ''odd'' sheet'!B2+REE.HHI('Other (2)'!$C$3:$C$9)",
    "=SUM(Table1[[#This Row],[Tonnes]],{1,2;3,4})",
    '=REE.NDPR_GAP( , B6 ,,"magnet" )',
    '=IF(A1,(1,2),REE.FACT("x"))',
    "=_xlfn.LET(x,1,x)",
  ])("reads and renders %s unchanged", (formula) => {
    expect(`=${render(parseFormula(formula))}`).toBe(formula);
  });

  test("splits arguments only at top-level commas", () => {
    const [call] = parseFormula('=REE.X("a,b",{1,2},T[[#A],[B]],F(1,2),,)') as Extract<
      FormulaNode,
      { kind: "call" }
    >[];
    expect(call.args.map((arg) => classify(arg).kind)).toEqual([
      "constant",
      "expression",
      "reference",
      "expression",
      "omitted",
      "omitted",
    ]);
  });

  test("canonical forms match however a host normalised the formula", () => {
    expect(canonical('=b5 * if(B7="", 0.3333333333333333, b7)')).toBe(
      canonical('=B5*IF(B7="",0.333333333333333,B7)'),
    );
    expect(canonical('="a b"')).not.toBe(canonical('="ab"'));
  });

  test("knows the REE functions by the spelling Excel saves in files too", () => {
    const cell = { sheet: "S", address: "A1", value: 1 };
    const typed = convertCell({ ...cell, formula: '=REE.NDPR_GAP(6000,400,,"magnet")' });
    const saved = convertCell({ ...cell, formula: '=_xldudf_REE_NDPR_GAP(6000,400,,"magnet")' });
    expect(saved?.cells).toEqual(typed?.cells);
    expect(typed?.cells).toEqual([[{ kind: "formula", formula: "=6000-400/(1/3)" }]]);
  });
});
