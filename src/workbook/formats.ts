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
 * from it, so a plain "#,##0" groups 1,234,567 everywhere). A format has at most two conditions:
 * 1 crore and over, 1 lakh and over, then the rest, where below 1 lakh the two groupings agree.
 * A negative number takes the last section with its minus sign, so below -99,999 it groups in
 * thousands: a format cannot hold a third condition. Decimals, a quoted prefix and a unit stay:
 * "\"₹\"#,##0.0 \"crore\"" keeps its rupee sign, one decimal and "crore".
 */
export function indianGrouping(format: string): string {
  const prefix = /^"[^"]*"/.exec(format)?.[0] ?? "";
  const body = format.slice(prefix.length);
  if (!GROUPED.test(body)) return format;
  const rest = body.slice("#,##0".length);
  return `[>=10000000]${prefix}##\\,##\\,##\\,##0${rest};[>=100000]${prefix}##\\,##\\,##0${rest};${prefix}##,##0${rest}`;
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
 * grouped in lakh and crore under Indian presentation (rupee amounts always are).
 */
export function presentFormat(format: string, presentation: Presentation, unit = ""): string {
  const rupees = format === FORMAT.indian;
  const grouped = rupees ? "#,##0" : format;
  const shown = GROUPED.test(grouped) ? SHOWN_UNITS[unit.split(" ")[0]] : undefined;
  const withUnit = shown
    ? `${shown.prefix ? `"${shown.prefix}"` : ""}${grouped} "${shown.suffix}"`
    : grouped;
  return presentation.indian || rupees ? indianGrouping(withUnit) : withUnit;
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
