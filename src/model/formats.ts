/** Excel number formats for figures by unit, so a fraction reads as 84.0% and tonnes as 53,000. */
import type { TableColumn } from "../data";

export const FORMAT = {
  tonnes: "#,##0",
  share: "0.0%",
  ratio: "0.000",
  year: "0",
  whole: "#,##0",
  oneDecimal: "#,##0.0",
  twoDecimals: "#,##0.00",
  /** Indian digit grouping (1,00,000 and 1,00,00,000) for rupee amounts. */
  indian: "[>=10000000]##\\,##\\,##\\,##0;[>=100000]##\\,##\\,##0;##,##0",
} as const;

const BY_UNIT: Record<string, string> = {
  t: FORMAT.tonnes,
  "t/yr": FORMAT.tonnes,
  "%": FORMAT.share,
  "%/yr": FORMAT.share,
  "INR crore": FORMAT.indian,
  "USD million": FORMAT.whole,
  "INR/USD": FORMAT.twoDecimals,
  "kg/vehicle": FORMAT.oneDecimal,
  "t/t": FORMAT.ratio,
  count: FORMAT.whole,
  rank: FORMAT.year,
  year: FORMAT.year,
  years: FORMAT.whole,
};

/** How an insert shows numbers: Indian presentation groups digits in lakh and crore. */
export interface Presentation {
  indian: boolean;
}

export const INTERNATIONAL: Presentation = { indian: false };

/** Grouped number formats ("#,##0", "#,##0.0 \"t\""): the ones digit grouping applies to. */
const GROUPED = /^#,##0(?![^"]*%)/;

/**
 * Lakh and crore grouping as a custom format, whatever the system locale (Excel takes grouping
 * from it, so a plain "#,##0" groups 1,234,567 everywhere). Digits are placed around literal
 * commas, so each magnitude needs its own section, and a format holds at most two conditions:
 * - unsigned (a figure that is never negative): 1 crore and over, 1 lakh and over, the rest
 *   (12,34,56,789; 12,34,567; 99,999);
 * - signed (a formula's result, which may be negative): 1 lakh and over, zero and over, then the
 *   negatives with a literal minus. LibreOffice drops a negative's own sign in the last section
 *   of a conditional format where Excel keeps it, and Excel shows a section's literal minus in its
 *   place, so only a literal minus reads "-1,234" in both. The cost: a positive of a crore or more
 *   groups as 1234,56,789 and a negative below -99,999 in thousands (-1,234,567).
 * Decimals, a quoted prefix and a unit stay: "\"₹\"#,##0.0 \"crore\"" keeps all three.
 */
export function indianGrouping(format: string, signed = false): string {
  const prefix = /^"[^"]*"/.exec(format)?.[0] ?? "";
  const body = format.slice(prefix.length);
  if (!GROUPED.test(body)) return format;
  const rest = body.slice("#,##0".length);
  const lakh = `${prefix}##\\,##\\,##0${rest}`;
  const small = `${prefix}##,##0${rest}`;
  return signed
    ? `[>=100000]${lakh};[>=0]${small};-${small}`
    : `[>=10000000]${prefix}##\\,##\\,##\\,##0${rest};[>=100000]${lakh};${small}`;
}

/** The unit as a cell shows it around the number, by the unit's first word ("t/yr NdPr oxide"). */
const SHOWN_UNITS: Record<string, { prefix?: string; suffix: string }> = {
  t: { suffix: "t" },
  "t/yr": { suffix: "t/yr" },
  years: { suffix: "years" },
  INR: { prefix: "₹", suffix: "crore" },
  USD: { prefix: "US$", suffix: "million" },
};

/**
 * A figure's format as an insert writes it: with `unit`, the unit inside the format where it is
 * tonnes, years or money (#,##0 "t", "₹"#,##0 "crore"; the cell still holds the number), and
 * grouped in lakh and crore under Indian presentation (rupee amounts always are); `signed` for a
 * cell that may show a negative number (see indianGrouping).
 */
export function presentFormat(
  format: string,
  presentation: Presentation,
  unit = "",
  signed = false,
): string {
  const rupees = format === FORMAT.indian;
  const grouped = rupees ? "#,##0" : format;
  const shown = GROUPED.test(grouped) ? SHOWN_UNITS[unit.split(" ")[0]] : undefined;
  const withUnit = shown
    ? `${shown.prefix ? `"${shown.prefix}"` : ""}${grouped} "${shown.suffix}"`
    : grouped;
  return presentation.indian || rupees ? indianGrouping(withUnit, signed) : withUnit;
}

/** The format for a figure in `unit`; General (null) for a unit we do not know. */
export function unitFormat(unit: string | undefined): string | null {
  return unit === undefined ? null : (BY_UNIT[unit] ?? null);
}

/** The format for a reference-table column: fractions as %, tonnes grouped, bare numbers (years, ranks) plain. */
export function columnFormat(column: TableColumn): string | null {
  switch (column.type) {
    case "fraction":
      return FORMAT.share;
    case "number":
      return unitFormat(column.unit) ?? FORMAT.year;
    default:
      return null;
  }
}
