/**
 * Just enough of Excel's formula grammar to find function calls and their arguments: strings with
 * "" escapes, quoted sheet names ('My ''x'' sheet'!A1), structured references (T[[#This Row],[A]]),
 * array constants ({1,2;3,4}), nested calls and parentheses, empty arguments. Everything between
 * calls is kept verbatim, so rendering an unchanged tree gives back the formula character for
 * character.
 */

export type FormulaNode =
  | { kind: "text"; text: string }
  /** A string literal as written, quotes included. */
  | { kind: "string"; text: string }
  | { kind: "call"; name: string; args: FormulaNode[][] }
  | { kind: "group"; body: FormulaNode[] };

export class FormulaSyntaxError extends Error {
  constructor(formula: string, problem: string) {
    super(`Cannot read the formula ${formula}: ${problem}.`);
    this.name = "FormulaSyntaxError";
  }
}

const CALL = /[A-Za-z_\\][A-Za-z0-9_.\\]*\(/y;
const CLOSERS: Record<string, string> = { "[": "]", "{": "}" };

class Parser {
  private at = 0;

  constructor(
    private readonly body: string,
    private readonly formula: string,
  ) {}

  parse(): FormulaNode[] {
    const nodes = this.sequence(false);
    if (this.at < this.body.length) this.fail(`an unmatched ")" at character ${this.at + 2}`);
    return nodes;
  }

  private fail(problem: string): never {
    throw new FormulaSyntaxError(this.formula, problem);
  }

  /** Nodes up to a ")" (or, inside an argument list, a ","), which is left for the caller. */
  private sequence(inArguments: boolean): FormulaNode[] {
    const nodes: FormulaNode[] = [];
    let text = "";
    const flush = () => {
      if (text) nodes.push({ kind: "text", text });
      text = "";
    };
    while (this.at < this.body.length) {
      const char = this.body[this.at];
      if (char === ")" || (char === "," && inArguments)) break;
      if (char === '"') {
        flush();
        nodes.push({ kind: "string", text: this.quoted('"') });
      } else if (char === "'") {
        text += this.quoted("'");
      } else if (char in CLOSERS) {
        text += this.enclosed(char);
      } else if (char === "(") {
        flush();
        this.at++;
        nodes.push({ kind: "group", body: this.sequence(false) });
        this.close();
      } else {
        CALL.lastIndex = this.at;
        const call = CALL.exec(this.body);
        // A name starts a call only at the start of a token (not inside "A1B2(" or "1E5(").
        if (call && !/[A-Za-z0-9_.\\$]$/.test(text)) {
          flush();
          this.at += call[0].length;
          nodes.push({ kind: "call", name: call[0].slice(0, -1), args: this.arguments() });
        } else {
          text += char;
          this.at++;
        }
      }
    }
    flush();
    return nodes;
  }

  private arguments(): FormulaNode[][] {
    if (this.body[this.at] === ")") {
      this.at++;
      return [];
    }
    const args: FormulaNode[][] = [];
    for (;;) {
      args.push(this.sequence(true));
      if (this.body[this.at] !== ",") break;
      this.at++;
    }
    this.close();
    return args;
  }

  private close(): void {
    if (this.body[this.at] !== ")") this.fail('a missing ")"');
    this.at++;
  }

  /** A string or quoted sheet name; the quote character doubled inside stands for itself. */
  private quoted(quote: string): string {
    let end = this.at + 1;
    for (;;) {
      end = this.body.indexOf(quote, end);
      if (end < 0) this.fail(`an unclosed ${quote}`);
      if (this.body[end + 1] !== quote) break;
      end += 2;
    }
    const text = this.body.slice(this.at, end + 1);
    this.at = end + 1;
    return text;
  }

  /** A structured reference or array constant, kept whole: its commas separate nothing here. */
  private enclosed(open: string): string {
    const close = CLOSERS[open];
    const start = this.at;
    let depth = 0;
    while (this.at < this.body.length) {
      const char = this.body[this.at];
      if (char === '"') {
        this.quoted('"');
        continue;
      }
      this.at++;
      if (char === open) depth++;
      else if (char === close && --depth === 0) return this.body.slice(start, this.at);
    }
    return this.fail(`an unclosed ${open}`);
  }
}

/** The formula ("=..." or its body) as a tree. */
export function parseFormula(formula: string): FormulaNode[] {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  return new Parser(body, formula).parse();
}

export function render(nodes: readonly FormulaNode[]): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case "call":
          return `${node.name}(${node.args.map(render).join(",")})`;
        case "group":
          return `(${render(node.body)})`;
        default:
          return node.text;
      }
    })
    .join("");
}

