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

/** A number as a formula literal Excel keeps unchanged: 15 significant digits (what Excel stores). */
export function numberLiteral(value: number): string {
  return String(Number(value.toPrecision(15))).toUpperCase();
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?%?$/i;
const SHEET = String.raw`(?:'(?:[^']|'')+'|[A-Za-z0-9_.]+)!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const REFERENCE = new RegExp(
  String.raw`^(?:${SHEET})?(?:${CELL}(?::${CELL})?#?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+|[A-Za-z_\\][A-Za-z0-9_.\\]*(?:\[.*\])?)$`,
);

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
  if (parts.length === 1 && parts[0].kind === "text" && REFERENCE.test(text)) {
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
