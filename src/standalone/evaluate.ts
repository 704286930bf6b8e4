/**
 * Computes the value each native formula of the standalone workbook shows, so the file carries
 * results for readers that do not recalculate (previews, scripts). Only what the translated plans
 * write is understood: numbers, text, TRUE/FALSE, error literals, cells and ranges on the same
 * sheet, arithmetic, & and comparisons, and the functions in NATIVE_FUNCTIONS. Anything else is a
 * bug in a plan and says so. A test checks every result against LibreOffice's recalculation.
 */
import { cellAddress, parseCell, parseRange } from "../workbook/address";
import type { Scalar } from "../workbook/cells";

export class ErrorValue {
  constructor(readonly code: string) {}
}
export type Value = Scalar | ErrorValue;
type Operand = Value | { range: Value[] };

/** A sheet's cells by A1 address: a value, or a formula without "=". */
export type CellSource = (address: string) => { value: Scalar } | { formula: string } | undefined;

const TOKEN =
  /\s*(?:("(?:[^"]|"")*")|(#(?:VALUE!|DIV\/0!|N\/A|NUM!|REF!|NAME\?|NULL!))|((?:\d+\.?\d*|\.\d+)(?:E[+-]?\d+)?)|(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![A-Z0-9_.(])|([A-Z][A-Z0-9.]*)\(|(TRUE|FALSE)(?![A-Z0-9_.(])|(<=|>=|<>|[-+*/^&=<>(),]))/iy;

const isError = (value: Operand): value is ErrorValue => value instanceof ErrorValue;

function number(value: Value): number | ErrorValue {
  if (value instanceof ErrorValue) return value;
  if (value === null) return 0;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number") return value;
  const parsed = Number(value.trim());
  return value.trim() === "" || Number.isNaN(parsed) ? new ErrorValue("#VALUE!") : parsed;
}

const text = (value: Value): string =>
  value === null ? "" : typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : String(value);

const finite = (n: number): Value => (Number.isFinite(n) ? n : new ErrorValue("#NUM!"));

/** Excel orders numbers before text before booleans; text compares without case. */
function compare(a: Value, b: Value): number {
  const rank = (v: Value) => (typeof v === "string" ? 1 : typeof v === "boolean" ? 2 : 0);
  const [left, right] = [
    a ?? (typeof b === "string" ? "" : 0),
    b ?? (typeof a === "string" ? "" : 0),
  ];
  if (rank(left) !== rank(right)) return rank(left) - rank(right);
  if (typeof left === "string")
    return left.toLowerCase().localeCompare(String(right).toLowerCase());
  return Number(left) - Number(right);
}

/** Every value an argument holds: a range's cells, or the single value. */
const spread = (args: Operand[]): { values: Value[]; fromRange: boolean }[] =>
  args.map((arg) =>
    arg !== null && typeof arg === "object" && "range" in arg
      ? { values: arg.range, fromRange: true }
      : { values: [arg as Value], fromRange: false },
  );

/** The numbers an aggregate reads: a range's numbers only; a direct argument coerced. */
function numbers(args: Operand[]): number[] | ErrorValue {
  const out: number[] = [];
  for (const { values, fromRange } of spread(args)) {
    for (const value of values) {
      if (value instanceof ErrorValue) return value;
      if (fromRange) {
        if (typeof value === "number") out.push(value);
        continue;
      }
      const n = number(value);
      if (n instanceof ErrorValue) return n;
      out.push(n);
    }
  }
  return out;
}

const aggregate =
  (reduce: (values: number[]) => number) =>
  (args: Operand[]): Value => {
    const values = numbers(args);
    return values instanceof ErrorValue ? values : finite(reduce(values));
  };

/** The functions the translated plans may use, all in every Excel since 2010. */
const NATIVE_FUNCTIONS: Readonly<Record<string, (args: Operand[]) => Value>> = {
  SUM: aggregate((v) => v.reduce((a, b) => a + b, 0)),
  ABS: ([arg]) => {
    const n = number(arg as Value);
    return n instanceof ErrorValue ? n : Math.abs(n);
  },
  SUMSQ: aggregate((v) => v.reduce((a, b) => a + b * b, 0)),
  MIN: aggregate((v) => (v.length === 0 ? 0 : Math.min(...v))),
  MAX: aggregate((v) => (v.length === 0 ? 0 : Math.max(...v))),
  COUNT: (args) =>
    spread(args).reduce(
      (n, { values }) => n + values.filter((v) => typeof v === "number").length,
      0,
    ),
  COUNTA: (args) =>
    spread(args).reduce((n, { values }) => n + values.filter((v) => v !== null).length, 0),
  TRIM: ([arg]) =>
    isError(arg)
      ? arg
      : text(arg as Value)
          .replace(/ +/g, " ")
          .trim(),
  // eslint-disable-next-line no-control-regex
  CLEAN: ([arg]) => (isError(arg) ? arg : text(arg as Value).replace(/[\x00-\x1f]/g, "")),
};

class Evaluator {
  private readonly done = new Map<string, Value>();
  private readonly busy = new Set<string>();

  constructor(private readonly cells: CellSource) {}

  cell(address: string): Value {
    const key = address.replace(/\$/g, "").toUpperCase();
    const known = this.done.get(key);
    if (known !== undefined) return known;
    if (this.busy.has(key)) throw new Error(`Circular reference at ${key}`);
    const content = this.cells(key);
    let result: Value = null;
    if (content && "formula" in content) {
      this.busy.add(key);
      result = new Formula(content.formula, this).value();
      this.busy.delete(key);
    } else if (content) {
      result = content.value;
    }
    this.done.set(key, result);
    return result;
  }