export type CallNode = Extract<FormulaNode, { kind: "call" }>;

/** Every call in the tree, outermost first, with its arguments' calls after it. */
export function calls(nodes: readonly FormulaNode[]): CallNode[] {
  return nodes.flatMap((node) => {
    if (node.kind === "call") return [node, ...node.args.flatMap(calls)];
    if (node.kind === "group") return calls(node.body);
    return [];
  });
}

/** The tree with every call replaced by `visit(call)`, innermost first (arguments already visited). */
export function mapCalls(
  nodes: readonly FormulaNode[],
  visit: (call: CallNode) => FormulaNode,
): FormulaNode[] {
  return nodes.map((node): FormulaNode => {
    if (node.kind === "group") return { kind: "group", body: mapCalls(node.body, visit) };
    if (node.kind !== "call") return node;
    return visit({ ...node, args: node.args.map((arg) => mapCalls(arg, visit)) });
  });
}

/** `"a""b"` -> `a"b`. */
export function unquote(literal: string): string {
  return literal.slice(1, -1).replace(/""/g, '"');
}

/** A string literal for a formula: quotes doubled. */
export function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A number to 15 significant digits (what Excel shows and stores): for comparing formulas. */
export function numberLiteral(value: number): string {
  return String(Number(value.toPrecision(15))).toUpperCase();
}

/**
 * The fraction p/q equal to `value` to the last bit, from its continued fraction, when one with
 * 15-digit terms exists (1/3, 1345/15.5...): Excel reads at most 15 significant digits of a
 * literal, so a derived figure such as 400/1200 must be written as its division to stay exact.
 */
function exactFraction(value: number): [number, number] | null {
  let [p0, q0, p1, q1] = [0, 1, 1, 0];
  let rest = value;
  for (let step = 0; step < 40; step++) {
    const whole = Math.floor(rest);
    [p0, q0, p1, q1] = [p1, q1, whole * p1 + p0, whole * q1 + q0];
    if (p1 >= 1e15 || q1 >= 1e15) return null;
    if (p1 / q1 === value) return [p1, q1];
    if (rest === whole) return null;
    rest = 1 / (rest - whole);
  }
  return null;
}

/**
 * A number as a formula literal that Excel, HyperFormula and LibreOffice all read back as exactly
 * `value`: 15 significant digits when that is exact, else a parenthesised division ((1/3)), else
 * the shortest round-trip digits (exact in HyperFormula and LibreOffice; Excel keeps 15).
 */
