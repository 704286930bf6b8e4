/**
 * Displays a computed cell the way Excel would with the number formats the writers set: "#,##0",
 * "0.0%", "0.000", quoted suffixes, and conditional sections such as the Indian grouping
 * "[>=10000000]##\,##\,##\,##0;[>=100000]##\,##\,##0;##,##0". Anything else shows as General.
 * The preview's only formatter; in Excel, Excel formats.
 */
import type { CellValue } from "../data";

type Token =
  | { kind: "digit"; optional: boolean }
  | { kind: "literal"; text: string }
  | { kind: "dot" }
  | { kind: "comma" }
  | { kind: "percent" };

/** Splits on ";" outside quotes. */
function sections(format: string): string[] {
  const parts = [""];
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && !quoted) {
      parts[parts.length - 1] += ch + (format[++i] ?? "");
      continue;
    }
    if (ch === ";" && !quoted) parts.push("");
    else parts[parts.length - 1] += ch;
  }
  return parts;
}

const CONDITION = /^\[(<=|>=|<>|<|>|=)(-?\d+(?:\.\d+)?)\]/;

function test(op: string, value: number, bound: number): boolean {
  const results: Record<string, boolean> = {
    "<": value < bound,
    "<=": value <= bound,
    ">": value > bound,
    ">=": value >= bound,
    "=": value === bound,
    "<>": value !== bound,
  };
  return results[op];
}

/**
 * In a format with conditions Excel shows a negative number's own minus, unless the section
 * writes one itself before the number ("[<0]-#,##0"): then that literal minus stands in for it.
 */
const literalMinus = (section: string): boolean => /^(?:\[[^\]]*\])*-/.test(section);

/** The section Excel would use for `value`, and whether it already shows the sign. */
function pick(format: string, value: number): { section: string; signed: boolean } {
  const all = sections(format);
  if (all.some((s) => CONDITION.test(s))) {
    for (const section of all) {
      const condition = CONDITION.exec(section);
      if (!condition || test(condition[1], value, Number(condition[2]))) {
        return { section, signed: literalMinus(section) };
      }
    }
    const last = all[all.length - 1];
    return { section: last, signed: literalMinus(last) };
  }
  if (value < 0 && all[1] !== undefined) return { section: all[1], signed: true };
  if (value === 0 && all[2] !== undefined) return { section: all[2], signed: false };
  return { section: all[0], signed: false };
}

function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  const literal = (text: string) => tokens.push({ kind: "literal", text });
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      literal(section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end;
    } else if (ch === "\\") literal(section[++i] ?? "");
    else if (ch === "[") i = Math.max(i, section.indexOf("]", i));
    else if (ch === "_") {
      // "_)" leaves the width of the next character: a space is close enough.
      i++;
      literal(" ");
    } else if (ch === "*") i++;
    else if (ch === "0" || ch === "#") tokens.push({ kind: "digit", optional: ch === "#" });
    else if (ch === ".") tokens.push({ kind: "dot" });
    else if (ch === ",") tokens.push({ kind: "comma" });
    else if (ch === "%") tokens.push({ kind: "percent" });
    else literal(ch);
  }
  return tokens;
}

/** Fills the integer placeholders right to left; literals between them show while digits remain. */
function fillInteger(zone: Token[], digits: string, grouping: boolean): string {
  const hasLiterals = zone.some((t) => t.kind === "literal");
  if (grouping && !hasLiterals) {
    const minimum = zone.filter((t) => t.kind === "digit" && !t.optional).length;
    const padded = digits.padStart(minimum, "0").replace(/^0+(?=\d)/, "");
    const shown = padded === "0" && minimum === 0 ? "" : padded;
    return shown.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }
  let rest = digits === "0" ? "" : digits;
  let out = "";
  for (let i = zone.length - 1; i >= 0; i--) {
    const token = zone[i];
    if (token.kind === "digit") {
      if (rest) {
        out = rest[rest.length - 1] + out;
        rest = rest.slice(0, -1);
      } else if (!token.optional) out = "0" + out;
    } else if (token.kind === "literal" && rest) out = token.text + out;
  }
  return rest + out;
}

function render(value: number, section: string): string {
  const tokens = tokenize(section);
  const first = tokens.findIndex((t) => t.kind === "digit");
  if (first < 0) return tokens.map((t) => (t.kind === "literal" ? t.text : "")).join("");
  let last = tokens.length - 1;
  while (tokens[last].kind !== "digit") last--;
  const body = tokens.slice(first, last + 1);
  const dot = body.findIndex((t) => t.kind === "dot");
  const integerZone = dot < 0 ? body : body.slice(0, dot);
  const fraction = dot < 0 ? [] : body.slice(dot + 1).filter((t) => t.kind === "digit");
  const percent = tokens.some((t) => t.kind === "percent");
  const scaled = Math.abs(percent ? value * 100 : value);
  const [integerDigits, fractionDigits = ""] = scaled.toFixed(fraction.length).split(".");
  const required = fraction.filter((t) => t.kind === "digit" && !t.optional).length;
  const shownFraction = fractionDigits.replace(/0+$/, "").padEnd(required, "0");
  const grouping = integerZone.some((t) => t.kind === "comma");
  const integer = fillInteger(
    integerZone.filter((t) => t.kind !== "comma"),
    integerDigits,
    grouping,
  );
  const text = (list: Token[]) =>
    list.map((t) => (t.kind === "literal" ? t.text : t.kind === "percent" ? "%" : "")).join("");
  const number = integer + (shownFraction ? `.${shownFraction}` : "");
  return text(tokens.slice(0, first)) + number + text(tokens.slice(last + 1));
}

function general(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  return String(Number(value.toPrecision(10)));
}

export function formatCellValue(value: CellValue, numberFormat?: string): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!numberFormat || numberFormat === "General" || numberFormat === "@") return general(value);
  const { section, signed } = pick(numberFormat, value);
  const shown = render(value, section);
  const isZero = !/[1-9]/.test(shown);
  return value < 0 && !signed && !isZero ? `-${shown}` : shown;
}