  range(address: string): { range: Value[] } {
    const box = parseRange(address.replace(/\$/g, ""));
    const range: Value[] = [];
    for (let r = 0; r < box.rows; r++)
      for (let c = 0; c < box.columns; c++)
        range.push(this.cell(cellAddress({ row: box.row + r, column: box.column + c })));
    return { range };
  }
}

class Formula {
  private readonly tokens: string[][] = [];
  private at = 0;

  constructor(
    private readonly source: string,
    private readonly sheet: Evaluator,
  ) {
    TOKEN.lastIndex = 0;
    while (TOKEN.lastIndex < source.trimEnd().length) {
      const start = TOKEN.lastIndex;
      const match = TOKEN.exec(source);
      if (!match) throw new Error(`Cannot evaluate ${source}: unexpected text at ${start + 1}`);
      this.tokens.push(match.slice(1, 8));
    }
  }

  value(): Value {
    const result = this.comparison();
    if (this.at < this.tokens.length) this.fail("text after the formula");
    if (result !== null && typeof result === "object" && "range" in result)
      this.fail("a range as a result");
    return result as Value;
  }

  private fail(problem: string): never {
    throw new Error(`Cannot evaluate ${this.source}: ${problem}`);
  }

  private peek(): string | undefined {
    return this.tokens[this.at]?.[6];
  }

  private binary(
    next: () => Operand,
    ops: string[],
    apply: (op: string, a: Value, b: Value) => Value,
  ) {
    let left = next();
    while (ops.includes(this.peek() ?? "")) {
      const op = this.tokens[this.at++][6];
      const right = next();
      left = isError(left)
        ? left
        : isError(right)
          ? right
          : apply(op, left as Value, right as Value);
    }
    return left;
  }

  private comparison(): Operand {
    return this.binary(
      () => this.concat(),
      ["=", "<>", "<", ">", "<=", ">="],
      (op, a, b) => {
        const order = compare(a, b);
        return {
          "=": order === 0,
          "<>": order !== 0,
          "<": order < 0,
          ">": order > 0,
          "<=": order <= 0,
          ">=": order >= 0,
        }[op]!;
      },
    );
  }

  private concat(): Operand {
    return this.binary(
      () => this.additive(),
      ["&"],
      (_, a, b) => text(a) + text(b),
    );
  }

  private arithmetic(op: string, a: Value, b: Value): Value {
    const [x, y] = [number(a), number(b)];
    if (x instanceof ErrorValue) return x;
    if (y instanceof ErrorValue) return y;
    if (op === "/" && y === 0) return new ErrorValue("#DIV/0!");
    const results: Record<string, () => number> = {
      "+": () => x + y,
      "-": () => x - y,
      "*": () => x * y,
      "/": () => x / y,
      "^": () => x ** y,
    };
    return finite(results[op]());
  }

  private additive(): Operand {
    return this.binary(
      () => this.term(),
      ["+", "-"],
      (op, a, b) => this.arithmetic(op, a, b),
    );
  }

  private term(): Operand {
    return this.binary(
      () => this.power(),
      ["*", "/"],
      (op, a, b) => this.arithmetic(op, a, b),
    );
  }

  private power(): Operand {
    return this.binary(
      () => this.unary(),
      ["^"],
      (op, a, b) => this.arithmetic(op, a, b),
    );
  }

  private unary(): Operand {
    const op = this.peek();
    if (op === "-" || op === "+") {
      this.at++;
      const operand = this.unary();
      if (isError(operand)) return operand;
      return op === "-" ? this.arithmetic("-", 0, operand as Value) : operand;
    }
    return this.primary();
  }

  private primary(): Operand {
    const token = this.tokens[this.at++];
    if (!token) this.fail("a missing operand");
    const [string, error, numeric, reference, call, bool, op] = token;
    if (string !== undefined) return string.slice(1, -1).replace(/""/g, '"');
    if (error !== undefined) return new ErrorValue(error.toUpperCase());
    if (numeric !== undefined) return Number(numeric);
    if (bool !== undefined) return bool.toUpperCase() === "TRUE";
    if (reference !== undefined)
      return reference.includes(":") ? this.sheet.range(reference) : this.sheet.cell(reference);
    if (call !== undefined) return this.call(call.toUpperCase());
    if (op === "(") {
      const inner = this.comparison();
      this.expect(")");
      return inner;
    }
    return this.fail(`unexpected "${op}"`);
  }

  private expect(op: string): void {
    if (this.tokens[this.at++]?.[6] !== op) this.fail(`a missing "${op}"`);
  }

  private call(name: string): Operand {
    const args: Operand[] = [];
    if (this.peek() === ")") this.at++;
    else {
      for (;;) {
        args.push(this.comparison());
        const next = this.tokens[this.at++]?.[6];
        if (next === ")") break;
        if (next !== ",") this.fail(`a missing ")" after ${name}`);
      }
    }
    if (name === "IF") {
      const condition = args[0] as Value;
      if (isError(condition)) return condition;
      const test = number(condition);
      if (test instanceof ErrorValue) return test;
      return test !== 0 ? args[1] : (args[2] ?? false);
    }
    const fn = NATIVE_FUNCTIONS[name];
    if (!fn) this.fail(`${name} is not a function the standalone workbook uses`);
    const error = spread(args)
      .flatMap(({ values }) => values)
      .find(isError);
    return name === "COUNT" || name === "COUNTA" || !error ? fn(args) : error;
  }
}

/** The value each formula shows, by address; `cells` gives the sheet's content. */
export function evaluateSheet(cells: CellSource, formulas: readonly string[]): Map<string, Value> {
  const sheet = new Evaluator(cells);
  return new Map(formulas.map((address) => [address, sheet.cell(cellAddress(parseCell(address)))]));
}