export function exactLiteral(value: number): string {
  const short = numberLiteral(value);
  if (Number(short) === value) return short;
  const fraction = exactFraction(Math.abs(value));
  if (fraction) return `(${value < 0 ? "-" : ""}${fraction[0]}/${fraction[1]})`;
  return String(value).toUpperCase();
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?%?$/i;
/**
 * Every reference form Excel writes: sheet names unquoted when they are letters (any script, with
 * their combining marks), digits, "_" and "."; quoted otherwise; 3-D spans (Jan:Mar!A1); external
 * books ([Book.xlsx]Sheet1!A1, [1]Sheet1!A1); cells, ranges, whole rows and columns, spill
 * references (A1#); defined names; structured references ([@Target], Table1[[#This Row],[A]]);
 * the implicit-intersection "@"; ranges joined by ":" or intersected by a space.
 */
const BOOK = String.raw`\[[^\]]+\]`;
const BARE_SHEET = String.raw`[\p{L}\p{M}\p{N}_.]+`;
const SHEET = String.raw`(?:'(?:[^']|'')+'|(?:${BOOK})?${BARE_SHEET}(?::${BARE_SHEET})?|${BOOK})!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const END = String.raw`(?![\p{L}\p{M}\p{N}_.])`;
const AREA = String.raw`(?:${CELL}(?::${CELL})?#?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)${END}`;
const NAME = String.raw`[\p{L}_\\][\p{L}\p{M}\p{N}_.?\\]*`;
/** A column specifier; "'" escapes a bracket or "#" in a column name. */
const COLUMNS = String.raw`\[(?:'.|[^\[\]']|\[(?:'.|[^\[\]'])*\])*\]`;
const TERM = String.raw`@?(?:${SHEET})?(?:${AREA}|(?:${NAME})?${COLUMNS}|${NAME})`;
/** Each term matched once, never retried (a lookahead is atomic): no input makes the test slow. */
const once = (group: number) => `(?=(${TERM}))\\${group}`;
// Built on first use: parsing its Unicode classes takes milliseconds the pane's start does not need.
let reference: RegExp | undefined;
const referencePattern = (): RegExp =>
  (reference ??= new RegExp(String.raw`^${once(1)}(?:(?:\s*:\s*|\s+)${once(2)})*$`, "u"));

/** True when the text is a reference as Excel writes one (a cell, range, name, table column...). */
export const isReference = (text: string): boolean => referencePattern().test(text.trim());

/** What an argument is, as far as a rewrite needs to know. */
export type Argument =
  | { kind: "omitted" }
  | { kind: "constant"; value: number | string | boolean }
  /** A cell, a range, a defined name or a structured reference: may be empty. */
  | { kind: "reference"; text: string }
  | { kind: "expression"; text: string; atomic: boolean };

/** The nodes without the blank text around and between them. */
export const significant = (nodes: readonly FormulaNode[]): FormulaNode[] =>
  nodes.filter((node) => node.kind !== "text" || node.text.trim() !== "");

/** Classifies an argument's nodes (already rewritten, if they held calls). */
export function classify(nodes: readonly FormulaNode[]): Argument {
  const text = render(nodes).trim();
  const parts = significant(nodes);
  if (text === "") return { kind: "omitted" };
  if (parts.length === 1 && parts[0].kind === "string") {
    return { kind: "constant", value: unquote(parts[0].text) };
  }
  if (/^(TRUE|FALSE)$/i.test(text)) return { kind: "constant", value: /^TRUE$/i.test(text) };
  if (NUMBER.test(text)) {
    const percent = text.endsWith("%");
    const value = Number(percent ? text.slice(0, -1) : text);
    return { kind: "constant", value: percent ? value / 100 : value };
  }
  if (parts.length === 1 && parts[0].kind === "text" && referencePattern().test(text)) {
    return { kind: "reference", text };
  }
  const atomic = parts.length === 1 && parts[0].kind !== "text";
  return { kind: "expression", text, atomic };
}

/**
 * A formula in a form that compares equal however Excel or HyperFormula normalised it when it was
 * written: no spaces outside strings, capitals outside strings, numbers to 15 significant digits.
 */
export function canonical(formula: string): string {
  const walk = (nodes: readonly FormulaNode[]): string =>
    nodes
      .map((node) => {
        switch (node.kind) {
          case "string":
            return node.text;
          case "call":
            return `${node.name.toUpperCase()}(${node.args.map(walk).join(",")})`;
          case "group":
            return `(${walk(node.body)})`;
          default:
            return node.text
              .replace(/\s+/g, "")
              .toUpperCase()
              .replace(/(?<![A-Z$\d.])(\d+\.?\d*|\.\d+)(E[+-]?\d+)?/g, (number) =>
                numberLiteral(Number(number)),
              );
        }
      })
      .join("");
  try {
    return `=${walk(parseFormula(formula))}`;
  } catch {
    return formula.trim();
  }
}
